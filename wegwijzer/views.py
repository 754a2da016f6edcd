from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.module_loading import import_string
from django.views.decorators.http import require_GET

from .roles import Role, user_roles

# The apps' panels on the home page, in the order a role needs them, with who sees each.
# Each is a function (request) -> rendered HTML, named by path so apps never import each other.
HOME_PANELS: list[tuple[str, frozenset[Role]]] = [
    ("referrals.panels.frontoffice_panel", frozenset({Role.FRONTOFFICE})),
    ("referrals.panels.specialist_panel", frozenset({Role.SPECIALIST})),
    ("themes.panels.workgroup_panel", frozenset({Role.WERKGROEP})),
    ("quickscan.panels.workgroup_panel", frozenset({Role.WERKGROEP})),
    ("themes.panels.management_panel", frozenset({Role.MT})),
    ("quickscan.panels.management_panel", frozenset({Role.MT})),
    ("referrals.panels.management_panel", frozenset({Role.MT})),
]


@require_GET
@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Each role sees first what it needs first; the panels come from the apps."""
    roles = user_roles(request.user)
    panels = [
        import_string(panel)(request) for panel, panel_roles in HOME_PANELS if panel_roles & roles
    ]
    return render(request, "home.html", {"has_any_role": bool(roles), "home_panels": panels})
