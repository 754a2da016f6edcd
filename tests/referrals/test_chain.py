"""Forwarding, withdrawing and correcting: the referral stays one chain, nothing is lost."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from referrals import selectors
from referrals.models import Offer, Outcome, Referral, ReferralEvent, Status
from tests.referrals.test_loop import step

pytestmark = pytest.mark.django_db


def test_forwarding_starts_the_next_referral_in_the_same_chain(client_for, users, make_referral):
    referral = make_referral(note="Wil graag voorlezen", contact_consent=True, contact_phone="06 1")
    target = Offer.objects.get(name="Consultatiebureau")
    response = step(
        client_for("specialist"), referral, "doorsturen", offer=target.pk, reason="Past daar"
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.status, referral.outcome) == (Status.AFGEROND, Outcome.FORWARDED)
    assert referral.events.get().kind == ReferralEvent.Kind.FORWARDED
    forwarded = referral.forwarded_to
    assert forwarded.offer == target and forwarded.status == Status.VERSTUURD
    assert forwarded.root == referral and forwarded.logged_by == users["specialist"]
    assert list(forwarded.signals.all()) == list(referral.signals.all())
    assert forwarded.contact_phone == "06 1" and forwarded.contact_consent_at is not None
    assert response["Location"] == reverse("referrals:detail", args=[referral.pk])


def test_a_chain_forwarded_twice_keeps_its_first_referral_as_root(make_referral, users, colleague):
    from referrals import services

    first = make_referral("Taalhuis")
    second = services.referral_forward(
        referral=first,
        version=first.version,
        offer=Offer.objects.get(name="BoekStart"),
        user=users["specialist"],
    )
    third = services.referral_forward(
        referral=second,
        version=second.version,
        offer=Offer.objects.get(name="Consultatiebureau"),
        user=colleague,
    )
    assert (second.root, third.root, third.forwarded_from) == (first, first, second)
    assert selectors.figures(Referral.objects.all()).total == 1


def test_a_chain_is_counted_once_where_it_ended_up(make_referral, users):
    from referrals import services

    referral = make_referral("Taalhuis")
    services.referral_forward(
        referral=referral,
        version=referral.version,
        offer=Offer.objects.get(name="BoekStart"),
        user=users["specialist"],
    )
    data = selectors.figures(Referral.objects.all())
    assert data.total == 1 and data.forwarded == 1
    assert dict(data.per_offer) == {"BoekStart": 1}
    assert [row.label for row in data.loop_rows] == ["BoekStart"]


def test_the_referrer_follows_the_chain(client_for, users, make_referral):
    from referrals import services

    referral = make_referral(user="frontoffice")
    forwarded = services.referral_forward(
        referral=referral,
        version=referral.version,
        offer=Offer.objects.get(name="BoekStart"),
        user=users["specialist"],
    )
    client = client_for("frontoffice")
    listed = {r.pk for r in client.get(reverse("referrals:list")).context["page"].object_list}
    assert listed == {referral.pk, forwarded.pk}
    html = client.get(reverse("referrals:detail", args=[referral.pk])).content.decode()
    assert "Doorgestuurd naar BoekStart" in html


@pytest.mark.parametrize("offer", ["Taalhuis", "onbekend", "zonder ontvanger"])
def test_forwarding_to_the_same_or_an_unreachable_offer_is_refused(
    client_for, make_referral, options, offer
):
    referral = make_referral()
    if offer == "zonder ontvanger":
        target = Offer.objects.create(library=options, name="Nieuw aanbod", department="extern")
        value = target.pk
    elif offer == "onbekend":
        value = "999999"
    else:
        value = referral.offer_id
    response = step(client_for("specialist"), referral, "doorsturen", offer=value)
    assert response.status_code == 400
    referral.refresh_from_db()
    assert referral.status == Status.VERSTUURD
    assert Referral.objects.count() == 1


def test_the_referrer_withdraws_with_a_reason(client_for, users, make_referral):
    referral = make_referral(user="frontoffice")
    client = client_for("frontoffice")
    assert step(client, referral, "intrekken", reason="").status_code == 400
    assert step(client, referral, "intrekken", reason="Dubbel geregistreerd").status_code == 302
    referral.refresh_from_db()
    assert referral.status == Status.INGETROKKEN
    event = referral.events.get()
    assert (event.kind, event.reason, event.by) == (
        ReferralEvent.Kind.WITHDRAWN,
        "Dubbel geregistreerd",
        users["frontoffice"],
    )


def test_a_receiver_cannot_withdraw(client_for, make_referral):
    referral = make_referral(user="frontoffice")
    assert step(client_for("specialist"), referral, "intrekken", reason="x").status_code == 403
    referral.refresh_from_db()
    assert referral.status == Status.VERSTUURD


def correction(referral, **overrides):
    data = {
        "version": referral.version,
        "offer": referral.offer_id,
        "audience": "kind",
        "signals": [s.pk for s in referral.signals.all()],
        "handover": referral.handover,
        "place": f"b:{referral.branch_id}",
        "from_department": referral.from_department,
        "referred_at": timezone.localtime(referral.referred_at).strftime("%Y-%m-%dT%H:%M"),
        "note": "",
    }
    data.update(overrides)
    return data


def test_the_referrer_corrects_while_sent(client_for, make_referral):
    referral = make_referral(user="frontoffice")
    boekstart = Offer.objects.get(name="BoekStart")
    client = client_for("frontoffice")
    url = reverse("referrals:correct", args=[referral.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, correction(referral, offer=boekstart.pk))
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.offer == boekstart and referral.audience == "kind"
    assert referral.events.get().kind == ReferralEvent.Kind.CORRECTED


def test_no_correction_once_received_or_by_someone_else(client_for, make_referral):
    referral = make_referral(user="frontoffice")
    url = reverse("referrals:correct", args=[referral.pk])
    assert client_for("specialist").get(url).status_code == 403
    step(client_for("specialist"), referral, "ontvangen")
    referral.refresh_from_db()
    client = client_for("frontoffice")
    response = client.post(url, correction(referral), follow=True)
    assert "kan niet meer worden gecorrigeerd" in response.content.decode()
    referral.refresh_from_db()
    assert referral.audience == "ouder"


def test_a_correction_on_a_stale_version_is_not_saved(client_for, make_referral):
    referral = make_referral(user="frontoffice")
    client = client_for("frontoffice")
    url = reverse("referrals:correct", args=[referral.pk])
    client.post(url, correction(referral, audience="gezin"))
    response = client.post(url, correction(referral, audience="kind"), follow=True)
    assert "niet opgeslagen" in response.content.decode()
    referral.refresh_from_db()
    assert referral.audience == "gezin"


def test_a_correction_follows_the_moment_rules(client_for, make_referral):
    referral = make_referral(user="frontoffice")
    future = (timezone.localtime() + datetime.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = client_for("frontoffice").post(
        reverse("referrals:correct", args=[referral.pk]), correction(referral, referred_at=future)
    )
    assert response.status_code == 400
    assert "kan niet in de toekomst liggen" in response.content.decode()


def test_a_correction_keeps_the_moment_of_consent_and_drops_it_with_the_details(
    client_for, make_referral, clock
):
    referral = make_referral(user="frontoffice", contact_consent=True, contact_first_name="Aylin")
    given_at = referral.contact_consent_at
    client = client_for("frontoffice")
    url = reverse("referrals:correct", args=[referral.pk])
    clock.shift(datetime.timedelta(hours=2))
    contact = {
        "contact_consent": "on",
        "contact_first_name": "Aylin",
        "contact_phone": "06 1234 5678",
    }
    assert client.post(url, correction(referral, **contact)).status_code == 302
    referral.refresh_from_db()
    # Retention counts from the moment the visitor agreed, not from the correction.
    assert referral.contact_phone == "06 1234 5678" and referral.contact_consent_at == given_at

    response = client.post(url, correction(referral, contact_first_name="Aylin"))
    assert response.status_code == 400
    assert "toestemming" in " ".join(response.context["form"].errors["contact_consent"])

    assert client.post(url, correction(referral, contact_consent="on")).status_code == 302
    referral.refresh_from_db()
    assert not referral.has_contact
    assert not referral.contact_consent and referral.contact_consent_at is None


def test_blank_contact_details_are_no_details(make_referral):
    referral = make_referral(contact_first_name="  ", contact_phone=" ")
    assert not referral.has_contact and not referral.contact_consent
