"""The admin's referral list at a hundred thousand referrals: a filtered page counts what the
filter matches, never the whole table, and does not scan it for a date hierarchy."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from referrals.models import Offer

pytestmark = pytest.mark.django_db


def test_the_filtered_admin_list_does_not_count_or_scan_the_whole_table(
    client, superuser, make_referral, options
):
    make_referral()
    make_referral("BoekStart")
    client.force_login(superuser)
    offer = Offer.objects.get(library=options, name="Taalhuis")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/admin/referrals/referral/?offer__id__exact={offer.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 verwijzing" in html
    counts = [
        q["sql"]
        for q in queries.captured_queries
        if "COUNT(" in q["sql"].upper() and '"referrals_referral"' in q["sql"]
    ]
    assert counts and all("WHERE" in sql for sql in counts), counts
    assert "referred_at__year=" not in html
