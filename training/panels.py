"""The leergang's panels on the home page."""

from django.template.loader import render_to_string
from django.utils import timezone

from core.http import AuthenticatedHttpRequest

from . import selectors


def participant_panel(request: AuthenticatedHttpRequest) -> str:
    """For whoever follows a course: what is still needed, and the next meeting."""
    rows = selectors.participations_of(library=request.library, user=request.user)
    today = timezone.localdate()
    current = [row for row in rows if row.participant.course.ends_on >= today]
    if not current:
        return ""
    upcoming = selectors.upcoming_meetings(library=request.library, user=request.user, today=today)
    return render_to_string(
        "training/_home_participant.html",
        {"rows": current, "next_meeting": upcoming.first()},
        request=request,
    )


def management_panel(request: AuthenticatedHttpRequest) -> str:
    """For MT and the coordinator: the front office's certificates and the running groups."""
    today = timezone.localdate()
    lines = selectors.branch_overview(library=request.library, today=today)
    running = list(selectors.running_courses(library=request.library, today=today))
    if not lines and not running:
        return ""
    return render_to_string(
        "training/_home_management.html",
        {"totals": selectors.overview_totals(lines), "running_count": len(running)},
        request=request,
    )
