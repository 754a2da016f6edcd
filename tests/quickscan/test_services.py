"""The writes: opening, inviting, answering, agreeing, closing and reopening a round."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from core.roles import Role
from quickscan import services
from quickscan.models import (
    EventKind,
    Item,
    Rating,
    Respondent,
    Response,
    Round,
    RoundEvent,
    RoundItem,
    RoundStatus,
)
from tests.factories import LibraryFactory, make_staff
from tests.quickscan.helpers import agree, answer, make_round

pytestmark = pytest.mark.django_db

OP, DE, NN = Rating.OP_ORDE, Rating.DEELS, Rating.NOG_NIET
ALL = {"a-vast": OP, "a-nieuw": DE, "b-een": NN, "b-twee": OP}


@pytest.fixture
def rnd(small, library, users, year):
    return services.round_open(
        library=library,
        year=year,
        user=users["trekker"],
        invitees=[users["werkgroep"], users["trekker"], users["mt"]],
    )


def test_open_snapshots_the_items_of_the_year_and_invites(rnd, users, year):
    items = list(rnd.items.order_by("section__order", "order"))
    assert [ri.item.key for ri in items] == ["a-vast", "a-nieuw", "b-een", "b-twee"]
    assert items[0].text == "Er is een trekker."
    assert {r.user for r in rnd.respondents.all()} == {
        users["werkgroep"],
        users["trekker"],
        users["mt"],
    }
    assert list(rnd.events.values_list("kind", flat=True)) == [
        EventKind.OPENED,
        EventKind.INVITED,
    ]
    assert rnd.is_open and rnd.year == year


def test_one_round_per_library_per_year(rnd, library, users, year):
    with pytest.raises(ValidationError, match="Er is al een Quickscan-ronde voor"):
        services.round_open(library=library, year=year, user=users["trekker"])
    # Another library may have its own round of the same year.
    services.round_open(library=LibraryFactory(), year=year, user=None)
    assert Round.objects.count() == 2


@pytest.mark.parametrize("offset", [2, 100])
def test_open_refuses_a_year_too_far_ahead(small, library, year, offset):
    with pytest.raises(ValidationError, match="Kies een jaar tussen"):
        services.round_open(library=library, year=year + offset, user=None)
    assert not Round.objects.exists()


def test_open_refuses_a_year_without_questions_and_saves_nothing(small, library, year):
    with pytest.raises(ValidationError, match="geen vragen voor"):
        services.round_open(library=library, year=year - 10, user=None)
    assert not Round.objects.exists() and not RoundItem.objects.exists()


def test_invite_skips_who_is_already_invited(rnd, users, library):
    extra = make_staff(library, Role.WERKGROEP, username="extra")
    new = services.round_invite(rnd=rnd, users=[users["werkgroep"], extra], by=users["trekker"])
    assert new == [extra]
    assert rnd.respondents.count() == 4


def test_answers_are_saved_as_they_go_and_updated(rnd, users):
    respondent = answer(rnd, users["werkgroep"], {"a-vast": OP})
    answer(rnd, users["werkgroep"], {"a-vast": DE, "b-een": NN})
    saved = dict(
        Response.objects.filter(respondent=respondent).values_list(
            "round_item__item__key", "answer"
        )
    )
    assert saved == {"a-vast": DE, "b-een": NN}


def test_an_unknown_answer_saves_nothing(rnd, users):
    respondent = Respondent.objects.get(round=rnd, user=users["werkgroep"])
    first, second = rnd.items.order_by("pk")[:2]
    with pytest.raises(ValidationError):
        services.responses_save(
            respondent=respondent,
            answers={first.pk: (OP, ""), second.pk: ("misschien", "")},
        )
    assert not Response.objects.exists()


def test_an_item_of_another_round_is_refused(rnd, users, library, year):
    other = make_round(library, year - 1, users["trekker"], close=False)
    respondent = Respondent.objects.get(round=rnd, user=users["werkgroep"])
    with pytest.raises(ValidationError, match="hoort niet bij deze Quickscan"):
        services.responses_save(respondent=respondent, answers={other.items.first().pk: (OP, "")})
    assert not Response.objects.exists()


def test_an_explanation_that_is_too_long_is_refused(rnd, users):
    respondent = Respondent.objects.get(round=rnd, user=users["werkgroep"])
    with pytest.raises(ValidationError):
        services.responses_save(
            respondent=respondent, answers={rnd.items.first().pk: (OP, "x" * 2001)}
        )
    assert not Response.objects.exists()


def test_submit_needs_every_item_answered(rnd, users):
    respondent = answer(rnd, users["werkgroep"], {"a-vast": OP, "b-een": Rating.WEET_NIET})
    with pytest.raises(ValidationError, match="Nog 2 van de 4 stellingen hebben geen antwoord"):
        services.respondent_submit(respondent=respondent)
    respondent.refresh_from_db()
    assert not respondent.has_submitted
    answer(rnd, users["werkgroep"], {"a-nieuw": Rating.NVT, "b-twee": DE}, submit=True)
    respondent.refresh_from_db()
    assert respondent.has_submitted


def test_submitted_answers_are_locked_until_withdrawn(rnd, users):
    respondent = answer(rnd, users["werkgroep"], ALL, submit=True)
    with pytest.raises(ValidationError, match="al ingeleverd"):
        answer(rnd, users["werkgroep"], {"a-vast": NN})
    services.respondent_withdraw(respondent=respondent)
    answer(rnd, users["werkgroep"], {"a-vast": NN})
    assert Response.objects.get(respondent=respondent, round_item__item__key="a-vast").answer == NN


def test_remove_an_invitation_but_not_after_submitting(rnd, users):
    werkgroep = answer(rnd, users["werkgroep"], {"a-vast": OP})
    services.respondent_remove(respondent=werkgroep, by=users["trekker"])
    assert not Respondent.objects.filter(pk=werkgroep.pk).exists()
    assert not Response.objects.exists()
    assert rnd.events.filter(kind=EventKind.UNINVITED).exists()
    manager = answer(rnd, users["mt"], ALL, submit=True)
    with pytest.raises(ValidationError, match="al ingeleverd"):
        services.respondent_remove(respondent=manager, by=users["trekker"])


def test_agreed_answer_counts_its_versions(rnd, users):
    ri = rnd.items.get(item__key="a-vast")
    saved = services.agreed_answer_set(
        round_item=ri, user=users["werkgroep"], answer=DE, expected_version=0
    )
    assert (saved.agreed, saved.version, saved.agreed_by) == (DE, 1, users["werkgroep"])
    saved = services.agreed_answer_set(
        round_item=ri, user=users["trekker"], answer=OP, expected_version=1
    )
    assert (saved.agreed, saved.version) == (OP, 2)


def test_a_colleagues_newer_agreed_answer_is_not_overwritten(rnd, users):
    ri = rnd.items.get(item__key="a-vast")
    services.agreed_answer_set(
        round_item=ri,
        user=users["trekker"],
        answer=NN,
        explanation="Nog geen trekker.",
        expected_version=0,
    )
    with pytest.raises(services.AgreedAnswerConflict) as caught:
        services.agreed_answer_set(
            round_item=ri, user=users["werkgroep"], answer=OP, expected_version=0
        )
    assert caught.value.current.agreed == NN
    assert caught.value.current.agreed_by == users["trekker"]
    ri.refresh_from_db()
    assert (ri.agreed, ri.agreed_explanation, ri.version) == (NN, "Nog geen trekker.", 1)


@pytest.mark.parametrize(
    ("rating", "what", "owner", "due", "message"),
    [
        (OP, "Iets doen", False, None, "hoort bij een antwoord dat"),
        (Rating.NVT, "", True, None, "hoort bij een antwoord dat"),
        (NN, "", True, None, "Beschrijf wat er moet gebeuren"),
        (DE, "", False, datetime.date(2030, 1, 1), "Beschrijf wat er moet gebeuren"),
        (Rating.WEET_NIET, "", False, None, "Kies het antwoord"),
        ("", "", False, None, "Kies het antwoord"),
    ],
)
def test_agreed_answer_validation_saves_nothing(rnd, users, rating, what, owner, due, message):
    ri = rnd.items.get(item__key="b-een")
    with pytest.raises(ValidationError, match=message):
        services.agreed_answer_set(
            round_item=ri,
            user=users["trekker"],
            answer=rating,
            action_what=what,
            action_owner=users["werkgroep"] if owner else None,
            action_due=due,
            expected_version=0,
        )
    ri.refresh_from_db()
    assert (ri.agreed, ri.action_what, ri.version) == ("", "", 0)


def test_close_needs_every_agreed_answer(rnd, users):
    agree(rnd, users["trekker"], {"a-vast": OP, "a-nieuw": DE})
    with pytest.raises(ValidationError, match="2 stellingen hebben nog geen afgesproken antwoord"):
        services.round_close(rnd=rnd, user=users["trekker"])
    rnd.refresh_from_db()
    assert rnd.status == RoundStatus.OPEN
    agree(rnd, users["trekker"], {"b-een": NN, "b-twee": Rating.NVT})
    services.round_close(rnd=rnd, user=users["trekker"])
    rnd.refresh_from_db()
    assert rnd.status == RoundStatus.CLOSED and rnd.closed_by == users["trekker"]


def test_a_closed_round_is_read_only(rnd, users, library):
    answer(rnd, users["werkgroep"], {"a-vast": OP})
    agree(rnd, users["trekker"], ALL)
    services.round_close(rnd=rnd, user=users["trekker"])
    respondent = Respondent.objects.get(round=rnd, user=users["werkgroep"])
    ri = rnd.items.get(item__key="a-vast")
    attempts = [
        lambda: answer(rnd, users["werkgroep"], {"a-vast": NN}),
        lambda: services.respondent_submit(respondent=respondent),
        lambda: services.respondent_withdraw(respondent=respondent),
        lambda: services.agreed_answer_set(
            round_item=ri, user=users["trekker"], answer=NN, expected_version=ri.version
        ),
        lambda: services.round_invite(
            rnd=rnd, users=[make_staff(library, Role.WERKGROEP)], by=users["trekker"]
        ),
        lambda: services.respondent_remove(respondent=respondent, by=users["trekker"]),
        lambda: services.round_close(rnd=rnd, user=users["trekker"]),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError, match="is afgesloten"):
            attempt()
    ri.refresh_from_db()
    assert ri.agreed == OP
    assert Response.objects.get(respondent=respondent).answer == OP
    assert rnd.respondents.count() == 3


def test_reopen_needs_a_reason_and_is_recorded(rnd, users):
    agree(rnd, users["trekker"], ALL)
    services.round_close(rnd=rnd, user=users["trekker"])
    with pytest.raises(ValidationError, match="Geef aan waarom"):
        services.round_reopen(rnd=rnd, user=users["trekker"], reason="   ")
    rnd.refresh_from_db()
    assert not rnd.is_open
    services.round_reopen(rnd=rnd, user=users["trekker"], reason="Antwoord 2.1 klopt niet.")
    rnd.refresh_from_db()
    assert rnd.is_open and rnd.closed_at is None
    event = RoundEvent.objects.filter(round=rnd).last()
    assert (event.kind, event.user, event.note) == (
        EventKind.REOPENED,
        users["trekker"],
        "Antwoord 2.1 klopt niet.",
    )
    with pytest.raises(ValidationError, match="al open"):
        services.round_reopen(rnd=rnd, user=users["trekker"], reason="Nog eens.")
    # Open again, so the agreed answer can change.
    ri = rnd.items.get(item__key="b-een")
    services.agreed_answer_set(
        round_item=ri, user=users["trekker"], answer=DE, expected_version=ri.version
    )


def test_items_retired_later_keep_their_place_in_old_rounds(rnd, year):
    Item.objects.filter(key="a-vast").update(retired_in=year)
    assert rnd.items.filter(item__key="a-vast").exists()


def test_an_agreed_explanation_that_is_too_long_is_refused(rnd, users):
    ri = rnd.items.get(item__key="a-vast")
    with pytest.raises(ValidationError, match="hoogstens 2000 tekens"):
        services.agreed_answer_set(
            round_item=ri,
            user=users["trekker"],
            answer=OP,
            explanation="x" * 2001,
            expected_version=0,
        )
    ri.refresh_from_db()
    assert ri.version == 0
