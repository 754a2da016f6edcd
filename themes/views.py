from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.access import require_role
from core.forms import apply_validation_error
from core.pdf import pdf_response
from core.roles import Role, has_role, role_required

from . import selectors, services
from .access import (
    cycle_required,
    get_phase_for,
    get_step_for,
    get_theme_for,
    may_edit,
    require_edit,
)
from .forms import CycleStartForm, StepProgressForm, SummaryAnswerForm
from .models import Cycle, Phase, PhaseKind

# Beheer reads too: it edits the steps' texts and checks how they look.
READERS = (Role.WERKGROEP, Role.MT, Role.BEHEER)


def _phase_url(phase: Phase, cycle: Cycle | None = None, anchor: str = "") -> str:
    url = reverse("themes:phase", args=[phase.theme.slug, phase.kind])
    if cycle is not None and not cycle.is_current:
        url += f"?cyclus={cycle.pk}"
    return url + (f"#{anchor}" if anchor else "")


@require_GET
@role_required(*READERS)
@cycle_required()
def overview(request: HttpRequest, *, cycle: Cycle) -> HttpResponse:
    cycles, rows = selectors.cycle_comparison(library=request.library)
    return render(
        request,
        "themes/overview.html",
        {
            "overview": selectors.overview(cycle=cycle),
            "cycle": cycle,
            "phase_kinds": PhaseKind.choices,
            "cycles": cycles,
            "compare_rows": rows,
        },
    )


@require_GET
@role_required(*READERS)
@cycle_required()
def theme_detail(request: HttpRequest, slug: str, *, cycle: Cycle) -> HttpResponse:
    theme = get_theme_for(request, slug)
    state = selectors.theme_state(cycle=cycle, theme=theme)
    return render(request, "themes/theme.html", {"theme": theme, "state": state, "cycle": cycle})


def _summary_answer_form(latest) -> SummaryAnswerForm:
    return SummaryAnswerForm(
        initial={
            "text": latest.text if latest else "",
            "assessment": latest.assessment if latest else None,
            "based_on": latest.pk if latest else None,
        }
    )


@require_http_methods(["GET", "POST"])
@role_required(*READERS)
@cycle_required()
def phase_detail(request: HttpRequest, slug: str, kind: str, *, cycle: Cycle) -> HttpResponse:
    phase = get_phase_for(request, slug, kind)
    detail = selectors.phase_detail(cycle=cycle, phase=phase)
    form = _summary_answer_form(detail["state"].answer)
    conflict = None
    if request.method == "POST":
        require_edit(request, cycle)
        form = SummaryAnswerForm(request.POST)
        if form.is_valid():
            try:
                services.summary_answer_create(
                    cycle=cycle,
                    phase=phase,
                    user=request.user,
                    text=form.cleaned_data["text"],
                    assessment=form.cleaned_data["assessment"],
                    based_on_id=form.cleaned_data["based_on"],
                )
            except services.AnswerConflict as exc:
                conflict = exc.newer
                # Keep what the user wrote; a second save, after comparing, goes through.
                data = request.POST.copy()
                data["based_on"] = str(conflict.pk)
                form = SummaryAnswerForm(data)
                form.is_valid()
            else:
                messages.success(request, _("Je antwoord is opgeslagen."))
                return redirect(_phase_url(phase, cycle, "samenvattende-vraag"))
    previous_phase, next_phase = selectors.phase_neighbours(phase=phase)
    return render(
        request,
        "themes/phase.html",
        {
            "phase": phase,
            "theme": phase.theme,
            "cycle": cycle,
            "can_edit": may_edit(request, cycle),
            "form": form,
            "conflict": conflict,
            "previous_phase": previous_phase,
            "next_phase": next_phase,
            **detail,
        },
        status=409 if conflict else 200,
    )


@require_POST
@role_required(Role.WERKGROEP)
@cycle_required(current_only=True)
def step_tick(request: HttpRequest, pk: int, *, cycle: Cycle) -> HttpResponse:
    step = get_step_for(request, pk)
    done = request.POST.get("done")
    if done not in {"0", "1"}:
        return HttpResponse(_("Ongeldige keuze."), status=400)
    services.step_set_done(cycle=cycle, step=step, user=request.user, done=done == "1")
    if request.htmx:
        detail = selectors.phase_detail(cycle=cycle, phase=step.phase)
        step = next(s for s in detail["steps"] if s.pk == step.pk)
        return render(
            request,
            "themes/_step_tick_response.html",
            {"step": step, "cycle": cycle, "can_edit": True, "state": detail["state"]},
        )
    if done == "1":
        messages.success(request, _("Stap {n} staat op gedaan.").format(n=step.number))
    else:
        messages.info(request, _("Stap {n} staat weer open.").format(n=step.number))
    return redirect(_phase_url(step.phase, anchor=f"stap-{step.number}"))


@require_http_methods(["GET", "POST"])
@role_required(Role.WERKGROEP)
@cycle_required(current_only=True)
def step_edit(request: HttpRequest, pk: int, *, cycle: Cycle) -> HttpResponse:
    step = get_step_for(request, pk)
    progress = selectors.step_progress(cycle=cycle, step=step)
    members = selectors.workgroup_members(library=request.library)
    form = StepProgressForm(
        request.POST if request.method == "POST" else None, instance=progress, members=members
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.step_update(
                cycle=cycle,
                step=step,
                user=request.user,
                note=form.cleaned_data["note"],
                evidence_url=form.cleaned_data["evidence_url"],
                assigned_to=form.cleaned_data["assigned_to"],
                due_date=form.cleaned_data["due_date"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Stap {n} is bijgewerkt.").format(n=step.number))
            return redirect(_phase_url(step.phase, anchor=f"stap-{step.number}"))
    return render(
        request,
        "themes/step_edit.html",
        {"step": step, "phase": step.phase, "form": form, "cycle": cycle, "progress": progress},
    )


@require_GET
@role_required(Role.WERKGROEP)
@cycle_required(current_only=True)
def my_steps(request: HttpRequest, *, cycle: Cycle) -> HttpResponse:
    return render(
        request,
        "themes/my_steps.html",
        {
            "cycle": cycle,
            "rows": selectors.my_steps(cycle=cycle, user=request.user),
            "today": timezone.localdate(),
        },
    )


@require_http_methods(["GET", "POST"])
@role_required(*READERS)
def cycles(request: HttpRequest) -> HttpResponse:
    """Every cycle; the trekker starts the next one here (and the very first one).

    Starting a cycle closes the running one, so it takes two posts: the form, then a page that
    says what will happen and asks for confirmation. Without a running cycle one post does it.
    """
    current = selectors.current_cycle(library=request.library)
    form = CycleStartForm(
        request.POST if request.method == "POST" else None,
        library=request.library,
        current=current,
    )
    if request.method == "POST":
        require_role(
            request.user, Role.TREKKER, message=_("Alleen de trekker start een nieuwe cyclus.")
        )
        if form.is_valid() and "terug" not in request.POST:
            confirmed = request.POST.get("bevestigd") == "1"
            if current is not None and not (
                confirmed and form.cleaned_data["closes"] == current.pk
            ):
                return _cycle_confirm(request, form, current, moved=confirmed)
            try:
                cycle = services.cycle_start(
                    library=request.library,
                    name=form.cleaned_data["name"],
                    user=request.user,
                    carry_over=bool(form.cleaned_data.get("carry_over")),
                    closes=current.pk if current is not None else 0,
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(
                    request,
                    _("Cyclus {name} is gestart. Eerdere cycli blijven leesbaar.").format(
                        name=cycle.name
                    ),
                )
                return redirect("themes:overview")
    return render(
        request,
        "themes/cycles.html",
        {
            "cycles": selectors.library_cycles(library=request.library),
            "current": current,
            "form": form,
            "can_start": has_role(request.user, Role.TREKKER),
        },
    )


def _cycle_confirm(
    request: HttpRequest, form: CycleStartForm, current: Cycle, *, moved: bool
) -> HttpResponse:
    """What starting the cycle does, before it is done."""
    overview = selectors.overview(cycle=current)
    return render(
        request,
        "themes/cycle_confirm.html",
        {
            "form": form,
            "name": form.cleaned_data["name"],
            "carry_over": form.cleaned_data["carry_over"],
            "current": current,
            "overview": overview,
            "assignments": list(selectors.open_assignments(cycle=current, library=request.library)),
            "moved": moved,
        },
    )


@require_GET
@role_required(*READERS)
@cycle_required()
def dossier_pdf(request: HttpRequest, *, cycle: Cycle) -> HttpResponse:
    data = selectors.dossier(cycle=cycle)
    return pdf_response(
        "themes/dossier_pdf.html",
        {**data, "cycle": cycle, "library": request.library, "today": timezone.localdate()},
        filename=f"wegwijzer-dossier-{request.library.name}-{cycle.name}",
        request=request,
    )
