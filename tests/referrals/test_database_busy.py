"""A save that waits too long on a colleague's lock: a Dutch page, the input kept, no 500."""

import time

import pytest
from django.urls import reverse

from referrals.models import Referral
from tests.dblock import held_lock
from tests.formdata import form_data as page_form
from tests.referrals.test_log import form_data

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.file_db]


def test_a_locked_save_gets_try_again_with_the_input_kept(client_for, options, settings):
    client = client_for("frontoffice")
    data = form_data(options, note="Vraag over voorlezen")
    with held_lock("referrals_referral"):
        started = time.monotonic()
        response = client.post(reverse("referrals:log"), data)
        elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    html = response.content.decode()
    assert "probeer het opnieuw" in html
    assert elapsed < settings.DB_LOCK_TIMEOUT_SECONDS + 3
    assert not Referral.objects.exists()
    # The page carries what was typed; sending it again (lock gone) saves it once.
    resent = page_form(html)
    assert resent["note"] == ["Vraag over voorlezen"]
    response = client.post(reverse("referrals:log"), resent)
    assert response.status_code == 302
    assert Referral.objects.get().note == "Vraag over voorlezen"


def test_other_database_errors_are_not_dressed_up(client_for, options, monkeypatch):
    from django.db import OperationalError

    from referrals import services

    def broken(**kwargs):
        raise OperationalError("no such column: x")

    monkeypatch.setattr(services, "referral_create", broken)
    client = client_for("frontoffice")
    client.raise_request_exception = False
    response = client.post(reverse("referrals:log"), form_data(options))
    assert response.status_code == 500
