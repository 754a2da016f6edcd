"""One round's results as the pages show them: sections with numbered items, every individual
answer next to the agreed one, and what the workgroup still has to do. Built by
`selectors.round_results` from rows fetched in one go; nothing here queries."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.safestring import SafeString

from .charts import results_chart
from .models import PhaseKind, Rating, Respondent, Response, Round, RoundItem, Section
from .scoring import Score, disagrees, wide_apart


def phase_label(kind: str) -> str:
    try:
        return str(PhaseKind(kind).label)
    except ValueError:
        return kind


def numbered_sections(round_items: Sequence[RoundItem]) -> list[tuple[Section, int, list]]:
    """Group round items by section in order, numbering sections 1.. and items 1.1, 1.2 …"""
    groups: list[tuple[Section, int, list]] = []
    for ri in round_items:
        if not groups or groups[-1][0].pk != ri.section_id:
            groups.append((ri.section, len(groups) + 1, []))
        groups[-1][2].append(ri)
    return groups


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

    def row_for(self, round_item: RoundItem) -> ItemRow:
        return next(row for row in self.items if row.round_item.pk == round_item.pk)

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
    def handed_in(self) -> list[Respondent]:
        return [r for r in self.respondents if r.has_submitted]

    @property
    def not_handed_in(self) -> list[Respondent]:
        return [r for r in self.respondents if not r.has_submitted]

    @property
    def item_count(self) -> int:
        return len(self.items)

    @property
    def agreed_count(self) -> int:
        return sum(1 for row in self.items if row.round_item.agreed)

    def bar_chart(self) -> SafeString:
        return results_chart(self)


def build_results(
    *,
    rnd: Round,
    round_items: Sequence[RoundItem],
    respondents: list[Respondent],
    responses: dict[tuple[int, int], Response],
) -> RoundResults:
    """Every item with every respondent's answer (`responses` by (respondent, round item))."""
    sections = []
    for section, number, items in numbered_sections(round_items):
        rows = [
            ItemRow(
                round_item=ri,
                number=f"{number}.{index}",
                answers=[(resp, responses.get((resp.pk, ri.pk))) for resp in respondents],
            )
            for index, ri in enumerate(items, start=1)
        ]
        sections.append(SectionRow(section=section, number=number, items=rows))
    return RoundResults(round=rnd, respondents=respondents, sections=sections)


@dataclass
class AnswerSection:
    section: Section
    number: int
    items: list[tuple[str, RoundItem, Response | None]]


def build_answer_sections(
    round_items: Sequence[RoundItem], mine: dict[int, Response]
) -> list[AnswerSection]:
    """The round's items, numbered, with one respondent's answers (`mine` by round item)."""
    return [
        AnswerSection(
            section=section,
            number=number,
            items=[
                (f"{number}.{index}", ri, mine.get(ri.pk))
                for index, ri in enumerate(items, start=1)
            ],
        )
        for section, number, items in numbered_sections(round_items)
    ]
