"""The desk form is idempotent: one rendered form saves at most one referral."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from referrals.models import Referral
from tests.formdata import form_data as page_form
from tests.referrals.test_log import form_data


def _rendered(client, options) -> dict:
    """The form as the desk page renders it (with its one-time id), filled in."""
    data = page_form(client.get(reverse("referrals:log")).content.decode())
    assert data["submission"][0]
    fill = form_data(options, note="Vraagt naar de taalcafés")
    return {**fill, "submission": data["submission"][0]}


@pytest.mark.django_db
def test_submitting_the_same_form_twice_saves_once(client_for, options):
    client = client_for("frontoffice")
    data = _rendered(client, options)
    first = client.post(reverse("referrals:log"), data)
    second = client.post(reverse("referrals:log"), data, follow=True)
    assert first.status_code == 302
    assert Referral.objects.count() == 1
    assert "al opgeslagen" in second.content.decode()
    # A new render is a new form: the next referral is saved as usual.
    client.post(reverse("referrals:log"), _rendered(client, options))
    assert Referral.objects.count() == 2


@pytest.mark.file_db
@pytest.mark.django_db(transaction=True)
def test_ten_concurrent_identical_posts_make_one_row(options, users):
    desk = Client()
    desk.force_login(users["frontoffice"])
    data = _rendered(desk, options)
    barrier = threading.Barrier(10)
    statuses: list[int] = []

    def post():
        tab = Client()
        tab.cookies = desk.cookies
        try:
            barrier.wait(30)
            statuses.append(tab.post(reverse("referrals:log"), data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, daemon=True) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert statuses == [302] * 10
    assert Referral.objects.count() == 1
