"""The referral log's panels on the home page."""

from django.template.loader import render_to_string
from django.utils import timezone

from core.http import AuthenticatedHttpRequest
from core.roles import Role, has_role

from . import selectors


def frontoffice_panel(request: AuthenticatedHttpRequest) -> str:
    today = selectors.logged_today_count(library=request.library, user=request.user)
    return render_to_string(
        "referrals/_home_frontoffice.html", {"today_count": today}, request=request
    )


def specialist_panel(request: AuthenticatedHttpRequest) -> str:
    today = timezone.localdate()
    incoming = selectors.incoming_summary(library=request.library, user=request.user, today=today)
    return render_to_string(
        "referrals/_home_specialist.html",
        {
            "first": incoming.first,
            "count": incoming.count,
            "overdue": incoming.overdue,
            "today": today,
        },
        request=request,
    )


def receivers_panel(request: AuthenticatedHttpRequest) -> str:
    """For beheer and the coordinator: offers nobody receives, so nothing reaches nobody."""
    offers = list(selectors.offers_without_receivers(library=request.library))
    is_coordinator = has_role(request.user, Role.TREKKER)
    queued = selectors.coordinator_queue(library=request.library).count() if is_coordinator else 0
    if not offers and not is_coordinator:
        return ""
    return render_to_string(
        "referrals/_home_receivers.html",
        {"offers": offers, "queued": queued, "is_coordinator": is_coordinator},
        request=request,
    )


def management_panel(request: AuthenticatedHttpRequest) -> str:
    return render_to_string(
        "referrals/_home_management.html",
        {"figures": selectors.summary_last_year(library=request.library)},
        request=request,
    )
