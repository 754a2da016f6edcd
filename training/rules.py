"""The certificate rule, without queries: all e-learnings of the course done, and present at
at least 75% of its meetings.

A cancelled meeting does not count at all. A meeting still to come counts: it is part of the
course, so "nog 1 bijeenkomst" can be said before it takes place. An e-learning added to the
course later is needed too, also by whoever had finished the others.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Attendance needed, as a fraction: present * DENOMINATOR >= meetings * NUMERATOR.
NUMERATOR = 3
DENOMINATOR = 4


def meetings_needed(meeting_count: int) -> int:
    """The smallest number of meetings that is at least 75% of `meeting_count`."""
    return -(-meeting_count * NUMERATOR // DENOMINATOR)


@dataclass(frozen=True)
class Progress:
    modules_total: int
    modules_done: int
    meetings_total: int  # not cancelled
    meetings_attended: int

    @property
    def modules_missing(self) -> int:
        return max(0, self.modules_total - self.modules_done)

    @property
    def meetings_needed(self) -> int:
        return meetings_needed(self.meetings_total)

    @property
    def meetings_missing(self) -> int:
        return max(0, self.meetings_needed - self.meetings_attended)

    @property
    def qualifies(self) -> bool:
        return (
            self.modules_total > 0
            and self.meetings_total > 0
            and self.modules_missing == 0
            and self.meetings_missing == 0
        )

    @property
    def missing_text(self) -> str:
        """What is still needed for the certificate, in one short line."""
        if self.qualifies:
            return _("voldoet aan de eisen voor het certificaat")
        parts = []
        if self.modules_missing:
            parts.append(
                ngettext("nog %(n)d e-learning", "nog %(n)d e-learnings", self.modules_missing)
                % {"n": self.modules_missing}
            )
        if self.meetings_missing:
            parts.append(
                ngettext("nog %(n)d bijeenkomst", "nog %(n)d bijeenkomsten", self.meetings_missing)
                % {"n": self.meetings_missing}
            )
        if not parts:
            return _("de leergang heeft nog geen e-learnings of bijeenkomsten")
        return ", ".join(parts)


def progress(
    *, module_ids: set[int], done_module_ids: set[int], meeting_ids: set[int], present_ids: set[int]
) -> Progress:
    """Progress from the course's modules and (not cancelled) meetings and the participant's
    completions and attendance; completions of modules no longer in the course do not count."""
    return Progress(
        modules_total=len(module_ids),
        modules_done=len(module_ids & done_module_ids),
        meetings_total=len(meeting_ids),
        meetings_attended=len(meeting_ids & present_ids),
    )
