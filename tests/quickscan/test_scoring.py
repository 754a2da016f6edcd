"""Scores with known answers: op orde 2, deels 1, nog niet 0, as a percentage of the maximum,
n.v.t. left out; overall over every item, not the mean of the sections."""

import pytest

from quickscan import selectors
from quickscan.models import Rating
from quickscan.scoring import Score
from tests.quickscan.helpers import agree, make_round

pytestmark = pytest.mark.django_db

OP, DE, NN, NVT = Rating.OP_ORDE, Rating.DEELS, Rating.NOG_NIET, Rating.NVT


@pytest.mark.parametrize(
    ("answers", "points", "maximum", "expected"),
    [
        ([OP, DE, NN, NVT], 3, 6, 50),
        ([OP, OP, OP], 6, 6, 100),
        ([NN, NN], 0, 4, 0),
        ([OP, OP, DE], 5, 6, 83),  # 83.3
        ([OP, DE], 3, 4, 75),
        ([DE, NN, NN, NN], 1, 8, 13),  # 12.5 rounds half up, not to even
        ([OP, NN, NN, NN, NN, NN, NN, NN], 2, 16, 13),  # 12.5 again
        ([NVT, NVT], 0, 0, None),  # nothing to score
        ([], 0, 0, None),
    ],
)
def test_score_of_agreed_answers(answers, points, maximum, expected):
    score = Score.of(answers)
    assert (score.points, score.maximum, score.percent) == (points, maximum, expected)


def test_open_items_do_not_count_towards_the_maximum():
    score = Score.of([OP, "", ""])
    assert score.percent == 100
    assert score.open == 2 and score.is_provisional


def test_round_results_per_section_and_overall(small, library, users, year):
    user = users["trekker"]
    rnd = make_round(
        library,
        year,
        user,
        {"a-vast": OP, "a-nieuw": OP, "b-een": NN, "b-twee": NVT},
    )
    results = selectors.round_results(rnd=rnd)
    a, b = results.sections
    assert (a.section.key, a.number, [r.number for r in a.items]) == (
        "gezinsaanpak-algemeen",
        1,
        ["1.1", "1.2"],
    )
    assert a.score.percent == 100  # 4 of 4
    assert b.score.percent == 0  # 0 of 2, n.v.t. left out
    # Overall over every item: 4 of 6 points, not the mean of 100% and 0%.
    assert results.score.percent == 67
    assert [r.round_item.item.key for r in results.in_order] == ["a-vast", "a-nieuw"]
    assert [r.round_item.item.key for r in results.weak] == ["b-een"]
    assert [r.round_item.item.key for r in results.not_applicable] == ["b-twee"]


def test_results_of_an_open_round_are_provisional(small, library, users, year):
    user = users["trekker"]
    rnd = make_round(library, year, user, {"a-vast": DE}, close=False)
    results = selectors.round_results(rnd=rnd)
    assert results.score.percent == 50
    assert results.score.open == 3
    assert [r.round_item.item.key for r in results.open] == ["a-nieuw", "b-een", "b-twee"]


def test_actions_are_listed_by_due_date_with_weak_items_linking_to_their_phase(
    small, library, users, year
):
    import datetime

    from quickscan import services
    from quickscan.models import RoundItem

    user = users["trekker"]
    rnd = make_round(library, year, user, close=False)
    for key, due in [("b-een", datetime.date(year, 9, 1)), ("a-vast", datetime.date(year, 3, 1))]:
        ri = RoundItem.objects.get(round=rnd, item__key=key)
        services.agreed_answer_set(
            round_item=ri,
            user=user,
            answer=NN,
            action_what=f"Actie voor {key}",
            action_owner=users["werkgroep"],
            action_due=due,
            expected_version=0,
        )
    agree(rnd, user, {"b-twee": DE})
    results = selectors.round_results(rnd=rnd)
    assert [r.round_item.item.key for r in results.actions] == ["a-vast", "b-een"]
    assert [r.round_item.item.key for r in results.weak_without_action] == ["b-twee"]
    weak = {r.round_item.item.key: r for r in results.weak}
    assert weak["b-een"].round_item.item.phase_url == "/wegwijzer/programmering/orientatie/"
    assert weak["b-een"].round_item.item.theme_title == "Programmering"
