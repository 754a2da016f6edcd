"""The Quickscan year around midnight on New Year's Eve: Amsterdam's year, not UTC's."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("moment", "year"),
    [
        (datetime.datetime(2026, 12, 31, 23, 59, tzinfo=AMSTERDAM), 2026),
        # Still 31 December 2026 in UTC.
        (datetime.datetime(2027, 1, 1, 0, 30, tzinfo=AMSTERDAM), 2027),
    ],
)
def test_the_round_to_open_is_for_this_years_quickscan(client_for, clock, moment, year):
    clock.move_to(moment, tick=False)
    client = client_for("trekker")
    home = client.get(reverse("quickscan:home")).content.decode()
    assert f"Open de ronde van {year} en nodig de deelnemers uit." in home
    form = client.get(reverse("quickscan:round_open")).context["form"]
    assert form.initial["year"] == year


def test_the_year_fixture_follows_the_clock(small, year, clock):
    clock.move_to(datetime.datetime(2026, 12, 31, 23, 59, tzinfo=AMSTERDAM), tick=False)
    assert year == datetime.date.today().year == 2026
