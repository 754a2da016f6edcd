"""Reads for the Wegwijzer. Every function here runs a fixed number of queries, however much
progress and history a library has built up."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Count, F, Max, Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from core import numbers
from core.models import Library
from core.roles import Role, users_with_role

from . import history
from .models import Assessment, Cycle, Phase, Step, StepProgress, SummaryAnswer, Theme


class Status(models.TextChoices):
    """Where a phase or theme stands; derived from progress, never stored."""

    NIET_GESTART = "niet_gestart", _("niet gestart")
    BEZIG = "bezig", _("bezig")
    AFGEROND = "afgerond", _("afgerond")


def derive_status(*, total: int, done: int, assessment: str | None) -> str:
    """A phase is done when every step is done and its summary question is answered 'ja'."""
    if done >= total and assessment == Assessment.JA:
        return Status.AFGEROND
    if done == 0 and assessment is None:
        return Status.NIET_GESTART
    return Status.BEZIG


def combine_status(statuses: Iterable[str]) -> str:
    statuses = list(statuses)
    if statuses and all(s == Status.AFGEROND for s in statuses):
        return Status.AFGEROND
    if all(s == Status.NIET_GESTART for s in statuses):
        return Status.NIET_GESTART
    return Status.BEZIG


@dataclass
class PhaseState:
    phase: Phase
    total: int
    done: int
    answer: SummaryAnswer | None

    @property
    def status(self) -> str:
        return derive_status(
            total=self.total,
            done=self.done,
            assessment=self.answer.assessment if self.answer else None,
        )

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def percent(self) -> int:
        return numbers.percent(self.done, self.total)


@dataclass
class ThemeState:
    theme: Theme
    phases: list[PhaseState] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(p.total for p in self.phases)

    @property
    def done(self) -> int:
        return sum(p.done for p in self.phases)

    @property
    def percent(self) -> int:
        return numbers.percent(self.done, self.total)

    @property
    def status(self) -> str:
        return combine_status(p.status for p in self.phases)

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def phases_done(self) -> int:
        return sum(1 for p in self.phases if p.status == Status.AFGEROND)


@dataclass
class Overview:
    cycle: Cycle
    themes: list[ThemeState]

    @property
    def total(self) -> int:
        return sum(t.total for t in self.themes)

    @property
    def done(self) -> int:
        return sum(t.done for t in self.themes)

    @property
    def percent(self) -> int:
        return numbers.percent(self.done, self.total)

    @property
    def phases_done(self) -> int:
        return sum(t.phases_done for t in self.themes)

    @property
    def phase_count(self) -> int:
        return sum(len(t.phases) for t in self.themes)


def current_cycle(*, library: Library) -> Cycle | None:
    """The library's running cycle; None before the first one is started."""
    return Cycle.objects.filter(library=library, is_current=True).first()


def library_cycles(*, library: Library) -> QuerySet:
    """Every cycle of the library, newest first, with who started it."""
    return Cycle.objects.filter(library=library).select_related("started_by")


def theme_state(*, cycle: Cycle, theme: Theme) -> "ThemeState":
    return overview(cycle=cycle, themes=Theme.objects.filter(pk=theme.pk)).themes[0]


def phase_neighbours(*, phase: Phase) -> tuple[Phase | None, Phase | None]:
    """The phases before and after this one in its theme (for the page's own navigation)."""
    phases = list(Phase.objects.filter(theme_id=phase.theme_id).order_by("order"))
    index = [p.pk for p in phases].index(phase.pk)
    return (
        phases[index - 1] if index > 0 else None,
        phases[index + 1] if index + 1 < len(phases) else None,
    )


def step_progress(*, cycle: Cycle, step: Step) -> StepProgress | None:
    return StepProgress.objects.filter(cycle=cycle, step=step).first()


def latest_answers(*, cycle: Cycle, phases: Iterable[Phase] | None = None) -> QuerySet:
    """The newest answer per phase in a cycle (one query)."""
    newest = SummaryAnswer.objects.filter(cycle=cycle)
    if phases is not None:
        newest = newest.filter(phase__in=phases)
    newest_ids = newest.values("phase").annotate(newest=Max("pk")).values("newest")
    return SummaryAnswer.objects.filter(pk__in=newest_ids).select_related("created_by")


def phase_states(*, cycle: Cycle, phases: list[Phase]) -> dict[int, PhaseState]:
    totals = dict(
        Step.objects.filter(phase__in=phases)
        .values("phase")
        .annotate(n=Count("pk"))
        .values_list("phase", "n")
    )
    done = dict(
        StepProgress.objects.filter(cycle=cycle, is_done=True, step__phase__in=phases)
        .values("step__phase")
        .annotate(n=Count("pk"))
        .values_list("step__phase", "n")
    )
    answers = {a.phase_id: a for a in latest_answers(cycle=cycle, phases=phases)}
    return {
        phase.pk: PhaseState(
            phase=phase,
            total=totals.get(phase.pk, 0),
            done=done.get(phase.pk, 0),
            answer=answers.get(phase.pk),
        )
        for phase in phases
    }


def overview(*, cycle: Cycle, themes: QuerySet | None = None) -> Overview:
    themes = list(
        (themes if themes is not None else Theme.objects.all()).prefetch_related(
            Prefetch("phases", queryset=Phase.objects.order_by("order"))
        )
    )
    phases = [phase for theme in themes for phase in theme.phases.all()]
    states = phase_states(cycle=cycle, phases=phases)
    return Overview(
        cycle=cycle,
        themes=[
            ThemeState(theme=theme, phases=[states[p.pk] for p in theme.phases.all()])
            for theme in themes
        ],
    )


@dataclass
class ComparisonRow:
    theme: Theme
    cells: list[tuple[int, int]]  # per cycle, oldest first: (phases done, percent of steps)


def cycle_comparison(*, library: Library) -> tuple[list[Cycle], list[ComparisonRow]]:
    """Per cycle and theme: how many phases are done and what share of the steps."""
    cycles = list(Cycle.objects.filter(library=library).order_by("started_at", "pk"))
    themes = list(Theme.objects.prefetch_related("phases"))
    totals = dict(Step.objects.values("phase").annotate(n=Count("pk")).values_list("phase", "n"))
    done: dict[tuple[int, int], int] = {}
    for cycle_id, phase_id, n in (
        StepProgress.objects.filter(cycle__library=library, is_done=True)
        .values("cycle", "step__phase")
        .annotate(n=Count("pk"))
        .values_list("cycle", "step__phase", "n")
    ):
        done[(cycle_id, phase_id)] = n
    newest_ids = (
        SummaryAnswer.objects.filter(cycle__library=library)
        .values("cycle", "phase")
        .annotate(newest=Max("pk"))
        .values("newest")
    )
    assessments = {
        (cycle_id, phase_id): assessment
        for cycle_id, phase_id, assessment in SummaryAnswer.objects.filter(
            pk__in=newest_ids
        ).values_list("cycle", "phase", "assessment")
    }
    rows = []
    for theme in themes:
        cells = []
        for cycle in cycles:
            phases_done = 0
            steps_done = steps_total = 0
            for phase in theme.phases.all():
                total = totals.get(phase.pk, 0)
                n = done.get((cycle.pk, phase.pk), 0)
                steps_done += n
                steps_total += total
                status = derive_status(
                    total=total, done=n, assessment=assessments.get((cycle.pk, phase.pk))
                )
                phases_done += status == Status.AFGEROND
            cells.append((phases_done, numbers.percent(steps_done, steps_total)))
        rows.append(ComparisonRow(theme=theme, cells=cells))
    return cycles, rows


def phase_detail(*, cycle: Cycle, phase: Phase) -> dict:
    """Everything the phase page shows: steps with their progress, answers, resources."""
    steps = list(phase.steps.prefetch_related("items", "resources").order_by("number"))
    progress = {
        p.step_id: p
        for p in StepProgress.objects.filter(cycle=cycle, step__in=steps).select_related(
            "done_by", "assigned_to"
        )
    }
    for step in steps:
        step.state = progress.get(step.pk)
    _texts_of_cycle(cycle, steps)
    answers = list(
        SummaryAnswer.objects.filter(cycle=cycle, phase=phase)
        .select_related("created_by")
        .order_by("-pk")
    )
    state = PhaseState(
        phase=phase,
        total=len(steps),
        done=sum(1 for s in steps if s.state and s.state.is_done),
        answer=answers[0] if answers else None,
    )
    # The newest answer is the one in force (shown on its own); the rest came before it.
    return {"steps": steps, "answers": answers, "earlier_answers": answers[1:], "state": state}


def _texts_of_cycle(cycle: Cycle, steps: list[Step]) -> None:
    """A closed cycle shows its steps as they read when it closed, not as edited since."""
    if not cycle.is_current and cycle.closed_at is not None:
        history.show_as_of(steps, cycle.closed_at)


def workgroup_members(*, library: Library) -> QuerySet:
    """Who a step can be assigned to."""
    return users_with_role(library=library, roles=[Role.WERKGROEP])


def open_assignments(*, cycle: Cycle, library: Library) -> QuerySet:
    """Open steps of the cycle assigned to someone still in the workgroup (what a new cycle
    can carry over), in the Wegwijzer's order."""
    return (
        StepProgress.objects.filter(
            cycle=cycle,
            is_done=False,
            assigned_to__in=workgroup_members(library=library).values("pk"),
        )
        .select_related("step__phase__theme", "assigned_to")
        .order_by("step__phase__theme__order", "step__phase__order", "step__number")
    )


def my_steps(*, cycle: Cycle, user) -> QuerySet:
    """Steps assigned to the user in the cycle, earliest due date first, open ones first."""
    return (
        StepProgress.objects.filter(cycle=cycle, assigned_to=user)
        .select_related("step__phase__theme")
        .order_by(
            "is_done",
            F("due_date").asc(nulls_last=True),
            "step__phase__theme__order",
            "step__phase__order",
            "step__number",
        )
    )


def themes_with_steps() -> list[Theme]:
    """Every theme with its phases and their steps in order, in three queries."""
    return list(
        Theme.objects.prefetch_related(
            Prefetch(
                "phases",
                queryset=Phase.objects.order_by("order").prefetch_related(
                    Prefetch("steps", queryset=Step.objects.order_by("number"))
                ),
            )
        )
    )


def dossier(*, cycle: Cycle) -> dict:
    """The whole Wegwijzer for one cycle, for the dossier PDF (a fixed number of queries)."""
    themes = themes_with_steps()
    progress = {
        p.step_id: p
        for p in StepProgress.objects.filter(cycle=cycle).select_related("done_by", "assigned_to")
    }
    answers = {a.phase_id: a for a in latest_answers(cycle=cycle)}
    _texts_of_cycle(
        cycle,
        [step for theme in themes for phase in theme.phases.all() for step in phase.steps.all()],
    )
    sections = []
    for theme in themes:
        phase_rows = []
        for phase in theme.phases.all():
            steps = list(phase.steps.all())
            for step in steps:
                step.state = progress.get(step.pk)
            done = [s for s in steps if s.state and s.state.is_done]
            open_steps = [s for s in steps if not (s.state and s.state.is_done)]
            state = PhaseState(
                phase=phase, total=len(steps), done=len(done), answer=answers.get(phase.pk)
            )
            phase_rows.append({"phase": phase, "state": state, "done": done, "open": open_steps})
        sections.append({"theme": theme, "phases": phase_rows})
    return {"sections": sections, "overview": overview(cycle=cycle)}


def assigned_open_steps(*, user, library: Library) -> QuerySet:
    """Open steps assigned to the user in the library's running cycle, earliest due first."""
    return (
        StepProgress.objects.filter(
            cycle__library=library, cycle__is_current=True, assigned_to=user, is_done=False
        )
        .select_related("step__phase__theme", "cycle")
        .order_by(
            F("due_date").asc(nulls_last=True),
            "step__phase__theme__order",
            "step__phase__order",
            "step__number",
        )
    )
