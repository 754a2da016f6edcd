"""Beheer never reads or edits a parent's contact details, notes or reasons; nor does the
admin show them to anyone."""

import re

import pytest
from django.urls import reverse

from referrals import services
from referrals.models import Referral
from tests.formdata import form_data

pytestmark = pytest.mark.django_db

SECRETS = ["Jasmijn", "0612345678", "jasmijn@example.nl", "woont naast de bieb", "belde 0687654321"]


@pytest.fixture
def referral(make_referral, users):
    referral = make_referral(
        note="woont naast de bieb",
        contact_consent=True,
        contact_first_name="Jasmijn",
        contact_phone="0612345678",
        contact_email="jasmijn@example.nl",
    )
    services.referral_receive(referral=referral, user=users["specialist"], version=None)
    referral.refresh_from_db()
    services.referral_complete(
        referral=referral,
        user=users["specialist"],
        version=None,
        outcome="started",
        reason="belde 0687654321",
    )
    referral.refresh_from_db()
    return referral


def _assert_nothing_personal(html: str):
    for secret in SECRETS:
        assert secret not in html, secret


def test_beheer_has_no_way_into_referrals(client, users, referral):
    client.force_login(users["beheer"])
    response = client.get(f"/admin/referrals/referral/{referral.pk}/change/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert client.get(reverse("referrals:detail", args=[referral.pk])).status_code == 403
    # Beheer's own pages (colleagues, offers, desk lists) show nothing personal either.
    queue, seen = ["/beheer/"], set()
    while queue and len(seen) < 25:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200:
            continue
        html = response.content.decode()
        _assert_nothing_personal(html)
        queue += [
            link for link in re.findall(r'href="(/beheer/[^"#?]*)"', html) if link not in seen
        ]


def test_the_admin_shows_nothing_personal_even_to_a_superuser(client, superuser, referral):
    client.force_login(superuser)
    base = f"/admin/referrals/referral/{referral.pk}"
    for url in [f"{base}/change/", f"{base}/history/", "/admin/referrals/referral/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_nothing_personal(response.content.decode())
    for record in referral.history.all():
        response = client.get(f"{base}/history/{record.history_id}/")
        assert response.status_code == 200
        _assert_nothing_personal(response.content.decode())


def test_the_admin_cannot_edit_contact_details(client, superuser, referral):
    client.force_login(superuser)
    url = f"/admin/referrals/referral/{referral.pk}/change/"
    data = form_data(client.get(url).content.decode(), "referral_form")
    data.update(contact_phone=["0600000000"], note=["overschreven"], outcome_reason=["x"])
    client.post(url, data)
    referral.refresh_from_db()
    assert referral.contact_phone == "0612345678"
    assert referral.note == "woont naast de bieb"
    assert referral.outcome_reason == "belde 0687654321"
    assert Referral.objects.count() == 1
