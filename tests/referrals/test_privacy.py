"""Retention: contact details and notes go, the referral and the figures stay."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from referrals import selectors
from referrals.models import Referral, ReferralEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_referral(make_referral):
    """As the shared fixture, with the row created when the referral happened: retention
    counts from creation, and these referrals are meant to be that old."""

    def _make(*args, **kwargs):
        referral = make_referral(*args, **kwargs)
        Referral.objects.filter(pk=referral.pk).update(created_at=referral.referred_at)
        referral.refresh_from_db()
        return referral

    return _make


def test_retention_erases_contact_and_notes_of_old_referrals_only(make_referral, settings):
    settings.WEGWIJZER_REFERRAL_RETENTION_DAYS = 183
    old = make_referral(
        days_ago=200,
        note="Vader wil graag leren lezen",
        contact_consent=True,
        contact_first_name="Kees",
        contact_email="kees@example.nl",
    )
    recent = make_referral(
        days_ago=10, note="Belt terug", contact_consent=True, contact_phone="0612345678"
    )
    plain_old = make_referral(days_ago=300)
    before = selectors.figures(Referral.objects.all())

    out = StringIO()
    call_command("erase_referral_personal_data", stdout=out)
    assert "bij 1 verwijzing" in out.getvalue()

    old.refresh_from_db()
    assert (old.note, old.contact_first_name, old.contact_email) == ("", "", "")
    assert not old.contact_consent
    assert old.personal_data_erased_at is not None
    recent.refresh_from_db()
    assert recent.note == "Belt terug" and recent.contact_phone == "0612345678"
    plain_old.refresh_from_db()
    assert plain_old.personal_data_erased_at is None

    after = selectors.figures(Referral.objects.all())
    assert (after.total, after.warm, after.per_offer, after.per_month) == (
        before.total,
        before.warm,
        before.per_offer,
        before.per_month,
    )


def test_retention_command_is_safe_to_run_again(make_referral):
    make_referral(days_ago=400, note="oud")
    call_command("erase_referral_personal_data", stdout=StringIO())
    first_erase = Referral.objects.get().personal_data_erased_at
    out = StringIO()
    call_command("erase_referral_personal_data", stdout=out)
    assert "bij 0 verwijzing" in out.getvalue()
    assert Referral.objects.get().personal_data_erased_at == first_erase
    assert ReferralEvent.objects.filter(kind=ReferralEvent.Kind.ERASED).count() == 1


def test_retention_period_is_a_setting(make_referral, settings):
    make_referral(days_ago=40, note="kort bewaren")
    settings.WEGWIJZER_REFERRAL_RETENTION_DAYS = 30
    call_command("erase_referral_personal_data", stdout=StringIO())
    assert Referral.objects.get().note == ""


def test_a_library_s_own_retention_period_wins(make_referral, settings, library):
    make_referral(days_ago=40, note="kort bewaren")
    settings.WEGWIJZER_REFERRAL_RETENTION_DAYS = 183
    call_command("erase_referral_personal_data", stdout=StringIO())
    assert Referral.objects.get().note == "kort bewaren"
    library.referral_retention_days = 30
    library.save()
    call_command("erase_referral_personal_data", stdout=StringIO())
    assert Referral.objects.get().note == ""


def test_by_default_nothing_personal_is_stored(make_referral):
    referral = make_referral()
    assert not referral.has_contact
    assert referral.note == ""
    assert referral.referred_at <= timezone.now() + datetime.timedelta(seconds=1)
