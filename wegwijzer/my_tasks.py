"""Everything assigned to one person, from the apps that assign work: "Mijn taken".

The project package sits above the apps, so it may read from both; the apps never read
from each other.
"""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from core.models import Library
from core.people import display_name
from quickscan import selectors as quickscan_selectors
from quickscan.models import RoundItem
from themes import selectors as themes_selectors


@dataclass(frozen=True)
class TaskRow:
    kind: str
    what: str
    where: str
    url: str
    due: datetime.date | None
    is_done: bool
    is_overdue: bool
    done_by: str = ""
    done_at: datetime.datetime | None = None
    # Quickscan actions are ticked off on the page itself.
    action: RoundItem | None = None


def _name(user) -> str:
    return display_name(user) if user else ""


def tasks_for(
    *, user, library: Library, today: datetime.date, can_read_quickscan: bool
) -> list[TaskRow]:
    """Open steps and Quickscan actions (open first, then done), earliest due date first."""
    rows = []
    for progress in themes_selectors.assigned_open_steps(user=user, library=library):
        step = progress.step
        rows.append(
            TaskRow(
                kind=_("Wegwijzer-stap"),
                what=step.title or step.text,
                where=step.location,
                url=reverse("themes:phase", args=[step.phase.theme.slug, step.phase.kind])
                + f"#stap-{step.number}",
                due=progress.due_date,
                is_done=False,
                is_overdue=bool(progress.due_date and progress.due_date < today),
            )
        )
    for item in quickscan_selectors.my_actions(user=user, library=library):
        rows.append(
            TaskRow(
                kind=_("Quickscan-actie"),
                what=item.action_what,
                where=_("Quickscan {year} – {section}").format(
                    year=item.round.year, section=item.section.title
                ),
                url=reverse("quickscan:results", args=[item.round_id])
                if can_read_quickscan
                else "",
                due=item.action_due,
                is_done=item.action_is_done,
                is_overdue=bool(
                    not item.action_is_done and item.action_due and item.action_due < today
                ),
                done_by=_name(item.action_done_by),
                done_at=item.action_done_at,
                action=item,
            )
        )
    far = datetime.date.max
    rows.sort(key=lambda row: (row.is_done, row.due or far))
    return rows
