import datetime

import pytest
from django.utils import timezone

from referrals import services
from referrals.defaults import referral_options_create_defaults
from referrals.models import Handover, Offer, OutreachLocation, Signal


@pytest.fixture
def options(library, users):
    referral_options_create_defaults(library=library)
    taalhuis = Offer.objects.get(library=library, name="Taalhuis")
    taalhuis.specialists.add(users["specialist"])
    OutreachLocation.objects.create(library=library, name="Weekmarkt")
    return library


@pytest.fixture
def make_referral(options, users):
    """make_referral(offer="Taalhuis", days_ago=0, **overrides) logs a referral via the service."""

    def _make(offer="Taalhuis", days_ago=0, user="frontoffice", **overrides):
        library = options
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
        }
        kwargs.update(overrides)
        return services.referral_create(**kwargs)

    return _make
