"""Who may read which referral, with role combinations (referrals.selectors, ROW_READERS)."""

import pytest
from django.urls import reverse

from core.roles import Role
from tests.factories import make_staff

pytestmark = pytest.mark.django_db

NOTE = "Oma voedt de kleinkinderen op"
PHONE = "0611122233"


@pytest.fixture
def referral(make_referral):
    return make_referral(note=NOTE, contact_consent=True, contact_phone=PHONE)


@pytest.fixture
def person(library):
    def _person(*roles):
        return make_staff(library, *roles, username="x_" + "_".join(sorted(r.value for r in roles)))

    return _person


def _detail(client, user, referral):
    client.force_login(user)
    return client.get(reverse("referrals:detail", args=[referral.pk]))


def _listed(client, user, referral) -> bool:
    client.force_login(user)
    page = client.get(reverse("referrals:list")).context["page"]
    return referral.pk in {r.pk for r in page.object_list}


@pytest.mark.parametrize(
    "roles",
    [
        (Role.FRONTOFFICE, Role.WERKGROEP),
        (Role.FRONTOFFICE,),
        (Role.FRONTOFFICE, Role.BEHEER),
    ],
)
def test_front_office_reads_only_its_own_whatever_else_it_is(client, referral, person, roles):
    other = person(*roles)
    assert not _listed(client, other, referral)
    assert _detail(client, other, referral).status_code == 404


@pytest.mark.parametrize(
    "roles",
    [(Role.MT,), (Role.MT, Role.WERKGROEP), (Role.SPECIALIST,), (Role.TREKKER,)],
)
def test_overview_roles_read_the_row_but_not_the_note_or_contact(client, referral, person, roles):
    reader = person(*roles)
    if Role.MT in roles or Role.SPECIALIST in roles:
        assert _listed(client, reader, referral)
    html = _detail(client, reader, referral).content.decode()
    assert NOTE not in html and PHONE not in html


def test_the_receiver_reads_note_and_contact(client, referral, users):
    html = _detail(client, users["specialist"], referral).content.decode()
    assert NOTE in html and PHONE in html


def test_the_referrer_reads_the_note_but_not_the_contact(client, referral, users):
    html = _detail(client, users["frontoffice"], referral).content.decode()
    assert NOTE in html and PHONE not in html


def test_a_receiver_who_is_also_mt_reads_it_as_receiver(client, referral, users):
    from core.roles import set_user_roles

    set_user_roles(users["specialist"], [Role.SPECIALIST, Role.MT])
    html = _detail(client, users["specialist"], referral).content.decode()
    assert NOTE in html and PHONE in html
