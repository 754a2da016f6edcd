"""Two colleagues at the same moment, each on their own database connection."""

import pytest
from django.core.exceptions import ValidationError

from core.roles import Role
from quickscan import services
from quickscan.models import Rating, RoundItem
from tests.concurrency import run_together
from tests.factories import LibraryFactory, make_staff
from tests.quickscan.helpers import agree

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.file_db]


@pytest.fixture
def setting(small, year):
    library = LibraryFactory()
    a = make_staff(library, Role.TREKKER, username="anna")
    b = make_staff(library, Role.WERKGROEP, username="bram")
    rnd = services.round_open(library=library, year=year, user=a, invitees=[a, b])
    return rnd, a, b


def test_two_colleagues_set_the_same_agreed_answer_at_once(setting):
    rnd, a, b = setting
    item = RoundItem.objects.get(round=rnd, item__key="a-vast")

    def save(user, rating):
        return services.agreed_answer_set(
            round_item=item, user=user, answer=rating, expected_version=0
        )

    results = run_together(
        lambda: save(a, Rating.OP_ORDE),
        lambda: save(b, Rating.NOG_NIET),
        expected=(services.AgreedAnswerConflict,),
    )
    saved = [r for r in results if isinstance(r, RoundItem)]
    conflicts = [r for r in results if isinstance(r, services.AgreedAnswerConflict)]
    assert len(saved) == 1 and len(conflicts) == 1, results
    item.refresh_from_db()
    assert item.version == 1
    assert item.agreed == saved[0].agreed
    assert conflicts[0].current.agreed == saved[0].agreed


def test_closing_while_a_colleague_changes_an_answer(setting):
    rnd, a, b = setting
    agree(rnd, a, {"a-vast": Rating.OP_ORDE, "a-nieuw": Rating.DEELS, "b-een": Rating.NVT})
    last = RoundItem.objects.get(round=rnd, item__key="b-twee")
    services.agreed_answer_set(round_item=last, user=a, answer=Rating.DEELS, expected_version=0)
    results = run_together(
        lambda: services.round_close(rnd=rnd, user=a),
        lambda: services.agreed_answer_set(
            round_item=last, user=b, answer=Rating.OP_ORDE, expected_version=1
        ),
        expected=(ValidationError,),
    )
    assert isinstance(results[0], type(rnd)), results
    rnd.refresh_from_db()
    last.refresh_from_db()
    assert not rnd.is_open
    # Either the change came before the close, or it was refused because the round was closed.
    if last.agreed == Rating.OP_ORDE:
        assert all(getattr(r, "pk", None) for r in results), results
    else:
        assert "afgesloten" in str(results[1])
