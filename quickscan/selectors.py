"""Reads for the Quickscan: scores, disagreement, year-over-year comparison.

Every function here runs a fixed number of queries, however many years, items and
respondents a library has: rows are fetched per kind in one go and combined in Python.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wegwijzer.charts import Series, bar_chart, line_chart
from wegwijzer.models import Library
from wegwijzer.roles import Role

from .models import (
    MAX_POINTS,
    SCORES,
    PhaseKind,
    Rating,
    Respondent,
    Response,
    Round,
    RoundItem,
    RoundStatus,
    Section,
)


def percent(points: int, maximum: int) -> int | None:
    """Points as a whole percentage of the maximum (half rounds up); None without a maximum."""
    if not maximum:
        return None
    value = Decimal(100 * points) / Decimal(maximum)
    return int(value.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


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
        return percent(self.points, self.maximum)

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


class Change:
    """How an item or section moved compared with the previous round."""

    IMPROVED = "verbeterd"
    DECLINED = "achteruit"
    UNCHANGED = "gelijk"
    NEW = "nieuw"
    RETIRED = "vervallen"
    NOT_COMPARABLE = "niet_vergelijkbaar"
    OPEN = "open"  # this year's round has no agreed answer for it yet

    LABELS = {
        IMPROVED: gettext_lazy("verbeterd"),
        DECLINED: gettext_lazy("achteruitgegaan"),
        UNCHANGED: gettext_lazy("gelijk gebleven"),
        NEW: gettext_lazy("nieuw"),
        RETIRED: gettext_lazy("vervallen"),
        NOT_COMPARABLE: gettext_lazy("niet te vergelijken"),
        OPEN: gettext_lazy("nog open"),
    }
    SYMBOLS = {
        IMPROVED: "▲",
        DECLINED: "▼",
        UNCHANGED: "=",
        NEW: "+",
        RETIRED: "×",
        NOT_COMPARABLE: "·",
        OPEN: "…",
    }


def item_change(previous: RoundItem | None, current: RoundItem | None) -> tuple[str, int]:
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


def score_change(previous: Score | None, current: Score | None) -> tuple[str, int | None]:
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


def name_of(user) -> str:
    if user is None:
        return "–"
    return user.get_full_name() or user.get_username()


def department_of(user) -> str:
    profile = getattr(user, "profile", None)
    return profile.get_department_display() if profile and profile.department else ""


def phase_label(kind: str) -> str:
    try:
        return str(PhaseKind(kind).label)
    except ValueError:
        return kind


def _theme_titles() -> dict[str, str]:
    """Chapter titles by slug, from the sections (one per chapter; 1 query)."""
    return dict(Section.objects.values_list("key", "title"))


def _label(round_items: Iterable[RoundItem], titles: dict[str, str]) -> None:
    """Give each item the title of the Wegwijzer chapter its link goes to."""
    for ri in round_items:
        ri.item.theme_title = titles.get(ri.item.theme_slug, ri.item.theme_slug)


def _short(text: str, length: int = 38) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


# ---------------------------------------------------------------------------------------
# One round: results, individual answers, disagreement


@dataclass
class ItemRow:
    round_item: RoundItem
    number: str
    answers: list[tuple[Respondent, Response | None]] = field(default_factory=list)

    @property
    def given(self) -> list[str]:
        return [r.answer for _respondent, r in self.answers if r is not None and r.answer]

    @property
    def disagrees(self) -> bool:
        return disagrees(self.given)

    @property
    def wide_apart(self) -> bool:
        return wide_apart(self.given)

    @property
    def answer_counts(self) -> list[tuple[str, str, int]]:
        """How many gave each answer, in scale order: (rating, label, count)."""
        given = self.given
        return [
            (rating, label, given.count(rating))
            for rating, label in Rating.choices
            if given.count(rating)
        ]

    @property
    def is_weak(self) -> bool:
        return self.round_item.agreed in (Rating.DEELS, Rating.NOG_NIET)

    @property
    def link_label(self) -> str:
        return phase_label(self.round_item.item.phase_kind)


@dataclass
class SectionRow:
    section: Section
    number: int
    items: list[ItemRow]

    @property
    def score(self) -> Score:
        return Score.of(row.round_item.agreed for row in self.items)

    @property
    def disagreements(self) -> int:
        return sum(1 for row in self.items if row.disagrees)


@dataclass
class RoundResults:
    round: Round
    respondents: list[Respondent]
    sections: list[SectionRow]

    @property
    def items(self) -> list[ItemRow]:
        return [row for section in self.sections for row in section.items]

    @property
    def score(self) -> Score:
        return Score.of(row.round_item.agreed for row in self.items)

    @property
    def in_order(self) -> list[ItemRow]:
        return [row for row in self.items if row.round_item.agreed == Rating.OP_ORDE]

    @property
    def weak(self) -> list[ItemRow]:
        return [row for row in self.items if row.is_weak]

    @property
    def weak_without_action(self) -> list[ItemRow]:
        return [row for row in self.weak if not row.round_item.has_action]

    @property
    def not_applicable(self) -> list[ItemRow]:
        return [row for row in self.items if row.round_item.agreed == Rating.NVT]

    @property
    def open(self) -> list[ItemRow]:
        return [row for row in self.items if not row.round_item.agreed]

    @property
    def actions(self) -> list[ItemRow]:
        rows = [row for row in self.items if row.round_item.has_action]
        return sorted(
            rows, key=lambda r: (r.round_item.action_due is None, r.round_item.action_due or 0)
        )

    @property
    def disagreements(self) -> list[ItemRow]:
        return [row for row in self.items if row.disagrees]

    @property
    def submitted(self) -> int:
        return sum(1 for r in self.respondents if r.has_submitted)

    @property
    def item_count(self) -> int:
        return len(self.items)

    @property
    def agreed_count(self) -> int:
        return sum(1 for row in self.items if row.round_item.agreed)

    def bar_chart(self):
        items = [
            (_short(f"{s.number}. {s.section.title}", 34), s.score.percent or 0)
            for s in self.sections
            if s.score.percent is not None
        ]
        return bar_chart(
            items,
            title=_("Score per onderdeel, Quickscan {year}").format(year=self.round.year),
            description=_(
                "Score per onderdeel als percentage van het maximum; de tabel ernaast geeft "
                "dezelfde getallen."
            ),
            unit="%",
            max_value=100,
        )


def _round_items(rnd: Round) -> list[RoundItem]:
    return list(
        RoundItem.objects.filter(round=rnd)
        .select_related("item", "section", "action_owner", "agreed_by")
        .order_by("section__order", "section_id", "order", "pk")
    )


def _number_rows(round_items: Sequence[RoundItem]) -> list[tuple[Section, int, list]]:
    """Group round items by section in order, numbering sections 1.. and items 1.1, 1.2 …"""
    groups: list[tuple[Section, int, list]] = []
    for ri in round_items:
        if not groups or groups[-1][0].pk != ri.section_id:
            groups.append((ri.section, len(groups) + 1, []))
        groups[-1][2].append(ri)
    return groups


def round_respondents(rnd: Round) -> list[Respondent]:
    return list(
        Respondent.objects.filter(round=rnd)
        .select_related("user__profile")
        .order_by("user__first_name", "user__last_name", "user__username")
    )


def answered_counts(rnd: Round) -> dict[int, int]:
    """Per respondent of the round: how many items they answered so far (1 query)."""
    return dict(
        Response.objects.filter(respondent__round=rnd)
        .exclude(answer="")
        .values("respondent")
        .annotate(n=Count("pk"))
        .values_list("respondent", "n")
    )


def round_results(rnd: Round) -> RoundResults:
    """Everything about one round: agreed answers, every individual answer (4 queries)."""
    round_items = _round_items(rnd)
    respondents = round_respondents(rnd)
    responses = {
        (r.respondent_id, r.round_item_id): r
        for r in Response.objects.filter(respondent__round=rnd)
    }
    sections = []
    for section, number, items in _number_rows(round_items):
        rows = [
            ItemRow(
                round_item=ri,
                number=f"{number}.{index}",
                answers=[(resp, responses.get((resp.pk, ri.pk))) for resp in respondents],
            )
            for index, ri in enumerate(items, start=1)
        ]
        sections.append(SectionRow(section=section, number=number, items=rows))
    _label(round_items, _theme_titles())
    return RoundResults(round=rnd, respondents=respondents, sections=sections)


@dataclass
class AnswerSection:
    section: Section
    number: int
    items: list[tuple[str, RoundItem, Response | None]]


def my_answers(respondent: Respondent) -> list[AnswerSection]:
    """The items of the round with the respondent's own answers (2 queries)."""
    mine = {r.round_item_id: r for r in Response.objects.filter(respondent=respondent)}
    round_items = list(
        RoundItem.objects.filter(round_id=respondent.round_id)
        .select_related("item", "section")
        .order_by("section__order", "section_id", "order", "pk")
    )
    _label(round_items, _theme_titles())
    return [
        AnswerSection(
            section=section,
            number=number,
            items=[
                (f"{number}.{index}", ri, mine.get(ri.pk))
                for index, ri in enumerate(items, start=1)
            ],
        )
        for section, number, items in _number_rows(round_items)
    ]


# ---------------------------------------------------------------------------------------
# Year over year


@dataclass
class ItemTrend:
    key: str
    text: str
    number: str | None
    cells: list[RoundItem | None]  # per round, oldest first
    change: str | None
    delta: int
    section: Section

    @property
    def current(self) -> RoundItem | None:
        return self.cells[-1]

    @property
    def previous(self) -> RoundItem | None:
        return self.cells[-2] if len(self.cells) > 1 else None

    @property
    def item(self):
        for cell in reversed(self.cells):
            if cell is not None:
                return cell.item
        return None

    @property
    def change_label(self) -> str:
        return str(Change.LABELS[self.change]) if self.change else ""

    @property
    def change_symbol(self) -> str:
        return Change.SYMBOLS[self.change] if self.change else ""

    @property
    def earlier_wordings(self) -> list[tuple[int, str]]:
        """Years in which the statement was worded differently from the latest wording."""
        return [
            (cell.round.year, cell.text)
            for cell in self.cells
            if cell is not None and cell.text != self.text
        ]


@dataclass
class SectionTrend:
    section: Section
    number: int
    scores: list[Score | None]  # per round, oldest first
    change: str | None
    delta: int | None
    items: list[ItemTrend]

    @property
    def current(self) -> Score | None:
        return self.scores[-1]

    @property
    def previous(self) -> Score | None:
        return self.scores[-2] if len(self.scores) > 1 else None

    @property
    def change_label(self) -> str:
        return str(Change.LABELS[self.change]) if self.change else ""

    @property
    def change_symbol(self) -> str:
        return Change.SYMBOLS[self.change] if self.change else ""


@dataclass
class Comparison:
    round: Round
    rounds: list[Round]  # oldest first, ending with `round`
    sections: list[SectionTrend]
    overall: list[Score]

    @property
    def previous(self) -> Round | None:
        return self.rounds[-2] if len(self.rounds) > 1 else None

    @property
    def years(self) -> list[int]:
        return [r.year for r in self.rounds]

    @property
    def overall_now(self) -> Score:
        return self.overall[-1]

    @property
    def overall_change(self) -> tuple[str | None, int | None]:
        if self.previous is None:
            return None, None
        return score_change(self.overall[-2], self.overall[-1])

    @property
    def overall_change_label(self) -> str:
        change = self.overall_change[0]
        return str(Change.LABELS[change]) if change else ""

    @property
    def overall_delta(self) -> int | None:
        return self.overall_change[1]

    @property
    def items(self) -> list[ItemTrend]:
        return [item for section in self.sections for item in section.items]

    def _changed(self, kind: str, reverse: bool) -> list[ItemTrend]:
        rows = [i for i in self.items if i.change == kind]
        return sorted(rows, key=lambda i: i.delta, reverse=reverse)

    @property
    def improvements(self) -> list[ItemTrend]:
        return self._changed(Change.IMPROVED, reverse=True)

    @property
    def declines(self) -> list[ItemTrend]:
        return self._changed(Change.DECLINED, reverse=False)

    def count(self, kind: str) -> int:
        return sum(1 for i in self.items if i.change == kind)

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        return [
            (kind, str(Change.LABELS[kind]), self.count(kind))
            for kind in (
                Change.IMPROVED,
                Change.DECLINED,
                Change.UNCHANGED,
                Change.NEW,
                Change.RETIRED,
                Change.NOT_COMPARABLE,
                Change.OPEN,
            )
        ]

    def chart(self, *, width: int = 640, height: int = 340):
        series = [
            Series(
                _short(f"{s.number}. {s.section.title}"),
                [score.percent if score else None for score in s.scores],
            )
            for s in self.sections
        ]
        series.append(Series(_("Totaal"), [score.percent for score in self.overall]))
        return line_chart(
            series,
            [str(year) for year in self.years],
            title=_("Score per onderdeel over de jaren"),
            description=_(
                "Per onderdeel van de Quickscan de score als percentage van het maximum, per "
                "jaar; de tabel bij de grafiek geeft dezelfde getallen."
            ),
            width=width,
            height=height,
        )


def comparison(rnd: Round, *, max_years: int | None = None) -> Comparison:
    """This round against every earlier round of the library (2 queries, any number of years).

    Items are matched by their stable key, so added, reworded and retired items compare.
    """
    rounds = list(Round.objects.filter(library_id=rnd.library_id, year__lte=rnd.year))
    rounds.sort(key=lambda r: r.year)
    if max_years:
        rounds = rounds[-max_years:]
    index = {r.pk: i for i, r in enumerate(rounds)}
    by_round = {r.pk: r for r in rounds}
    cells: dict[str, list[RoundItem | None]] = {}
    latest: dict[str, RoundItem] = {}
    for ri in (
        RoundItem.objects.filter(round__in=[r.pk for r in rounds])
        .select_related("item", "section", "action_owner")
        .order_by("round__year", "section__order", "section_id", "order", "pk")
    ):
        ri.round = by_round[ri.round_id]
        key = ri.item.key
        cells.setdefault(key, [None] * len(rounds))[index[ri.round_id]] = ri
        latest[key] = ri  # ordered by year: the last one seen is the latest wording
    current_numbers = {}
    for _section, number, items in _number_rows(
        sorted((ri for ri in latest.values() if ri.round_id == rnd.pk), key=_order_key)
    ):
        for position, ri in enumerate(items, start=1):
            current_numbers[ri.item.key] = (number, f"{number}.{position}")

    # Sections in questionnaire order; a section keeps the number it has this year.
    section_of: dict[int, Section] = {}
    keys_by_section: dict[int, list[str]] = defaultdict(list)
    for key, ri in sorted(latest.items(), key=lambda kv: _order_key(kv[1])):
        section_of.setdefault(ri.section_id, ri.section)
        keys_by_section[ri.section_id].append(key)
    has_previous = len(rounds) > 1
    trends = []
    section_numbers = {
        latest[key].section_id: number for key, (number, _n) in current_numbers.items()
    }
    next_number = max(section_numbers.values(), default=0)
    for section_id, keys in keys_by_section.items():
        items = []
        for key in keys:
            row = cells[key]
            change, delta = item_change(row[-2], row[-1]) if has_previous else (None, 0)
            items.append(
                ItemTrend(
                    key=key,
                    text=latest[key].text,
                    number=current_numbers.get(key, (None, None))[1],
                    cells=row,
                    change=change,
                    delta=delta,
                    section=section_of[section_id],
                )
            )
        scores = []
        for i in range(len(rounds)):
            asked = [cells[key][i] for key in keys if cells[key][i] is not None]
            scores.append(Score.of(ri.agreed for ri in asked) if asked else None)
        change, delta = score_change(scores[-2], scores[-1]) if has_previous else (None, None)
        if section_id not in section_numbers:
            next_number += 1
            section_numbers[section_id] = next_number
        trends.append(
            SectionTrend(
                section=section_of[section_id],
                number=section_numbers[section_id],
                scores=scores,
                change=change,
                delta=delta,
                items=items,
            )
        )
    trends.sort(key=lambda t: t.number)
    overall = [
        Score.of(row[i].agreed for row in cells.values() if row[i] is not None)
        for i in range(len(rounds))
    ]
    _label(latest.values(), _theme_titles())
    return Comparison(round=rnd, rounds=rounds, sections=trends, overall=overall)


def _order_key(ri: RoundItem) -> tuple:
    return (ri.section.order, ri.section_id, ri.order, ri.item_id)


# ---------------------------------------------------------------------------------------
# Lists


def rounds_overview(*, library: Library) -> QuerySet:
    """The library's rounds, newest first, with their counts (1 query)."""

    def count(model, filters: Q | None = None) -> Coalesce:
        return Coalesce(
            Subquery(
                model.objects.filter(filters or Q(), round=OuterRef("pk"))
                .values("round")
                .annotate(n=Count("pk"))
                .values("n"),
                output_field=IntegerField(),
            ),
            0,
        )

    return Round.objects.filter(library=library).annotate(
        item_count=count(RoundItem),
        agreed_count=count(RoundItem, ~Q(agreed="")),
        respondent_count=count(Respondent),
        submitted_count=count(Respondent, Q(submitted_at__isnull=False)),
    )


def latest_round(*, library: Library, closed_only: bool = False) -> Round | None:
    rounds = Round.objects.filter(library=library)
    if closed_only:
        rounds = rounds.filter(status=RoundStatus.CLOSED)
    return rounds.order_by("-year").first()


def candidates(*, library: Library) -> QuerySet:
    """Who can be invited: the library's workgroup members and MT (the manager)."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            profile__library=library,
            groups__name__in=[Role.WERKGROEP.value, Role.TREKKER.value, Role.MT.value],
        )
        .select_related("profile")
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def workgroup_member_ids(*, library: Library) -> set[int]:
    return set(
        get_user_model()
        .objects.filter(
            is_active=True,
            profile__library=library,
            groups__name__in=[Role.WERKGROEP.value, Role.TREKKER.value],
        )
        .values_list("pk", flat=True)
    )


def staff(*, library: Library) -> list:
    """Everyone who can own an action: the library's active staff (1 query)."""
    return list(
        get_user_model()
        .objects.filter(is_active=True, profile__library=library)
        .select_related("profile")
        .order_by("first_name", "last_name", "username")
    )
