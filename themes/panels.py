"""The Wegwijzer's panels on the home page."""

from django.template.loader import render_to_string

from core.http import AuthenticatedHttpRequest

from . import selectors


def workgroup_panel(request: AuthenticatedHttpRequest) -> str:
    cycle = selectors.current_cycle(library=request.library)
    return render_to_string(
        "themes/_home_workgroup.html",
        {"cycle": cycle, "overview": selectors.overview(cycle=cycle) if cycle else None},
        request=request,
    )


def management_panel(request: AuthenticatedHttpRequest) -> str:
    cycle = selectors.current_cycle(library=request.library)
    return render_to_string(
        "themes/_home_management.html",
        {"cycle": cycle, "overview": selectors.overview(cycle=cycle) if cycle else None},
        request=request,
    )
