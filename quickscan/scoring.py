"""The Quickscan's rules: how answers score, when respondents disagree, and how an item or
score changed since last year. Plain functions on values: no queries."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.numbers import percent

from .models import MAX_POINTS, SCORES, Rating


@dataclass(frozen=True)
class Score:
    """The score of a set of agreed answers: op orde 2, deels 1, nog niet 0, n.v.t. left out."""

    op_orde: int = 0
    deels: int = 0
    nog_niet: int = 0
    nvt: int = 0
    open: int = 0  # no agreed answer (yet)

    @classmethod
    def of(cls, answers: Iterable[str]) -> "Score":
        counts: dict[str, int] = defaultdict(int)
        for answer in answers:
            counts[answer or ""] += 1
        return cls(
            op_orde=counts[Rating.OP_ORDE],
            deels=counts[Rating.DEELS],
            nog_niet=counts[Rating.NOG_NIET],
            nvt=counts[Rating.NVT],
            open=sum(n for a, n in counts.items() if a not in SCORES and a != Rating.NVT),
        )

    @property
    def points(self) -> int:
        return sum(SCORES[Rating(a)] * getattr(self, a) for a in SCORES)

    @property
    def maximum(self) -> int:
        return MAX_POINTS * (self.op_orde + self.deels + self.nog_niet)

    @property
    def percent(self) -> int | None:
        """Points as a share of the maximum; None when nothing counts (all n.v.t. or open)."""
        return percent(self.points, self.maximum, empty=None)

    @property
    def total(self) -> int:
        return self.op_orde + self.deels + self.nog_niet + self.nvt + self.open

    @property
    def is_provisional(self) -> bool:
        return self.open > 0


def disagrees(answers: Iterable[str]) -> bool:
    """Respondents disagree when they gave more than one different answer.

    "weet ik niet" and no answer are not an opinion, so they never make a disagreement.
    """
    given = {a for a in answers if a and a != Rating.WEET_NIET}
    return len(given) > 1


def wide_apart(answers: Iterable[str]) -> bool:
    """Someone says op orde where someone else says nog niet."""
    given = set(answers)
    return Rating.OP_ORDE in given and Rating.NOG_NIET in given


class Change(models.TextChoices):
    """How an item or section moved compared with the previous round."""

    IMPROVED = "verbeterd", _("verbeterd")
    DECLINED = "achteruit", _("achteruitgegaan")
    UNCHANGED = "gelijk", _("gelijk gebleven")
    NEW = "nieuw", _("nieuw")
    RETIRED = "vervallen", _("vervallen")
    NOT_COMPARABLE = "niet_vergelijkbaar", _("niet te vergelijken")
    OPEN = "open", _("nog open")  # this year's round has no agreed answer for it yet

    @property
    def symbol(self) -> str:
        return CHANGE_SYMBOLS[self]


CHANGE_SYMBOLS = {
    Change.IMPROVED: "▲",
    Change.DECLINED: "▼",
    Change.UNCHANGED: "=",
    Change.NEW: "+",
    Change.RETIRED: "×",
    Change.NOT_COMPARABLE: "·",
    Change.OPEN: "…",
}


class _Agreed(Protocol):
    agreed: str


def item_change(previous: _Agreed | None, current: _Agreed | None) -> tuple[Change, int]:
    """(change, score difference) of an item between two rounds, matched by key."""
    if current is None:
        return Change.RETIRED, 0
    if previous is None:
        return Change.NEW, 0
    if not current.agreed:
        return Change.OPEN, 0
    before, now = previous.agreed, current.agreed
    if before and before == now:
        return Change.UNCHANGED, 0
    if before in SCORES and now in SCORES:
        delta = SCORES[Rating(now)] - SCORES[Rating(before)]
        return (Change.IMPROVED if delta > 0 else Change.DECLINED), delta
    return Change.NOT_COMPARABLE, 0


def score_change(previous: Score | None, current: Score | None) -> tuple[Change, int | None]:
    """(change, difference in percentage points) of a section or overall score."""
    if current is None or current.total == 0:
        return Change.RETIRED, None
    if previous is None or previous.total == 0:
        return Change.NEW, None
    if current.percent is None and current.open:
        return Change.OPEN, None
    if previous.percent is None or current.percent is None:
        return Change.NOT_COMPARABLE, None
    delta = current.percent - previous.percent
    if delta > 0:
        return Change.IMPROVED, delta
    if delta < 0:
        return Change.DECLINED, delta
    return Change.UNCHANGED, 0


def change_label(kind: str | None) -> str:
    """The change in words; empty for none (a first round has nothing to compare with)."""
    return str(Change(kind).label) if kind else ""


def change_symbol(kind: str | None) -> str:
    return Change(kind).symbol if kind else ""
