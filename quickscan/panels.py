"""The Quickscan's panels on the home page."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from . import selectors
from .models import Respondent


def _context(request: HttpRequest) -> dict:
    rounds = list(selectors.rounds_overview(library=request.library)[:10])
    current = next((r for r in rounds if r.is_open), None)
    latest_closed = next((r for r in rounds if not r.is_open), None)
    me = Respondent.objects.filter(round=current, user=request.user).first() if current else None
    return {
        "current": current,
        "me": me,
        "latest_closed": latest_closed,
        "summary": selectors.comparison(latest_closed) if latest_closed else None,
    }


def workgroup_panel(request: HttpRequest) -> str:
    """For the workgroup: the running round, your own part in it and agreeing on answers."""
    return render_to_string("quickscan/_home_workgroup.html", _context(request), request=request)


def management_panel(request: HttpRequest) -> str:
    """For MT: the latest outcome and its change, the report; and your own answers if invited."""
    return render_to_string("quickscan/_home_management.html", _context(request), request=request)
