"""Year over year: this round against every earlier round of the library, item by item
(matched by the item's stable key, so added, reworded and retired items compare) and per
section. Built by `selectors.comparison` from rows fetched in one go; nothing here queries."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.safestring import SafeString

from .charts import comparison_chart
from .models import Round, RoundItem, Section
from .results import numbered_sections
from .scoring import Change, Score, change_label, change_symbol, item_change, score_change

Cells = list[RoundItem | None]  # one per round, oldest first; None: not asked that year


class _Trend:
    """A value per round, oldest first, and how it changed since the previous round."""

    change: str | None

    def per_round(self) -> list:
        raise NotImplementedError

    @property
    def current(self):
        return self.per_round()[-1]

    @property
    def previous(self):
        values = self.per_round()
        return values[-2] if len(values) > 1 else None

    @property
    def change_label(self) -> str:
        return change_label(self.change)

    @property
    def change_symbol(self) -> str:
        return change_symbol(self.change)


@dataclass
class ItemTrend(_Trend):
    key: str
    text: str
    number: str | None
    cells: Cells
    change: str | None
    delta: int
    section: Section

    def per_round(self) -> Cells:
        return self.cells

    @property
    def item(self):
        for cell in reversed(self.cells):
            if cell is not None:
                return cell.item
        return None

    @property
    def earlier_wordings(self) -> list[tuple[int, str]]:
        """Years in which the statement was worded differently from the latest wording."""
        return [
            (cell.round.year, cell.text)
            for cell in self.cells
            if cell is not None and cell.text != self.text
        ]


@dataclass
class SectionTrend(_Trend):
    section: Section
    number: int
    scores: list[Score | None]  # per round, oldest first
    change: str | None
    delta: int | None
    items: list[ItemTrend]

    def per_round(self) -> list[Score | None]:
        return self.scores


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
        return change_label(self.overall_change[0])

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
        return [(kind.value, str(kind.label), self.count(kind)) for kind in Change]

    def chart(self) -> SafeString:
        return comparison_chart(self, width=260, row_height=22)

    def print_chart(self) -> SafeString:
        """Narrower, tighter panels: three to a row, the summary stays on one A4 page."""
        return comparison_chart(self, width=200, row_height=17)


def order_key(ri: RoundItem) -> tuple:
    """Questionnaire order: section, then item."""
    return (ri.section.order, ri.section_id, ri.order, ri.item_id)


def _cells_by_key(
    rounds: Sequence[Round], round_items: Iterable[RoundItem]
) -> tuple[dict[str, Cells], dict[str, RoundItem]]:
    """Per item key: the item in each round, and its latest version (the latest wording).

    `round_items` come ordered by year, so the last one seen of a key is the latest."""
    index = {r.pk: i for i, r in enumerate(rounds)}
    by_round = {r.pk: r for r in rounds}
    cells: dict[str, Cells] = {}
    latest: dict[str, RoundItem] = {}
    for ri in round_items:
        ri.round = by_round[ri.round_id]
        cells.setdefault(ri.item.key, [None] * len(rounds))[index[ri.round_id]] = ri
        latest[ri.item.key] = ri
    return cells, latest


def _numbers_this_year(latest: dict[str, RoundItem], rnd: Round) -> dict[str, tuple[int, str]]:
    """Per key asked in `rnd`: (section number, item number) as the round's pages show them."""
    asked = sorted((ri for ri in latest.values() if ri.round_id == rnd.pk), key=order_key)
    return {
        ri.item.key: (number, f"{number}.{position}")
        for _section, number, items in numbered_sections(asked)
        for position, ri in enumerate(items, start=1)
    }


def _keys_by_section(latest: dict[str, RoundItem]) -> dict[int, tuple[Section, list[str]]]:
    """Item keys grouped by their latest section, in questionnaire order."""
    groups: dict[int, tuple[Section, list[str]]] = {}
    for key, ri in sorted(latest.items(), key=lambda kv: order_key(kv[1])):
        groups.setdefault(ri.section_id, (ri.section, []))[1].append(key)
    return groups


def _section_numbers(
    groups: dict[int, tuple[Section, list[str]]],
    latest: dict[str, RoundItem],
    numbers: dict[str, tuple[int, str]],
) -> dict[int, int]:
    """A section keeps the number it has this year; sections no longer asked come after."""
    result = {latest[key].section_id: number for key, (number, _n) in numbers.items()}
    next_number = max(result.values(), default=0)
    for section_id in groups:
        if section_id not in result:
            next_number += 1
            result[section_id] = next_number
    return result


def _item_trend(
    key: str, cells: Cells, latest: RoundItem, number: str | None, has_previous: bool
) -> ItemTrend:
    change, delta = item_change(cells[-2], cells[-1]) if has_previous else (None, 0)
    return ItemTrend(
        key=key,
        text=latest.text,
        number=number,
        cells=cells,
        change=change,
        delta=delta,
        section=latest.section,
    )


def _scores(rows: Iterable[Cells], rounds: int) -> list[Score | None]:
    """Per round, the score of the items asked that year; None when none was asked."""
    rows = list(rows)
    scores: list[Score | None] = []
    for i in range(rounds):
        asked = [row[i] for row in rows if row[i] is not None]
        scores.append(Score.of(ri.agreed for ri in asked) if asked else None)
    return scores


def build_comparison(
    *, rnd: Round, rounds: list[Round], round_items: Iterable[RoundItem]
) -> Comparison:
    """`rounds` oldest first, ending with `rnd`; `round_items` of those rounds, by year."""
    cells, latest = _cells_by_key(rounds, round_items)
    numbers = _numbers_this_year(latest, rnd)
    groups = _keys_by_section(latest)
    section_numbers = _section_numbers(groups, latest, numbers)
    has_previous = len(rounds) > 1
    trends = []
    for section_id, (section, keys) in groups.items():
        scores = _scores((cells[key] for key in keys), len(rounds))
        change, delta = score_change(scores[-2], scores[-1]) if has_previous else (None, None)
        trends.append(
            SectionTrend(
                section=section,
                number=section_numbers[section_id],
                scores=scores,
                change=change,
                delta=delta,
                items=[
                    _item_trend(
                        key, cells[key], latest[key], numbers.get(key, (0, None))[1], has_previous
                    )
                    for key in keys
                ],
            )
        )
    trends.sort(key=lambda t: t.number)
    overall = [
        Score.of(row[i].agreed for row in cells.values() if row[i] is not None)
        for i in range(len(rounds))
    ]
    return Comparison(round=rnd, rounds=rounds, sections=trends, overall=overall)
