"""The receiving side: incoming lists, the steps each person is offered, who sees what."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from referrals.models import Outcome, ReferralEvent, Status

pytestmark = pytest.mark.django_db


def step(client, referral, slug, **data):
    payload = {f"{slug}-version": data.pop("version", referral.version)}
    payload.update({f"{slug}-{key}": value for key, value in data.items()})
    return client.post(reverse("referrals:transition", args=[referral.pk, slug]), payload)


def test_specialist_sees_incoming_referrals_for_own_offers_only(client_for, make_referral):
    mine = make_referral("Taalhuis")
    make_referral("BoekStart")
    response = client_for("specialist").get(reverse("referrals:incoming"))
    assert [r.pk for r in response.context["page"].object_list] == [mine.pk]


def test_a_referral_moves_through_the_loop_and_each_step_is_recorded(
    client_for, users, make_referral
):
    referral = make_referral()
    client = client_for("specialist")
    assert step(client, referral, "ontvangen").status_code == 302
    referral.refresh_from_db()
    assert referral.status == Status.ONTVANGEN and referral.received_at is not None
    assert step(client, referral, "in-behandeling", reason="Intake op dinsdag").status_code == 302
    referral.refresh_from_db()
    response = step(client, referral, "afronden", outcome="started", reason="Doet mee")
    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.status, referral.outcome) == (Status.AFGEROND, Outcome.STARTED)
    assert referral.closed_by == users["specialist"] and referral.version == 4
    events = list(referral.events.values_list("kind", "status", "by"))
    specialist = users["specialist"].pk
    assert events == [
        (ReferralEvent.Kind.RECEIVED, Status.ONTVANGEN, specialist),
        (ReferralEvent.Kind.STARTED, Status.IN_BEHANDELING, specialist),
        (ReferralEvent.Kind.COMPLETED, Status.AFGEROND, specialist),
    ]


def test_arrived_needs_no_reason_but_not_reached_does(client_for, make_referral):
    client = client_for("specialist")
    arrived = make_referral()
    assert step(client, arrived, "afronden", outcome="arrived", reason="").status_code == 302
    missed = make_referral()
    response = step(client, missed, "afronden", outcome="not_arrived", reason="")
    assert response.status_code == 400
    assert "Geef een korte reden of toelichting" in response.content.decode()
    missed.refresh_from_db()
    assert missed.status == Status.VERSTUURD and not missed.events.exists()


def test_rejecting_needs_a_reason(client_for, make_referral):
    referral = make_referral()
    client = client_for("specialist")
    assert step(client, referral, "afwijzen", reason="").status_code == 400
    assert step(client, referral, "afwijzen", reason="Past niet").status_code == 302
    referral.refresh_from_db()
    assert referral.status == Status.AFGEWEZEN and referral.outcome_reason == "Past niet"


def test_reopening_is_recorded_and_needs_a_reason(client_for, make_referral):
    referral = make_referral()
    client = client_for("specialist")
    step(client, referral, "afronden", outcome="arrived")
    referral.refresh_from_db()
    assert step(client, referral, "heropenen", reason="").status_code == 400
    assert step(client, referral, "heropenen", reason="Toch niet gestart").status_code == 302
    referral.refresh_from_db()
    assert referral.status == Status.IN_BEHANDELING and referral.outcome == ""
    kinds = list(referral.events.values_list("kind", flat=True))
    assert kinds == [ReferralEvent.Kind.COMPLETED, ReferralEvent.Kind.REOPENED]


def test_each_person_is_offered_only_their_steps(client_for, make_referral):
    referral = make_referral()
    url = reverse("referrals:detail", args=[referral.pk])

    def offered(role):
        return [t.slug for t, _form in client_for(role).get(url).context["steps"]]

    assert offered("specialist") == [
        "ontvangen",
        "in-behandeling",
        "afronden",
        "afwijzen",
        "doorsturen",
    ]
    assert offered("frontoffice") == ["intrekken"]
    assert offered("mt") == []
    assert offered("trekker") == []  # the offer has its own receiver
    html = client_for("frontoffice").get(url).content.decode()
    assert "Verwijzing corrigeren" in html and "Afronden" not in html


def test_a_stale_version_is_a_409_and_changes_nothing(client_for, users, make_referral):
    referral = make_referral()
    client = client_for("specialist")
    assert step(client, referral, "ontvangen").status_code == 302
    response = step(client, referral, "afwijzen", reason="Dubbel", version=referral.version)
    assert response.status_code == 409
    assert "Een collega heeft deze verwijzing intussen bijgewerkt" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == Status.ONTVANGEN


def test_a_step_that_no_longer_fits_the_state_is_refused(client_for, make_referral):
    referral = make_referral()
    client = client_for("specialist")
    step(client, referral, "afronden", outcome="arrived")
    referral.refresh_from_db()
    response = step(client, referral, "ontvangen")
    assert response.status_code == 409
    assert "Dat kan niet meer" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == Status.AFGEROND and referral.events.count() == 1


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


def test_the_referrer_sees_the_outcome_in_the_list_and_on_the_referral(client_for, make_referral):
    referral = make_referral(user="frontoffice")
    step(client_for("specialist"), referral, "afronden", outcome="started", reason="Taalgroep")
    client = client_for("frontoffice")
    listed = client.get(reverse("referrals:list")).content.decode()
    assert "Afgerond: gestart met het aanbod" in listed
    detail = client.get(reverse("referrals:detail", args=[referral.pk])).content.decode()
    assert "Gestart met het aanbod: Taalgroep" in detail


def test_contact_details_are_shown_only_to_the_receiver(client_for, make_referral):
    referral = make_referral(
        contact_consent=True, contact_first_name="Aylin", contact_phone="0612345678"
    )
    url = reverse("referrals:detail", args=[referral.pk])
    assert "0612345678" in client_for("specialist").get(url).content.decode()
    assert "0612345678" not in client_for("mt").get(url).content.decode()


def test_follow_up_date_defaults_to_fourteen_days(make_referral):
    referral = make_referral(days_ago=3)
    expected = timezone.localdate() - datetime.timedelta(days=3) + datetime.timedelta(days=14)
    assert referral.follow_up_date == expected
