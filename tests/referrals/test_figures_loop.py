"""The figures follow the loop: per offer, received in time, outcomes, medians."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from referrals import selectors, services
from referrals.models import Offer, Referral
from referrals.workdays import add_working_days

pytestmark = pytest.mark.django_db

TZ = timezone.get_current_timezone()


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (datetime.datetime(2026, 11, 20, 15, 0), datetime.datetime(2026, 11, 24, 15, 0)),  # Fri
        (datetime.datetime(2026, 11, 21, 10, 0), datetime.datetime(2026, 11, 24, 10, 0)),  # Sat
        (datetime.datetime(2026, 11, 23, 9, 0), datetime.datetime(2026, 11, 25, 9, 0)),  # Mon
    ],
)
def test_two_working_days_skip_the_weekend(start, expected):
    result = add_working_days(start.replace(tzinfo=TZ), 2)
    assert result.replace(tzinfo=None) == expected


def at(referral, *, referred, received=None, closed=None):
    Referral.objects.filter(pk=referral.pk).update(
        referred_at=referred, received_at=received, closed_at=closed
    )


def test_loop_figures_per_offer(make_referral, users):
    monday = datetime.datetime(2026, 11, 16, 10, 0, tzinfo=TZ)
    specialist = users["specialist"]
    quick = make_referral()
    services.referral_complete(referral=quick, version=None, outcome="arrived", user=specialist)
    at(
        quick,
        referred=monday,
        received=monday + datetime.timedelta(days=1),
        closed=monday + datetime.timedelta(days=3),
    )
    slow = make_referral()
    services.referral_complete(
        referral=slow, version=None, outcome="not_arrived", reason="Niet bereikt", user=specialist
    )
    at(
        slow,
        referred=monday,
        received=monday + datetime.timedelta(days=5),
        closed=monday + datetime.timedelta(days=9),
    )
    rejected = make_referral()
    services.referral_reject(referral=rejected, version=None, reason="Past niet", user=specialist)
    withdrawn = make_referral()
    services.referral_withdraw(
        referral=withdrawn, version=None, reason="Dubbel", user=users["frontoffice"]
    )
    busy = make_referral()
    services.referral_start(referral=busy, version=None, user=specialist)
    make_referral()  # still verstuurd
    make_referral("BoekStart")

    data = selectors.figures(Referral.objects.all())
    rows = {row.label: row for row in data.loop_rows}
    taalhuis = rows["Taalhuis"]
    assert (taalhuis.referred, taalhuis.waiting, taalhuis.in_progress) == (6, 1, 1)
    assert (taalhuis.completed, taalhuis.rejected, taalhuis.withdrawn) == (2, 1, 1)
    # quick, rejected and busy were received at once; slow after five days.
    assert taalhuis.received_in_time == 3
    assert taalhuis.per_outcome == {"arrived": 1, "not_arrived": 1}
    assert taalhuis.arrived_share == 20  # 1 of the 5 that were not withdrawn
    assert taalhuis.days_to_completed == 6.0  # median of 3 and 9 days
    assert rows["BoekStart"].referred == 1
    assert data.loop_total.referred == 7


def test_share_rounds_half_up():
    assert selectors._share(1, 8) == 13  # 12.5
    assert selectors._share(3, 8) == 38  # 37.5
    assert selectors._share(0, 0) == 0


def test_the_figures_page_and_pdf_show_the_loop(client_for, make_referral, users):
    from pypdf import PdfReader

    referral = make_referral()
    services.referral_receive(referral=referral, version=None, user=users["specialist"])
    client = client_for("mt")
    html = client.get(reverse("referrals:figures")).content.decode()
    assert "De keten per aanbod" in html and "Binnen 2 werkdagen ontvangen" in html
    response = client.get(reverse("referrals:report_pdf"))
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages).split()
    )
    assert "De keten per aanbod" in text and "Mediaan dagen tot ontvangen" in text


def test_cached_figures_follow_a_renamed_offer(client_for, make_referral):
    make_referral()
    client = client_for("mt")
    assert dict(client.get(reverse("referrals:figures")).context["figures"].per_offer) == {
        "Taalhuis": 1
    }
    offer = Offer.objects.get(name="Taalhuis")
    offer.name = "Taalhuis Centrum"
    offer.save()
    figures = client.get(reverse("referrals:figures")).context["figures"]
    assert dict(figures.per_offer) == {"Taalhuis Centrum": 1}


def test_the_pdf_never_has_staff_names_even_after_the_page_was_cached(
    client_for, make_referral, users, monkeypatch
):
    make_referral()
    client = client_for("mt")
    assert client.get(reverse("referrals:figures")).context["figures"].per_staff
    seen = {}
    real = selectors.figures_cached

    def spy(*args, **kwargs):
        seen["figures"] = real(*args, **kwargs)
        return seen["figures"]

    monkeypatch.setattr(selectors, "figures_cached", spy)
    client.get(reverse("referrals:report_pdf"))
    assert seen["figures"].per_staff == []
    # ... and the page keeps its names: the two are cached apart.
    assert client.get(reverse("referrals:figures")).context["figures"].per_staff
