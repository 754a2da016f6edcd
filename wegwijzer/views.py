from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET

from core.http import AuthenticatedHttpRequest
from core.roles import Role, has_role, role_required, user_roles
from quickscan import panels as quickscan_panels
from referrals import panels as referrals_panels
from themes import panels as themes_panels
from training import panels as training_panels

from .my_tasks import tasks_for

Panel = Callable[[AuthenticatedHttpRequest], str]


def _my_tasks(request: AuthenticatedHttpRequest) -> list:
    return tasks_for(
        user=request.user,
        library=request.library,
        today=timezone.localdate(),
        can_read_quickscan=has_role(request.user, Role.WERKGROEP, Role.MT),
    )


def my_tasks_panel(request: AuthenticatedHttpRequest) -> str:
    """Open tasks on the home page, for anyone who has some (and always for the workgroup)."""
    tasks = [task for task in _my_tasks(request) if not task.is_done]
    if not tasks and not has_role(request.user, Role.WERKGROEP):
        return ""
    return render_to_string(
        "_my_tasks_panel.html", {"tasks": tasks[:5], "more": len(tasks) > 5}, request=request
    )


# The apps' panels on the home page, in the order a role needs them, with who sees each.
# The project sits above the apps and may import them; the apps never import each other.
HOME_PANELS: list[tuple[Panel, frozenset[Role]]] = [
    (my_tasks_panel, frozenset(Role)),
    (referrals_panels.receivers_panel, frozenset({Role.BEHEER, Role.TREKKER})),
    (referrals_panels.frontoffice_panel, frozenset({Role.FRONTOFFICE})),
    (referrals_panels.specialist_panel, frozenset({Role.SPECIALIST})),
    (themes_panels.workgroup_panel, frozenset({Role.WERKGROEP})),
    (quickscan_panels.workgroup_panel, frozenset({Role.WERKGROEP})),
    (themes_panels.management_panel, frozenset({Role.MT})),
    (quickscan_panels.management_panel, frozenset({Role.MT})),
    (referrals_panels.management_panel, frozenset({Role.MT})),
    (training_panels.participant_panel, frozenset(Role)),
    (training_panels.management_panel, frozenset({Role.MT, Role.TREKKER})),
]


@require_GET
@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Each role sees first what it needs first; the panels come from the apps."""
    roles = user_roles(request.user)
    panels = [panel(request) for panel, panel_roles in HOME_PANELS if panel_roles & roles]
    return render(request, "home.html", {"has_any_role": bool(roles), "home_panels": panels})


@require_GET
@role_required(*Role)
def my_tasks(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Everything assigned to me: Wegwijzer steps and Quickscan actions."""
    return render(
        request,
        "my_tasks.html",
        {"tasks": _my_tasks(request), "back": request.get_full_path()},
    )
