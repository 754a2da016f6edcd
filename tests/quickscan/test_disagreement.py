"""Where the individual answers of the respondents differ."""

import pytest

from core.roles import Role
from quickscan import selectors
from quickscan.models import Rating
from quickscan.scoring import disagrees, wide_apart
from tests.factories import make_staff
from tests.quickscan.helpers import answer, make_round

pytestmark = pytest.mark.django_db

OP, DE, NN, WN, NVT = (
    Rating.OP_ORDE,
    Rating.DEELS,
    Rating.NOG_NIET,
    Rating.WEET_NIET,
    Rating.NVT,
)


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ([OP, OP, OP], False),
        ([OP, DE], True),
        ([OP, NN], True),
        ([OP, NVT], True),  # one finds it applies, the other does not
        ([OP, WN], False),  # "weet ik niet" is no opinion
        ([WN, WN], False),
        ([OP, ""], False),  # not answered yet
        ([DE, DE, WN, ""], False),
        ([], False),
    ],
)
def test_disagrees(answers, expected):
    assert disagrees(answers) is expected


def test_wide_apart_is_op_orde_against_nog_niet():
    assert wide_apart([OP, DE, NN])
    assert not wide_apart([OP, DE])
    assert not wide_apart([DE, NN])


def test_round_results_flag_exactly_the_items_where_respondents_differ(small, library, users, year):
    jeugd = make_staff(library, Role.WERKGROEP, username="jeugd")
    taal = make_staff(library, Role.WERKGROEP, username="taalhuis")
    manager = users["mt"]
    rnd = make_round(library, year, users["trekker"], close=False, invitees=[jeugd, taal, manager])
    answer(rnd, jeugd, {"a-vast": OP, "a-nieuw": DE, "b-een": OP, "b-twee": NN})
    answer(rnd, taal, {"a-vast": OP, "a-nieuw": DE, "b-een": NN, "b-twee": DE})
    answer(rnd, manager, {"a-vast": WN, "a-nieuw": DE, "b-een": DE})  # b-twee not yet
    results = selectors.round_results(rnd=rnd)
    rows = {row.round_item.item.key: row for row in results.items}
    assert {key for key, row in rows.items() if row.disagrees} == {"b-een", "b-twee"}
    assert rows["b-een"].wide_apart and not rows["b-twee"].wide_apart
    assert [r.round_item.item.key for r in results.disagreements] == ["b-een", "b-twee"]
    # Every respondent has a place in every row, also without an answer.
    assert [
        (resp.user.username, r.answer if r else None) for resp, r in rows["b-twee"].answers
    ] == [
        (u.username, a)
        for u, a in sorted(
            [(jeugd, NN), (taal, DE), (manager, None)],
            key=lambda pair: (pair[0].first_name, pair[0].last_name, pair[0].username),
        )
    ]
    sections = {s.section.key: s.disagreements for s in results.sections}
    assert sections == {"gezinsaanpak-algemeen": 0, "programmering": 2}
