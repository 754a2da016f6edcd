"""The Wegwijzer's panels on the home page."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from . import selectors, services


def workgroup_panel(request: HttpRequest) -> str:
    cycle = services.cycle_get_or_start_current(library=request.library)
    return render_to_string(
        "themes/_home_workgroup.html",
        {
            "cycle": cycle,
            "overview": selectors.overview(cycle=cycle),
            "my_steps": list(
                selectors.my_steps(cycle=cycle, user=request.user).filter(is_done=False)[:5]
            ),
            "today": timezone.localdate(),
        },
        request=request,
    )


def management_panel(request: HttpRequest) -> str:
    cycle = services.cycle_get_or_start_current(library=request.library)
    return render_to_string(
        "themes/_home_management.html",
        {"cycle": cycle, "overview": selectors.overview(cycle=cycle)},
        request=request,
    )
