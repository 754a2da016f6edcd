import datetime

import pytest
from django.utils import timezone

from core.models import Department
from core.roles import Role
from referrals import services
from referrals.defaults import referral_options_create_defaults
from referrals.models import Handover, Offer, PartnerContact, Referral, Signal
from tests.factories import OutreachLocationFactory, make_staff


@pytest.fixture
def colleague(library):
    """A specialist who receives every library offer except the Taalhuis."""
    return make_staff(library, Role.SPECIALIST, username="collega")


@pytest.fixture
def partner(library):
    return PartnerContact.objects.create(
        library=library,
        organisation="Consultatiebureau Testdorp",
        name="Anouk",
        email="anouk@consultatiebureau.example.org",
    )


@pytest.fixture
def options(library, users, colleague, partner):
    """The standard offers, each with a receiver: the test specialist receives the Taalhuis,
    a colleague the other library offers, and a partner contact the external ones."""
    referral_options_create_defaults(library=library)
    for offer in Offer.objects.filter(library=library):
        if offer.name == "Taalhuis":
            offer.specialists.add(users["specialist"])
        elif offer.department == Department.EXTERN:
            offer.partner_contact = partner
            offer.save()
        else:
            offer.specialists.add(colleague)
    OutreachLocationFactory(library=library, name="Weekmarkt")
    return library


@pytest.fixture
def make_referral(options, users):
    """make_referral(offer="Taalhuis", days_ago=0, **overrides) logs a referral via the service."""

    def _make(offer="Taalhuis", days_ago=0, user="frontoffice", **overrides):
        library = options
        if days_ago >= services.OLDEST_DAYS:
            # Older than the desk accepts: made today, then moved back, as if logged long ago.
            referral = _make(offer, 0, user, **overrides)
            moment = referral.referred_at - datetime.timedelta(days=days_ago)
            Referral.objects.filter(pk=referral.pk).update(
                referred_at=moment,
                follow_up_date=timezone.localdate(moment) + datetime.timedelta(days=14),
            )
            referral.refresh_from_db()
            return referral
        kwargs = {
            "library": library,
            "user": users[user],
            "offer": Offer.objects.get(library=library, name=offer),
            "audience": "ouder",
            "signals": [Signal.objects.get(library=library, name="Taalvraag")],
            "handover": Handover.WARM_INTRODUCED,
            "from_department": "jeugd_educatie",
            "referred_at": timezone.now() - datetime.timedelta(days=days_ago),
            "branch": library.branches.order_by("name").first(),
            "confirm_old": days_ago >= services.CONFIRM_AFTER_DAYS,
        }
        kwargs.update(overrides)
        return services.referral_create(**kwargs)

    return _make
