"""The privacy purge reaches every place personal data can be, counted from creation."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from referrals import services
from referrals.models import Referral, ReferralEvent

pytestmark = pytest.mark.django_db

PHONE = "06-12345678"


def _created_days_ago(referral, days):
    moment = timezone.now() - datetime.timedelta(days=days)
    Referral.objects.filter(pk=referral.pk).update(created_at=moment)


def _close_and_reopen(referral, users):
    services.referral_receive(referral=referral, user=users["specialist"], version=None)
    referral.refresh_from_db()
    services.referral_complete(
        referral=referral,
        user=users["specialist"],
        version=None,
        outcome="started",
        reason=f"Moeder gebeld op {PHONE}",
    )
    referral.refresh_from_db()
    services.referral_reopen(
        referral=referral, user=users["specialist"], version=None, reason=f"Terugbellen {PHONE}"
    )
    referral.refresh_from_db()
    services.referral_complete(
        referral=referral,
        user=users["specialist"],
        version=None,
        outcome="started",
        reason=f"Toch gestart, {PHONE}",
    )


def test_reasons_events_and_history_are_erased_too(make_referral, users, client_for, settings):
    settings.WEGWIJZER_REFERRAL_RETENTION_DAYS = 183
    referral = make_referral(note="Kees, 8 jaar")
    _close_and_reopen(referral, users)
    _created_days_ago(referral, 200)
    assert ReferralEvent.objects.filter(reason__contains=PHONE).exists()
    assert Referral.history.filter(outcome_reason__contains=PHONE).exists()

    call_command("erase_referral_personal_data", stdout=StringIO())

    referral.refresh_from_db()
    assert referral.outcome_reason == "" and referral.note == ""
    assert not ReferralEvent.objects.filter(reason__contains=PHONE).exists()
    assert not Referral.history.filter(outcome_reason__contains=PHONE).exists()
    assert referral.outcome == "started"  # the figures keep what happened
    client = client_for("specialist")
    assert PHONE not in client.get(reverse("referrals:detail", args=[referral.pk])).content.decode()
    csv = b"".join(client.get(reverse("referrals:export_csv")).streaming_content).decode()
    assert PHONE not in csv


def test_retention_counts_from_creation_not_the_typed_moment(make_referral, settings):
    settings.WEGWIJZER_REFERRAL_RETENTION_DAYS = 183
    # Typed in as having happened last week, but sitting in the database for 200 days.
    typed_recent = make_referral(days_ago=7, note="oud in de database")
    _created_days_ago(typed_recent, 200)
    # Typed in as long ago (confirmed), but created today: kept for the full period.
    typed_old = make_referral(days_ago=7, note="vandaag ingevoerd")
    Referral.objects.filter(pk=typed_old.pk).update(
        referred_at=timezone.now() - datetime.timedelta(days=190)
    )
    call_command("erase_referral_personal_data", stdout=StringIO())
    typed_recent.refresh_from_db()
    typed_old.refresh_from_db()
    assert typed_recent.note == ""
    assert typed_old.note == "vandaag ingevoerd"
