"""The receiving specialist closes the loop."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from referrals.models import Outcome, Referral, ReferralEvent
from tests.factories import make_staff
from wegwijzer.roles import Role

pytestmark = pytest.mark.django_db


def close(client, referral, outcome="started", reason="Doet mee aan de taalgroep", version=None):
    return client.post(
        reverse("referrals:close", args=[referral.pk]),
        {"outcome": outcome, "reason": reason, "version": version or referral.version},
    )


def test_specialist_sees_incoming_referrals_for_own_offers_only(client_for, make_referral):
    mine = make_referral("Taalhuis")
    make_referral("BoekStart")
    response = client_for("specialist").get(reverse("referrals:incoming"))
    assert [r.pk for r in response.context["page"].object_list] == [mine.pk]


def test_specialist_closes_with_outcome_and_reason(client_for, users, make_referral):
    referral = make_referral()
    response = close(client_for("specialist"), referral)
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.outcome == Outcome.STARTED
    assert referral.outcome_reason == "Doet mee aan de taalgroep"
    assert referral.closed_by == users["specialist"]
    assert referral.events.get().kind == ReferralEvent.Kind.CLOSED


def test_closing_without_a_reason_is_refused(client_for, make_referral):
    referral = make_referral()
    response = close(client_for("specialist"), referral, reason="")
    assert response.status_code == 400
    assert "Geef een korte reden bij het afsluiten" in response.content.decode()
    referral.refresh_from_db()
    assert referral.is_open


def test_closing_with_an_unknown_outcome_is_refused(client_for, make_referral):
    referral = make_referral()
    response = close(client_for("specialist"), referral, outcome="open")
    assert response.status_code == 400
    referral.refresh_from_db()
    assert referral.is_open


def test_a_specialist_of_another_offer_may_not_close(client_for, make_referral):
    referral = make_referral("BoekStart")
    assert close(client_for("specialist"), referral).status_code == 403
    referral.refresh_from_db()
    assert referral.is_open


def test_mt_and_frontoffice_change_nothing(client_for, make_referral):
    referral = make_referral()
    assert close(client_for("mt"), referral).status_code == 403
    assert close(client_for("frontoffice"), referral).status_code == 403
    referral.refresh_from_db()
    assert referral.is_open


def test_reopening_is_recorded_and_needs_a_reason(client_for, make_referral):
    referral = make_referral()
    client = client_for("specialist")
    close(client, referral)
    referral.refresh_from_db()
    response = client.post(
        reverse("referrals:reopen", args=[referral.pk]), {"reason": "", "version": referral.version}
    )
    assert response.status_code == 400
    response = client.post(
        reverse("referrals:reopen", args=[referral.pk]),
        {"reason": "Toch niet gestart", "version": referral.version},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.is_open
    kinds = list(referral.events.values_list("kind", flat=True))
    assert kinds == [ReferralEvent.Kind.CLOSED, ReferralEvent.Kind.REOPENED]


def test_two_specialists_closing_at_once_do_not_overwrite_each_other(
    client, users, library, make_referral
):
    referral = make_referral()
    colleague = make_staff(library, Role.SPECIALIST, username="collega")
    referral.offer.specialists.add(colleague)
    version = referral.version
    client.force_login(users["specialist"])
    assert close(client, referral, "started", "Gestart", version).status_code == 302
    client.force_login(colleague)
    response = close(client, referral, "not_arrived", "Niet gekomen", version)
    assert response.status_code == 409
    assert "Een collega heeft deze verwijzing intussen bijgewerkt" in response.content.decode()
    referral.refresh_from_db()
    assert referral.outcome == Outcome.STARTED
    assert referral.outcome_reason == "Gestart"


def test_overdue_referrals_stand_out(client_for, make_referral):
    late = make_referral(days_ago=20)
    fresh = make_referral(days_ago=1)
    response = client_for("specialist").get(reverse("referrals:incoming"))
    rows = list(response.context["page"].object_list)
    assert rows == [late, fresh]  # oldest follow-up date first
    assert late.is_overdue(timezone.localdate())
    assert not fresh.is_overdue(timezone.localdate())
    html = response.content.decode()
    assert html.count('text-bg-danger">te laat') == 1
    assert 'class="table-danger"' in html


def test_frontoffice_sees_only_own_referrals(client_for, users, make_referral):
    own = make_referral(user="frontoffice")
    other = make_referral(user="specialist")
    client = client_for("frontoffice")
    listed = list(client.get(reverse("referrals:list")).context["page"].object_list)
    assert listed == [own]
    assert client.get(reverse("referrals:detail", args=[other.pk])).status_code == 404


def test_contact_details_are_shown_only_to_the_receiving_specialist(client_for, make_referral):
    referral = make_referral(
        contact_consent=True, contact_first_name="Aylin", contact_phone="0612345678"
    )
    assert (
        "0612345678"
        in client_for("specialist")
        .get(reverse("referrals:detail", args=[referral.pk]))
        .content.decode()
    )
    assert (
        "0612345678"
        not in client_for("mt")
        .get(reverse("referrals:detail", args=[referral.pk]))
        .content.decode()
    )


def test_follow_up_date_defaults_to_fourteen_days(make_referral):
    referral = make_referral(days_ago=3)
    expected = timezone.localdate() - datetime.timedelta(days=3) + datetime.timedelta(days=14)
    assert referral.follow_up_date == expected
    assert Referral.objects.count() == 1
