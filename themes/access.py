"""Fetching the Wegwijzer's objects for a request: one helper per kind (see core.access).

Themes, phases and steps are content shared by every library; cycles and progress belong to
one library and are only found within it.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import get_in_library, get_or_404, require
from core.roles import Role, has_role

from . import selectors
from .forms import CycleStartForm
from .models import Cycle, Phase, Step, Theme


def get_theme_for(request: HttpRequest, slug: str) -> Theme:
    return get_or_404(Theme.objects.all(), slug=slug)


def get_phase_for(request: HttpRequest, slug: str, kind: str) -> Phase:
    return get_or_404(Phase.objects.select_related("theme"), theme__slug=slug, kind=kind)


def get_step_for(request: HttpRequest, pk: int) -> Step:
    return get_or_404(Step.objects.select_related("phase__theme"), pk=pk)


def get_cycle_for(request: HttpRequest, *, current_only: bool = False) -> Cycle | None:
    """The cycle asked for (?cyclus=, within the library), else the running one; None while
    the library has no cycle yet. Writes always go to the running cycle (`current_only`)."""
    raw = None if current_only else request.GET.get("cyclus") or request.POST.get("cyclus")
    if raw:
        return get_in_library(Cycle.objects.all(), library=request.library, pk=raw)
    return selectors.current_cycle(library=request.library)


def may_edit(request: HttpRequest, cycle: Cycle) -> bool:
    """The workgroup changes the running cycle; earlier cycles and MT only read."""
    return cycle.is_current and has_role(request.user, Role.WERKGROEP)


def require_edit(request: HttpRequest, cycle: Cycle) -> None:
    require(
        may_edit(request, cycle),
        _(
            "Alleen de werkgroep legt voortgang vast, en alleen in de lopende cyclus. Deze "
            "pagina is voor jou alleen te lezen."
        ),
    )


def cycle_required(*, current_only: bool = False) -> Callable:
    """Pass the view its cycle as `cycle=`; while the library has none, show the page that
    lets the trekker start the first one (a GET never starts a cycle by itself)."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            cycle = get_cycle_for(request, current_only=current_only)
            if cycle is None:
                return no_cycle(request)
            return view(request, *args, cycle=cycle, **kwargs)

        return wrapper

    return decorator


def no_cycle(request: HttpRequest) -> HttpResponse:
    form = CycleStartForm(initial={"name": str(timezone.localdate().year)}, current=None)
    return render(
        request,
        "themes/no_cycle.html",
        {"form": form, "can_start": has_role(request.user, Role.TREKKER)},
    )
