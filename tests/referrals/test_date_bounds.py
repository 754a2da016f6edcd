"""Extreme dates get a Dutch message, never a server error or a silently empty CSV."""

import pytest
from django.urls import reverse

from referrals.models import Referral
from tests.referrals.test_log import form_data

pytestmark = pytest.mark.django_db

EXTREMES = [
    {"tot": "9999-12-31"},
    {"van": "0001-01-01"},
    {"van": "0001-01-01", "tot": "9999-12-31"},
]


@pytest.mark.parametrize("query", EXTREMES)
@pytest.mark.parametrize("name", ["referrals:list", "referrals:figures"])
def test_list_and_figures_explain_an_out_of_range_date(client_for, make_referral, name, query):
    make_referral()
    response = client_for("mt").get(reverse(name), query)
    assert response.status_code in {200, 400}
    errors = response.context["filter"].form.errors
    assert any("tussen" in str(message) for field in errors.values() for message in field)


@pytest.mark.parametrize("query", EXTREMES)
def test_csv_with_an_out_of_range_date_is_refused_with_a_message(client_for, make_referral, query):
    make_referral()
    response = client_for("mt").get(reverse("referrals:export_csv"), query)
    assert response.status_code == 400
    assert not response.get("Content-Type", "").startswith("text/csv")
    assert "tussen" in response.content.decode()


@pytest.mark.parametrize("query", EXTREMES)
def test_pdf_with_an_out_of_range_date_is_refused_with_a_message(client_for, make_referral, query):
    make_referral()
    response = client_for("mt").get(reverse("referrals:report_pdf"), query)
    assert response.status_code == 400
    assert "tussen" in response.content.decode()


def test_a_valid_csv_filter_still_streams(client_for, make_referral):
    make_referral()
    response = client_for("mt").get(reverse("referrals:export_csv"), {"van": "2020-01-01"})
    assert response.status_code == 200
    assert len(b"".join(response.streaming_content).decode().splitlines()) == 2


@pytest.mark.parametrize("moment", ["0001-01-01T00:00", "9999-12-31T23:59"])
def test_desk_form_refuses_an_extreme_moment(client_for, options, moment):
    response = client_for("frontoffice").post(
        reverse("referrals:log"), form_data(options, referred_at=moment)
    )
    assert response.status_code == 400
    assert response.context["form"].errors["referred_at"]
    assert not Referral.objects.exists()
