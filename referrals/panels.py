"""The referral log's panels on the home page."""

import datetime

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from . import selectors
from .models import Referral


def frontoffice_panel(request: HttpRequest) -> str:
    today = selectors.logged_today_count(library=request.library, user=request.user)
    return render_to_string(
        "referrals/_home_frontoffice.html", {"today_count": today}, request=request
    )


def specialist_panel(request: HttpRequest) -> str:
    incoming = selectors.incoming_for(library=request.library, user=request.user)
    today = timezone.localdate()
    return render_to_string(
        "referrals/_home_specialist.html",
        {
            "first": list(incoming[:5]),
            "count": incoming.count(),
            "overdue": incoming.filter(follow_up_date__lt=today).count(),
            "today": today,
        },
        request=request,
    )


def management_panel(request: HttpRequest) -> str:
    since = timezone.now() - datetime.timedelta(days=365)
    queryset = Referral.objects.filter(library=request.library, referred_at__gte=since)
    return render_to_string(
        "referrals/_home_management.html",
        {"figures": selectors.summary(queryset)},
        request=request,
    )
