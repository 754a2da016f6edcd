"""PDFs cannot tie up every worker: one render per user at a time, a few in total."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from core import pdf
from core.pdf import render_slot
from tests.concurrency import run_together


@pytest.mark.django_db
def test_a_second_pdf_while_one_is_rendering_gets_even_geduld(client, users):
    client.force_login(users["mt"])
    with render_slot(users["mt"].pk):
        response = client.get(reverse("referrals:report_pdf"))
        assert response.status_code == 429
        assert response["Retry-After"] == "10"
        assert "Even geduld" in response.content.decode()
        # Someone else still gets theirs, and the health check stays quick.
        client.force_login(users["specialist"])
        started = time.monotonic()
        assert client.get(reverse("health")).status_code == 200
        assert time.monotonic() - started < 1
        response = client.get(reverse("referrals:report_pdf"))
        assert response["Content-Type"] == "application/pdf"
    client.force_login(users["mt"])
    assert client.get(reverse("referrals:report_pdf"))["Content-Type"] == "application/pdf"


@pytest.mark.django_db
def test_the_server_wide_limit_answers_503(client, users, settings):
    client.force_login(users["mt"])
    with render_slot(users["specialist"].pk), render_slot(users["werkgroep"].pk):
        response = client.get(reverse("referrals:report_pdf"))
    assert response.status_code == 503
    assert response["Retry-After"] == "10"


@pytest.mark.file_db
@pytest.mark.django_db(transaction=True)
def test_ten_concurrent_pdfs_from_one_session_render_one_at_a_time(users, monkeypatch):
    rendering = []
    peak = []

    def slow_render(*args, **kwargs):
        rendering.append(1)
        peak.append(len(rendering))
        time.sleep(1)
        rendering.pop()
        return b"%PDF-1.7 test"

    monkeypatch.setattr(pdf, "render_pdf_bytes", slow_render)
    browser = Client()
    browser.force_login(users["mt"])
    cookie = browser.cookies

    def fetch():
        tab = Client()
        tab.cookies = cookie
        return tab.get(reverse("referrals:report_pdf")).status_code

    statuses = run_together(*[fetch] * 10, timeout=60)
    assert sorted(statuses) == [200] + [429] * 9
    assert max(peak) == 1
