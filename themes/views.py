from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wegwijzer.pdf import pdf_response
from wegwijzer.roles import Role, has_role, role_required

from . import selectors, services
from .forms import CycleStartForm, StepProgressForm, SummaryAnswerForm
from .models import Cycle, Phase, PhaseKind, Step, Theme

READERS = (Role.WERKGROEP, Role.MT)


def _cycle(request: HttpRequest) -> Cycle:
    """The cycle asked for (?cyclus=), or the library's running one."""
    raw = request.GET.get("cyclus") or request.POST.get("cyclus")
    if raw:
        try:
            return Cycle.objects.get(library=request.library, pk=int(raw))
        except (ValueError, Cycle.DoesNotExist) as exc:
            raise Http404(_("Deze cyclus bestaat niet.")) from exc
    return services.cycle_get_or_start_current(library=request.library)


def _phase(slug: str, kind: str) -> Phase:
    return get_object_or_404(Phase.objects.select_related("theme"), theme__slug=slug, kind=kind)


def _step(pk: int) -> Step:
    return get_object_or_404(Step.objects.select_related("phase__theme"), pk=pk)


def _can_edit(request: HttpRequest, cycle: Cycle) -> bool:
    return cycle.is_current and has_role(request.user, Role.WERKGROEP)


def _phase_url(phase: Phase, cycle: Cycle | None = None, anchor: str = "") -> str:
    url = reverse("themes:phase", args=[phase.theme.slug, phase.kind])
    if cycle is not None and not cycle.is_current:
        url += f"?cyclus={cycle.pk}"
    return url + (f"#{anchor}" if anchor else "")


@require_GET
@role_required(*READERS)
def overview(request: HttpRequest) -> HttpResponse:
    cycle = _cycle(request)
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
def theme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    cycle = _cycle(request)
    theme = get_object_or_404(Theme, slug=slug)
    state = selectors.overview(cycle=cycle, themes=Theme.objects.filter(pk=theme.pk)).themes[0]
    return render(request, "themes/theme.html", {"theme": theme, "state": state, "cycle": cycle})


@require_http_methods(["GET", "POST"])
@role_required(*READERS)
def phase_detail(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    phase = _phase(slug, kind)
    cycle = _cycle(request)
    can_edit = _can_edit(request, cycle)
    detail = selectors.phase_detail(cycle=cycle, phase=phase)
    latest = detail["state"].answer
    conflict = None
    form = SummaryAnswerForm(
        initial={
            "text": latest.text if latest else "",
            "assessment": latest.assessment if latest else None,
            "based_on": latest.pk if latest else None,
        }
    )
    if request.method == "POST":
        if not can_edit:
            return HttpResponse(status=403)
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
    phases = list(phase.theme.phases.order_by("order"))
    index = [p.pk for p in phases].index(phase.pk)
    return render(
        request,
        "themes/phase.html",
        {
            "phase": phase,
            "theme": phase.theme,
            "cycle": cycle,
            "can_edit": can_edit,
            "form": form,
            "conflict": conflict,
            "previous_phase": phases[index - 1] if index > 0 else None,
            "next_phase": phases[index + 1] if index + 1 < len(phases) else None,
            **detail,
        },
        status=409 if conflict else 200,
    )


@require_POST
@role_required(Role.WERKGROEP)
def step_tick(request: HttpRequest, pk: int) -> HttpResponse:
    step = _step(pk)
    cycle = services.cycle_get_or_start_current(library=request.library)
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
def step_edit(request: HttpRequest, pk: int) -> HttpResponse:
    step = _step(pk)
    cycle = services.cycle_get_or_start_current(library=request.library)
    progress = step.progress.filter(cycle=cycle).first()
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
            form.add_error(None, exc)
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
def my_steps(request: HttpRequest) -> HttpResponse:
    cycle = services.cycle_get_or_start_current(library=request.library)
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
    can_start = has_role(request.user, Role.TREKKER)
    form = CycleStartForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not can_start:
            return HttpResponse(status=403)
        if form.is_valid():
            try:
                cycle = services.cycle_start(
                    library=request.library, name=form.cleaned_data["name"], user=request.user
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _("Cyclus {name} is gestart. Eerdere cycli blijven leesbaar.").format(
                        name=cycle.name
                    ),
                )
                return redirect("themes:overview")
    current = services.cycle_get_or_start_current(library=request.library)
    return render(
        request,
        "themes/cycles.html",
        {
            "cycles": Cycle.objects.filter(library=request.library).select_related("started_by"),
            "current": current,
            "form": form,
            "can_start": can_start,
        },
    )


@require_GET
@role_required(*READERS)
def dossier_pdf(request: HttpRequest) -> HttpResponse:
    cycle = _cycle(request)
    data = selectors.dossier(cycle=cycle)
    return pdf_response(
        "themes/dossier_pdf.html",
        {**data, "cycle": cycle, "library": request.library, "today": timezone.localdate()},
        filename=f"wegwijzer-dossier-{request.library.name}-{cycle.name}",
        request=request,
    )
