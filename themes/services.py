"""Writes for the Wegwijzer: ticking steps, assigning them, answering, starting a cycle."""

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from core.models import Library
from notifications.events import Event
from notifications.services import notify

from . import selectors
from .models import Cycle, Phase, Step, StepProgress, SummaryAnswer


def _require_current(cycle: Cycle) -> None:
    if not cycle.is_current:
        raise ValidationError(
            _("Deze cyclus is afgesloten; wijzigingen horen in de lopende cyclus.")
        )


def _progress_for_update(*, cycle: Cycle, step: Step) -> StepProgress:
    """The progress row, locked; created when missing, also when a colleague races us."""
    try:
        with transaction.atomic():
            progress, _created = StepProgress.objects.select_for_update().get_or_create(
                cycle=cycle, step=step
            )
    except IntegrityError:
        progress = StepProgress.objects.select_for_update().get(cycle=cycle, step=step)
    return progress


@transaction.atomic
def step_set_done(*, cycle: Cycle, step: Step, user: AbstractBaseUser, done: bool) -> StepProgress:
    """Set a step done or not done. Setting a state (not toggling) makes double clicks and
    colleagues ticking at the same moment harmless: both end with the state they asked for."""
    _require_current(cycle)
    progress = _progress_for_update(cycle=cycle, step=step)
    if done and not progress.is_done:
        progress.is_done = True
        progress.done_by = user
        progress.done_at = timezone.now()
    elif not done and progress.is_done:
        progress.is_done = False
        progress.done_by = None
        progress.done_at = None
    progress.updated_by = user
    progress.full_clean()
    progress.save()
    return progress


@transaction.atomic
def step_update(
    *,
    cycle: Cycle,
    step: Step,
    user: AbstractBaseUser,
    note: str,
    evidence_url: str,
    assigned_to: AbstractBaseUser | None,
    due_date: datetime.date | None,
) -> StepProgress:
    _require_current(cycle)
    progress = _progress_for_update(cycle=cycle, step=step)
    newly_assigned = assigned_to is not None and (
        assigned_to.pk != progress.assigned_to_id or due_date != progress.due_date
    )
    progress.note = note
    progress.evidence_url = evidence_url
    progress.assigned_to = assigned_to
    progress.due_date = due_date
    progress.updated_by = user
    progress.full_clean()
    progress.save()
    if newly_assigned:
        _notify_assignee(progress, by=user)
    return progress


def _notify_assignee(progress: StepProgress, *, by: AbstractBaseUser) -> None:
    step = progress.step
    body = step.location + "."
    if progress.due_date:
        body += " " + _("Streefdatum {date}.").format(date=progress.due_date.strftime("%d-%m-%Y"))
    notify(
        recipients=[progress.assigned_to],
        event=Event.TASK_ASSIGNED,
        title=_("Een stap is aan jou toegewezen: {title}").format(title=step.display_title),
        body=body,
        url=reverse("themes:phase", args=[step.phase.theme.slug, step.phase.kind])
        + f"#stap-{step.number}",
        actor=by,
    )


class AnswerConflict(Exception):
    """A colleague saved a newer answer since the form was opened."""

    def __init__(self, newer: SummaryAnswer):
        super().__init__(newer)
        self.newer = newer


@transaction.atomic
def summary_answer_create(
    *,
    cycle: Cycle,
    phase: Phase,
    user: AbstractBaseUser,
    text: str,
    assessment: str,
    based_on_id: int | None,
) -> SummaryAnswer:
    """Save a new answer, unless it would hide a newer one the user has not seen.

    `based_on_id` is the answer the user saw when opening the form (None: none yet). Answers
    are never overwritten; every save is a new row, so earlier answers stay readable.
    """
    _require_current(cycle)
    # Lock the cycle row so that two saves of the same phase are checked one after the other.
    Cycle.objects.select_for_update().get(pk=cycle.pk)
    latest = SummaryAnswer.objects.filter(cycle=cycle, phase=phase).order_by("-pk").first()
    if latest is not None and latest.pk != based_on_id:
        raise AnswerConflict(newer=latest)
    answer = SummaryAnswer(
        cycle=cycle, phase=phase, text=text, assessment=assessment, created_by=user
    )
    answer.full_clean()
    answer.save()
    return answer


@transaction.atomic
def cycle_start(
    *,
    library: Library,
    name: str,
    user: AbstractBaseUser | None,
    carry_over: bool = False,
    closes: int | None = None,
) -> Cycle:
    """Close the running cycle (it stays readable) and start a new one with fresh progress.

    With `carry_over`, every open step that is assigned to a current workgroup member keeps
    its assignee and due date in the new cycle; notes and evidence stay with the old cycle.
    `closes` is the running cycle the trekker confirmed closing (0: none was running); when
    another one runs by now, nothing happens.
    """
    name = name.strip()
    if Cycle.objects.filter(library=library, name__iexact=name).exists():
        raise ValidationError({"name": _("Er is al een cyclus met deze naam.")})
    previous = Cycle.objects.select_for_update().filter(library=library, is_current=True).first()
    if closes is not None and (previous.pk if previous else 0) != closes:
        raise ValidationError(
            _("Intussen is er een andere cyclus gestart. Bekijk opnieuw wat er gebeurt.")
        )
    if previous is not None:
        previous.is_current = False
        previous.closed_at = timezone.now()
        previous.save(update_fields=["is_current", "closed_at"])
    cycle = Cycle(library=library, name=name, started_by=user, is_current=True)
    cycle.full_clean()
    cycle.save()
    if previous is not None and carry_over:
        carried = [
            StepProgress(
                cycle=cycle,
                step_id=row.step_id,
                assigned_to_id=row.assigned_to_id,
                due_date=row.due_date,
                updated_by=user,
            )
            for row in selectors.open_assignments(cycle=previous, library=library)
        ]
        bulk_create_with_history(
            carried,
            StepProgress,
            default_user=user,
            default_change_reason=_("Toewijzing meegenomen uit cyclus {name}").format(
                name=previous.name
            ),
        )
    return cycle
