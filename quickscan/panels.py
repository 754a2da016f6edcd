"""The Quickscan's panels on the home page."""

from django.template.loader import render_to_string

from core.http import AuthenticatedHttpRequest

from . import selectors

# The home page shows the latest state; older rounds are on the Quickscan's own page.
PANEL_ROUNDS = 10


def _context(request: AuthenticatedHttpRequest) -> dict:
    overview = selectors.quickscan_overview(
        library=request.library, user=request.user, limit=PANEL_ROUNDS
    )
    return {
        "current": overview.current,
        "me": overview.me,
        "latest_closed": overview.latest_closed,
        "summary": overview.summary,
    }


def workgroup_panel(request: AuthenticatedHttpRequest) -> str:
    """For the workgroup: the running round, your own part in it and agreeing on answers."""
    return render_to_string("quickscan/_home_workgroup.html", _context(request), request=request)


def management_panel(request: AuthenticatedHttpRequest) -> str:
    """For MT: the latest outcome and its change, the report; and your own answers if invited."""
    return render_to_string("quickscan/_home_management.html", _context(request), request=request)
