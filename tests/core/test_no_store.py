"""Shared desk PCs: nothing a signed-in colleague saw is kept by the browser."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def assert_no_store(response):
    assert "no-store" in response["Cache-Control"], response.get("Cache-Control")
    assert "private" in response["Cache-Control"]


def test_signed_in_pages_are_not_stored(client_for):
    client = client_for("mt")
    for url in ["/", reverse("password_change"), reverse("referrals:list")]:
        assert_no_store(client.get(url))


def test_csv_and_pdf_are_not_stored(client_for):
    client = client_for("mt")
    response = client.get(reverse("referrals:export_csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert_no_store(response)
    response = client.get(reverse("referrals:report_pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert_no_store(response)
