"""Every transition from every state by every kind of person: allowed exactly where the
lifecycle says so, refused everywhere else without changing anything.

The expected table is written out here on purpose, independently of referrals/lifecycle.py,
so a slip in the real table shows up as a failing test.
"""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from referrals import services
from referrals.models import Offer, Outcome, Referral, Status

pytestmark = pytest.mark.django_db

OPEN = {"verstuurd", "ontvangen", "in_behandeling"}
# slug -> (states it starts from, who may, also through a partner link)
EXPECTED = {
    "ontvangen": ({"verstuurd"}, "receiver", True),
    "in-behandeling": ({"verstuurd", "ontvangen"}, "receiver", True),
    "afronden": (OPEN, "receiver", True),
    "afwijzen": (OPEN, "receiver", True),
    "doorsturen": (OPEN, "receiver", False),
    "intrekken": (OPEN, "referrer", False),
    "heropenen": ({"afgerond", "afgewezen"}, "receiver", False),
}
STATES = ["verstuurd", "ontvangen", "in_behandeling", "afgerond", "afgewezen", "ingetrokken"]
# Who tries, and how they stand towards a Taalhuis referral logged by the front office.
PEOPLE = {
    "specialist": "receiver",  # receives the Taalhuis
    "frontoffice": "referrer",  # logged it
    "collega": None,  # a specialist of other offers
    "mt": None,
    "trekker": None,  # the offer has a receiver, so not the coordinator's
    "beheer": None,
}


def put_in_state(referral: Referral, state: str) -> Referral:
    now = timezone.now()
    Referral.objects.filter(pk=referral.pk).update(
        status=state,
        outcome=Outcome.ARRIVED if state == "afgerond" else "",
        received_at=None if state in {"verstuurd", "ingetrokken"} else now,
        closed_at=now if state not in OPEN else None,
    )
    referral.refresh_from_db()
    return referral


def attempt(slug, referral, *, user=None, partner=None):
    version = referral.version
    actor = {"user": user, "partner": partner}
    if slug == "ontvangen":
        return services.referral_receive(referral=referral, version=version, **actor)
    if slug == "in-behandeling":
        return services.referral_start(referral=referral, version=version, **actor)
    if slug == "afronden":
        return services.referral_complete(
            referral=referral, version=version, outcome="arrived", **actor
        )
    if slug == "afwijzen":
        return services.referral_reject(referral=referral, version=version, reason="r", **actor)
    assert partner is None
    if slug == "doorsturen":
        target = Offer.objects.get(library=referral.library, name="BoekStart")
        return services.referral_forward(
            referral=referral, version=version, offer=target, user=user
        )
    if slug == "intrekken":
        return services.referral_withdraw(
            referral=referral, version=version, reason="Dubbel", user=user
        )
    return services.referral_reopen(referral=referral, version=version, reason="r", user=user)


def snapshot(referral):
    referral.refresh_from_db()
    return referral.status, referral.outcome, referral.version, referral.events.count()


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("slug", sorted(EXPECTED))
@pytest.mark.parametrize("person", sorted(PEOPLE))
def test_staff(make_referral, users, colleague, person, slug, state):
    referral = put_in_state(make_referral(), state)
    user = colleague if person == "collega" else users[person]
    sources, party, _by_link = EXPECTED[slug]
    before = snapshot(referral)
    if PEOPLE[person] != party:
        with pytest.raises(PermissionDenied):
            attempt(slug, referral, user=user)
        assert snapshot(referral) == before
    elif state not in sources:
        with pytest.raises(services.TransitionRefused):
            attempt(slug, referral, user=user)
        assert snapshot(referral) == before
    else:
        attempt(slug, referral, user=user)
        status, _outcome, version, events = snapshot(referral)
        assert version == before[2] + 1 and events == before[3] + 1
        assert status != state or slug == "heropenen" and state == "in_behandeling"


PARTNER_SLUGS = ["ontvangen", "in-behandeling", "afronden", "afwijzen"]


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("slug", PARTNER_SLUGS)
def test_the_partner_of_the_offer(make_referral, partner, slug, state):
    referral = put_in_state(make_referral("Consultatiebureau"), state)
    before = snapshot(referral)
    if state in EXPECTED[slug][0]:
        attempt(slug, referral, partner=partner)
        assert referral.events.get().by_partner == partner
        assert referral.events.get().by is None
    else:
        with pytest.raises(services.TransitionRefused):
            attempt(slug, referral, partner=partner)
        assert snapshot(referral) == before


@pytest.mark.parametrize("slug", PARTNER_SLUGS)
def test_a_partner_of_another_offer_may_do_nothing(make_referral, partner, slug):
    referral = make_referral("Taalhuis")
    before = snapshot(referral)
    with pytest.raises(PermissionDenied):
        attempt(slug, referral, partner=partner)
    assert snapshot(referral) == before


def test_an_inactive_partner_contact_may_do_nothing(make_referral, partner):
    referral = make_referral("Consultatiebureau")
    partner.is_active = False
    partner.save()
    with pytest.raises(PermissionDenied):
        attempt("ontvangen", referral, partner=partner)


def test_a_forwarded_referral_is_not_reopened(make_referral, users):
    referral = make_referral()
    target = Offer.objects.get(name="BoekStart")
    services.referral_forward(
        referral=referral, version=referral.version, offer=target, user=users["specialist"]
    )
    referral.refresh_from_db()
    with pytest.raises(services.TransitionRefused):
        attempt("heropenen", referral, user=users["specialist"])


def test_withdrawing_before_receipt_leaves_no_receipt(make_referral, users):
    referral = make_referral()
    services.referral_withdraw(
        referral=referral, version=None, reason="Vergissing", user=users["frontoffice"]
    )
    referral.refresh_from_db()
    assert referral.status == Status.INGETROKKEN and referral.received_at is None
    assert referral.closed_at <= timezone.now() + datetime.timedelta(seconds=1)
