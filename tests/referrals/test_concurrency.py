"""Two clicks at the same moment, each on its own database connection: exactly one
transition goes through, the other is told, and nothing is lost or doubled."""

import datetime

import pytest
from django.utils import timezone

from core.roles import Role
from referrals import services
from referrals.defaults import referral_options_create_defaults
from referrals.models import Handover, Offer, PartnerContact, Referral, ReferralEvent, Signal
from tests.concurrency import run_together
from tests.factories import BranchFactory, LibraryFactory, make_staff

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.file_db]


@pytest.fixture
def setting():
    library = LibraryFactory()
    BranchFactory(library=library)
    referral_options_create_defaults(library=library)
    anna = make_staff(library, Role.SPECIALIST, username="anna")
    bram = make_staff(library, Role.SPECIALIST, username="bram")
    desk = make_staff(library, Role.FRONTOFFICE, username="balie")
    taalhuis = Offer.objects.get(library=library, name="Taalhuis")
    taalhuis.specialists.add(anna, bram)
    partner = PartnerContact.objects.create(
        library=library, organisation="Welzijn", name="Sandra", email="s@welzijn.example.org"
    )
    taalhuis.partner_contact = partner
    taalhuis.save()
    referral = services.referral_create(
        library=library,
        user=desk,
        offer=taalhuis,
        audience="ouder",
        signals=[Signal.objects.filter(library=library).first()],
        handover=Handover.WARM_INTRODUCED,
        from_department="publieksservice",
        referred_at=timezone.now() - datetime.timedelta(hours=1),
        branch=library.branches.first(),
    )
    return referral, anna, bram, desk, partner


def outcome_of(results):
    done = [r for r in results if isinstance(r, Referral)]
    told = [r for r in results if isinstance(r, services.StaleReferral)]
    return done, told


def test_two_receivers_click_at_once(setting):
    referral, anna, bram, _desk, _partner = setting
    version = referral.version
    results = run_together(
        lambda: services.referral_receive(referral=referral, version=version, user=anna),
        lambda: services.referral_reject(
            referral=referral, version=version, reason="Past niet", user=bram
        ),
        expected=(services.StaleReferral,),
    )
    done, told = outcome_of(results)
    assert len(done) == 1 and len(told) == 1, results
    referral.refresh_from_db()
    assert referral.version == version + 1
    assert referral.status == done[0].status
    assert ReferralEvent.objects.filter(referral=referral).count() == 1


def test_the_referrer_withdraws_while_the_partner_completes(setting):
    referral, _anna, _bram, desk, partner = setting
    version = referral.version
    results = run_together(
        lambda: services.referral_withdraw(
            referral=referral, version=version, reason="Dubbel", user=desk
        ),
        lambda: services.referral_complete(
            referral=referral, version=version, outcome="arrived", partner=partner
        ),
        expected=(services.StaleReferral,),
    )
    done, told = outcome_of(results)
    assert len(done) == 1 and len(told) == 1, results
    referral.refresh_from_db()
    event = ReferralEvent.objects.get(referral=referral)
    assert event.status == referral.status == done[0].status


def test_two_forwards_at_once_make_one_next_referral(setting):
    referral, anna, bram, _desk, _partner = setting
    boekstart = Offer.objects.get(library=referral.library, name="BoekStart")
    boekstart.specialists.add(anna)
    version = referral.version
    results = run_together(
        lambda: services.referral_forward(
            referral=referral, version=version, offer=boekstart, user=anna
        ),
        lambda: services.referral_forward(
            referral=referral, version=version, offer=boekstart, user=bram
        ),
        expected=(services.StaleReferral,),
    )
    done, told = outcome_of(results)
    assert len(done) == 1 and len(told) == 1, results
    assert Referral.objects.filter(forwarded_from=referral).count() == 1
