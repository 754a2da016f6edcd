"""Year over year with known answers, across versions of the questionnaire: items added,
reworded and retired compare by their stable key."""

import re

import pytest

from quickscan import selectors
from quickscan.models import Item, Rating, RoundItem
from quickscan.scoring import Change, Score, item_change, score_change
from tests.quickscan.helpers import make_round

pytestmark = pytest.mark.django_db

OP, DE, NN, NVT = Rating.OP_ORDE, Rating.DEELS, Rating.NOG_NIET, Rating.NVT


@pytest.fixture
def three_years(small, library, users, year):
    """Y-2, Y-1 and this year; b-twee is reworded before this year's round."""
    user = users["trekker"]
    first = make_round(
        library, year - 2, user, {"a-vast": NN, "a-weg": DE, "b-een": OP, "b-twee": NVT}
    )
    second = make_round(
        library, year - 1, user, {"a-vast": DE, "a-weg": OP, "b-een": DE, "b-twee": NN}
    )
    Item.objects.filter(key="b-twee").update(
        text="Nieuwe activiteiten zijn getoetst op kansrijkheid."
    )
    third = make_round(
        library, year, user, {"a-vast": OP, "a-nieuw": NN, "b-een": DE, "b-twee": OP}
    )
    return first, second, third


def _items(comparison):
    return {item.key: item for item in comparison.items}


def test_each_round_asks_the_questionnaire_of_its_year(three_years):
    first, second, third = three_years
    asked = [
        sorted(RoundItem.objects.filter(round=r).values_list("item__key", flat=True))
        for r in three_years
    ]
    assert asked == [
        ["a-vast", "a-weg", "b-een", "b-twee"],
        ["a-vast", "a-weg", "b-een", "b-twee"],
        ["a-nieuw", "a-vast", "b-een", "b-twee"],
    ]


def test_scores_per_section_and_overall_over_the_years(three_years, year):
    comparison = selectors.comparison(rnd=three_years[2])
    assert comparison.years == [year - 2, year - 1, year]
    a, b = comparison.sections
    assert [s.percent for s in a.scores] == [25, 75, 50]
    assert [s.percent for s in b.scores] == [100, 25, 75]  # n.v.t. in the first year left out
    assert [s.percent for s in comparison.overall] == [50, 50, 63]  # 5 of 8 is 62.5
    assert (a.change, a.delta) == (Change.DECLINED, -25)
    assert (b.change, b.delta) == (Change.IMPROVED, 50)
    assert comparison.overall_change == (Change.IMPROVED, 13)


def test_item_changes_against_last_year(three_years):
    items = _items(selectors.comparison(rnd=three_years[2]))
    changes = {key: (item.change, item.delta) for key, item in items.items()}
    assert changes == {
        "a-vast": (Change.IMPROVED, 1),  # deels -> op orde
        "a-weg": (Change.RETIRED, 0),  # no longer asked this year
        "a-nieuw": (Change.NEW, 0),  # first asked this year
        "b-een": (Change.UNCHANGED, 0),
        "b-twee": (Change.IMPROVED, 2),  # nog niet -> op orde, though reworded
    }
    comparison = selectors.comparison(rnd=three_years[2])
    assert [i.key for i in comparison.improvements] == ["b-twee", "a-vast"]
    assert comparison.declines == []
    assert {kind: n for kind, _label, n in comparison.counts} == {
        Change.IMPROVED: 2,
        Change.DECLINED: 0,
        Change.UNCHANGED: 1,
        Change.NEW: 1,
        Change.RETIRED: 1,
        Change.NOT_COMPARABLE: 0,
        Change.OPEN: 0,
    }


def test_a_retired_item_keeps_its_history_and_a_new_one_has_none(three_years):
    items = _items(selectors.comparison(rnd=three_years[2]))
    assert [c.agreed if c else None for c in items["a-weg"].cells] == [DE, OP, None]
    assert items["a-weg"].number is None  # not numbered: not asked this year
    assert [c.agreed if c else None for c in items["a-nieuw"].cells] == [None, None, NN]
    assert items["a-nieuw"].number == "1.2"


def test_a_reworded_item_shows_its_earlier_wording(three_years, year):
    item = _items(selectors.comparison(rnd=three_years[2]))["b-twee"]
    assert item.text == "Nieuwe activiteiten zijn getoetst op kansrijkheid."
    assert item.earlier_wordings == [
        (year - 2, "Activiteiten zijn kansrijk."),
        (year - 1, "Activiteiten zijn kansrijk."),
    ]


def test_the_middle_year_compares_with_the_year_before_and_ignores_later_years(three_years, year):
    comparison = selectors.comparison(rnd=three_years[1])
    assert comparison.years == [year - 2, year - 1]
    items = _items(comparison)
    assert "a-nieuw" not in items
    assert (items["b-een"].change, items["b-een"].delta) == (Change.DECLINED, -1)
    assert items["b-twee"].change == Change.NOT_COMPARABLE  # n.v.t. -> nog niet
    assert [i.key for i in comparison.declines] == ["b-een"]


def test_the_first_round_has_nothing_to_compare_with(three_years):
    comparison = selectors.comparison(rnd=three_years[0])
    assert comparison.previous is None
    assert all(item.change is None for item in comparison.items)
    assert comparison.overall_change == (None, None)


def test_a_section_no_longer_asked_shows_as_retired(small, library, users, year):
    user = users["trekker"]
    make_round(library, year - 1, user, {"a-vast": OP, "a-weg": OP, "b-een": OP, "b-twee": OP})
    Item.objects.filter(section__key="programmering").update(retired_in=year)
    now = make_round(library, year, user, {"a-vast": OP, "a-nieuw": OP})
    b = next(s for s in selectors.comparison(rnd=now).sections if s.section.key == "programmering")
    assert b.current is None
    assert b.change == Change.RETIRED
    assert {i.change for i in b.items} == {Change.RETIRED}


def test_rewording_an_item_later_does_not_change_what_a_round_asked(three_years):
    Item.objects.filter(key="a-vast").update(text="Helemaal anders.")
    texts = RoundItem.objects.filter(item__key="a-vast").values_list("text", flat=True)
    assert set(texts) == {"Er is een trekker."}


def test_only_the_librarys_own_rounds_are_compared(three_years, year, users):
    from tests.factories import LibraryFactory

    other = LibraryFactory()
    make_round(other, year - 1, users["trekker"], {"a-vast": NN}, close=False)
    comparison = selectors.comparison(rnd=three_years[2])
    assert comparison.years == [year - 2, year - 1, year]
    assert {r.library_id for r in comparison.rounds} == {three_years[2].library_id}


@pytest.mark.parametrize(
    ("before", "now", "expected"),
    [
        (NN, OP, (Change.IMPROVED, 2)),
        (DE, OP, (Change.IMPROVED, 1)),
        (OP, NN, (Change.DECLINED, -2)),
        (DE, DE, (Change.UNCHANGED, 0)),
        (NVT, NVT, (Change.UNCHANGED, 0)),
        (NVT, OP, (Change.NOT_COMPARABLE, 0)),
        (OP, NVT, (Change.NOT_COMPARABLE, 0)),
        ("", OP, (Change.NOT_COMPARABLE, 0)),  # no agreed answer last year
        (OP, "", (Change.OPEN, 0)),  # none yet this year
        ("", "", (Change.OPEN, 0)),
    ],
)
def test_item_change(before, now, expected):
    assert item_change(RoundItem(agreed=before), RoundItem(agreed=now)) == expected


def test_item_change_new_and_retired():
    assert item_change(None, RoundItem(agreed=OP)) == (Change.NEW, 0)
    assert item_change(RoundItem(agreed=OP), None) == (Change.RETIRED, 0)


def test_score_change():
    assert score_change(Score.of([DE]), Score.of([OP])) == (Change.IMPROVED, 50)
    assert score_change(Score.of([OP]), Score.of([OP, NN])) == (Change.DECLINED, -50)
    assert score_change(Score.of([OP]), Score.of([OP, NVT])) == (Change.UNCHANGED, 0)
    assert score_change(None, Score.of([OP])) == (Change.NEW, None)
    assert score_change(Score.of([OP]), None) == (Change.RETIRED, None)
    assert score_change(Score.of([NVT]), Score.of([OP])) == (Change.NOT_COMPARABLE, None)
    assert score_change(Score.of([OP]), Score.of([""])) == (Change.OPEN, None)
    assert score_change(Score.of([OP]), Score.of([NVT])) == (Change.NOT_COMPARABLE, None)


def test_the_chart_draws_a_panel_per_section_and_the_total(three_years, year):
    chart = str(selectors.comparison(rnd=three_years[2]).chart())
    assert chart.count('<figure class="chart-multiple">') == 3  # two sections and the total
    assert chart.count("<svg") == 3
    # Each panel's numbers, years side by side, for screen readers.
    assert re.search(rf'aria-label="1\. Gezinsaanpak algemeen: [^"]*{year - 1} 75%', chart)
    assert re.search(rf'aria-label="Totaal: [^"]*{year - 1} 50%, {year} 63%"', chart)


def test_max_years_keeps_the_latest_rounds(three_years, year):
    comparison = selectors.comparison(rnd=three_years[2], max_years=2)
    assert comparison.years == [year - 1, year]
    assert [s.percent for s in comparison.overall] == [50, 63]


def test_an_open_round_shows_what_is_still_open(small, library, users, year):
    user = users["trekker"]
    make_round(library, year - 1, user, {"a-vast": DE, "a-weg": OP, "b-een": DE, "b-twee": NN})
    now = make_round(library, year, user, {"a-vast": OP}, close=False)
    comparison = selectors.comparison(rnd=now)
    changes = {item.key: item.change for item in comparison.items}
    assert changes == {
        "a-vast": Change.IMPROVED,
        "a-weg": Change.RETIRED,
        "a-nieuw": Change.NEW,
        "b-een": Change.OPEN,
        "b-twee": Change.OPEN,
    }
    a, b = comparison.sections
    assert (a.change, b.change) == (Change.IMPROVED, Change.OPEN)
