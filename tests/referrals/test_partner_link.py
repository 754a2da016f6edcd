"""A partner contact reports back through a signed link, without an account."""

import time

import pytest
from django.core import signing
from django.urls import reverse

from referrals import partner_links
from referrals.models import Offer, PartnerContact, Referral, ReferralEvent, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def external(make_referral):
    return make_referral("Consultatiebureau")


def state(referral):
    referral.refresh_from_db()
    return referral.status, referral.version, referral.events.count()


def press(client, url, slug, referral, **data):
    payload = {"stap": slug, f"{slug}-version": referral.version}
    payload.update({f"{slug}-{key}": value for key, value in data.items()})
    return client.post(url, payload)


def test_the_link_opens_one_referral_with_the_partner_steps(client, external, partner):
    url = partner_links.link_path(external)
    response = client.get(url)
    assert response.status_code == 200
    assert [t.slug for t, _f in response.context["steps"]] == [
        "ontvangen",
        "in-behandeling",
        "afronden",
        "afwijzen",
    ]
    html = response.content.decode()
    assert "Consultatiebureau" in html and partner.name in html
    assert "no-store" in response["Cache-Control"]


def test_steps_through_the_link_are_recorded_with_the_partner(client, external, partner):
    url = partner_links.link_path(external)
    response = press(client, url, "ontvangen", external)
    assert response.status_code == 302
    assert response["Location"].endswith("/bedankt/")
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200 and "Bedankt" in thanks.content.decode()
    external.refresh_from_db()
    response = press(client, url, "afronden", external, outcome="arrived")
    assert response.status_code == 302
    external.refresh_from_db()
    assert external.status == Status.AFGEROND and external.closed_by is None
    events = list(external.events.values_list("kind", "by_partner", "by"))
    assert events == [
        (ReferralEvent.Kind.RECEIVED, partner.pk, None),
        (ReferralEvent.Kind.COMPLETED, partner.pk, None),
    ]


def test_no_personal_data_without_consent(client, make_referral):
    plain = make_referral("Consultatiebureau", note="Geheim")
    html = client.get(partner_links.link_path(plain)).content.decode()
    assert "Geheim" not in html and "Contactgegevens" not in html
    agreed = make_referral(
        "Consultatiebureau", contact_consent=True, contact_first_name="Aylin", note="Bel na 3"
    )
    html = client.get(partner_links.link_path(agreed)).content.decode()
    assert "Aylin" in html and "Bel na 3" in html


def test_a_tampered_link_changes_nothing(client, external):
    url = partner_links.link_path(external)
    tampered = url[:-3] + ("AAA" if not url.endswith("AAA/") else "BBB") + "/"
    before = state(external)
    for response in (client.get(tampered), press(client, tampered, "ontvangen", external)):
        assert response.status_code == 400
        assert "niet compleet of is veranderd" in response.content.decode()
    assert state(external) == before


def test_an_expired_link_changes_nothing(client, external, monkeypatch, options):
    options.partner_link_days = 7
    options.save()
    real_time = time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() - 8 * 24 * 3600)
    url = partner_links.link_path(external)
    monkeypatch.setattr(signing.time, "time", real_time)
    before = state(external)
    response = press(client, url, "ontvangen", external)
    assert response.status_code == 410
    assert "verlopen" in response.content.decode()
    assert state(external) == before
    # A week is within a longer lifetime set by beheer.
    options.partner_link_days = 30
    options.save()
    assert client.get(url).status_code == 200


def test_a_link_used_again_after_completion_changes_nothing(client, external):
    url = partner_links.link_path(external)
    press(client, url, "afronden", external, outcome="arrived")
    external.refresh_from_db()
    before = state(external)
    page = client.get(url)
    assert page.status_code == 200
    assert "kun je niets meer wijzigen" in page.content.decode()
    assert page.context["steps"] == []
    replay = press(client, url, "afwijzen", external, reason="toch niet")
    assert replay.status_code == 410
    assert state(external) == before


def test_a_link_for_another_referral_changes_nothing(client, external, make_referral):
    other = make_referral("Consultatiebureau")
    token = partner_links.make_token(other)
    url = reverse("referrals:partner", args=[external.pk, token])
    before = state(external), state(other)
    response = press(client, url, "ontvangen", external)
    assert response.status_code == 400
    assert "hoort niet bij deze verwijzing" in response.content.decode()
    assert (state(external), state(other)) == before


def test_a_link_stops_working_when_the_offer_gets_another_contact(client, external, options):
    url = partner_links.link_path(external)
    offer = Offer.objects.get(name="Consultatiebureau")
    offer.partner_contact = PartnerContact.objects.create(
        library=options, organisation="GGD", name="Piet", email="piet@ggd.example.org"
    )
    offer.save()
    response = client.get(url)
    assert response.status_code == 410
    assert "andere contactpersoon" in response.content.decode()


def test_a_partner_cannot_use_staff_only_steps(client, external):
    url = partner_links.link_path(external)
    before = state(external)
    for slug in ("doorsturen", "intrekken", "heropenen", "onzin"):
        assert press(client, url, slug, external, reason="x").status_code == 409
    assert state(external) == before


def test_a_stale_partner_click_is_reported(client, external, users):
    url = partner_links.link_path(external)
    version = external.version
    press(client, url, "ontvangen", external)
    response = client.post(
        url, {"stap": "afwijzen", "afwijzen-version": version, "afwijzen-reason": "x"}
    )
    assert response.status_code == 409
    assert "Iemand anders heeft deze verwijzing intussen bijgewerkt" in response.content.decode()
    external.refresh_from_db()
    assert external.status == Status.ONTVANGEN


def test_the_link_view_is_rate_limited(client, external, monkeypatch):
    monkeypatch.setattr(partner_links, "RATE_LIMIT", 3)
    url = partner_links.link_path(external)
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]
    response = client.get(url)
    assert response.status_code == 429
    assert "Probeer het over tien minuten opnieuw" in response.content.decode()


def test_the_salt_is_for_partner_links_only(external):
    token = signing.dumps({"r": external.pk, "c": external.offer.partner_contact_id})
    assert partner_links.check(pk=external.pk, token=token).problem == "tampered"


def test_staff_see_the_link_on_an_open_external_referral(client_for, external):
    html = client_for("frontoffice").get(reverse("referrals:detail", args=[external.pk]))
    assert html.context["partner_link"].startswith("http://testserver/verwijzingen/partner/")
    assert Referral.objects.count() == 1
