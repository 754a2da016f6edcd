"""Referrals around midnight on New Year's Eve: dates are Amsterdam dates, not UTC dates.

At 00:30 on 1 January in Amsterdam it is still 31 December in UTC, the moment where a date taken
from a UTC timestamp would land in the wrong day and the wrong year.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from referrals.models import Offer, Referral, Signal

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NEW_YEARS_EVE = datetime.datetime(2026, 12, 31, 23, 59, tzinfo=AMSTERDAM)
AFTER_MIDNIGHT = datetime.datetime(2027, 1, 1, 0, 30, tzinfo=AMSTERDAM)


def desk_form(library, referred_at: str) -> dict:
    return {
        "offer": Offer.objects.get(library=library, name="Taalhuis").pk,
        "audience": "ouder",
        "signals": [Signal.objects.get(library=library, name="Taalvraag").pk],
        "handover": "warm_introduced",
        "place": f"b:{library.branches.order_by('name').first().pk}",
        "from_department": "jeugd_educatie",
        "referred_at": referred_at,
        "note": "",
    }


def test_a_referral_logged_at_2359_on_new_years_eve_counts_for_that_day(client_for, options, clock):
    assert AFTER_MIDNIGHT.astimezone(datetime.UTC).date() == datetime.date(2026, 12, 31)
    clock.move_to(NEW_YEARS_EVE, tick=False)
    client = client_for("frontoffice")
    response = client.post(reverse("referrals:log"), desk_form(options, "2026-12-31T23:59"))
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.referred_at == NEW_YEARS_EVE
    assert referral.follow_up_date == datetime.date(2027, 1, 14)
    page = client.get(reverse("referrals:log")).content.decode()
    assert "Vandaag 1 verwijzing door jou geregistreerd" in page

    clock.move_to(AFTER_MIDNIGHT, tick=False)
    page = client.get(reverse("referrals:log")).content.decode()
    assert "Vandaag 0 verwijzingen door jou geregistreerd" in page
    assert not referral.is_overdue(datetime.date(2027, 1, 1))


def test_a_referral_logged_just_after_midnight_belongs_to_the_new_year(client_for, options, clock):
    clock.move_to(AFTER_MIDNIGHT, tick=False)
    client = client_for("frontoffice")
    response = client.post(reverse("referrals:log"), desk_form(options, "2027-01-01T00:30"))
    assert response.status_code == 302
    assert Referral.objects.get().follow_up_date == datetime.date(2027, 1, 15)
    page = client.get(reverse("referrals:log")).content.decode()
    assert "Vandaag 1 verwijzing door jou geregistreerd" in page


def test_a_follow_up_due_on_new_years_eve_is_late_from_midnight_on(
    client_for, make_referral, clock
):
    clock.move_to(datetime.datetime(2026, 12, 17, 12, 0, tzinfo=AMSTERDAM), tick=False)
    referral = make_referral()
    assert referral.follow_up_date == datetime.date(2026, 12, 31)

    clock.move_to(NEW_YEARS_EVE, tick=False)
    page = client_for("specialist").get(reverse("referrals:incoming")).content.decode()
    assert "Taalhuis" in page and 'text-bg-danger">te laat' not in page

    clock.move_to(AFTER_MIDNIGHT, tick=False)
    page = client_for("specialist").get(reverse("referrals:incoming")).content.decode()
    assert 'text-bg-danger">te laat' in page
