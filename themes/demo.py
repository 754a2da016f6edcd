"""Demo progress for `setup_demo`: last year's closed cycle and a cycle under way."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from core.models import Library

from .models import Assessment, Cycle, Phase, StepProgress, SummaryAnswer

# (theme order, phase kind) -> (share of steps done, assessment or None)
CURRENT = {
    (0, "orientatie"): (1.0, Assessment.JA),
    (0, "creatie"): (1.0, Assessment.JA),
    (0, "implementatie"): (0.5, Assessment.DEELS),
    (1, "orientatie"): (1.0, Assessment.JA),
    (1, "creatie"): (0.5, None),
    (2, "orientatie"): (0.6, Assessment.DEELS),
    (5, "orientatie"): (0.25, None),
}
PREVIOUS = {
    (0, "orientatie"): (1.0, Assessment.JA),
    (0, "creatie"): (0.75, Assessment.DEELS),
    (1, "orientatie"): (0.34, None),
}
ANSWERS = {
    Assessment.JA: "Dit is besproken in de werkgroep en vastgelegd in het jaarplan.",
    Assessment.DEELS: "Een deel is geregeld; de rest staat op de agenda van het volgende overleg.",
}


def _fill(cycle: Cycle, plan: dict, users: list) -> None:
    phases = Phase.objects.select_related("theme").prefetch_related("steps")
    now = timezone.now()
    for phase in phases:
        share, assessment = plan.get((phase.theme.order, phase.kind), (0, None))
        steps = list(phase.steps.all())
        for index, step in enumerate(steps):
            done = index < round(share * len(steps))
            user = users[index % len(users)]
            StepProgress.objects.create(
                cycle=cycle,
                step=step,
                is_done=done,
                done_by=user if done else None,
                done_at=now - datetime.timedelta(days=30 - index) if done else None,
                assigned_to=None if done else user,
                due_date=(timezone.localdate() + datetime.timedelta(days=14 + 7 * index))
                if not done
                else None,
            )
        if assessment:
            SummaryAnswer.objects.create(
                cycle=cycle,
                phase=phase,
                text=ANSWERS[assessment],
                assessment=assessment,
                created_by=users[0],
            )


@transaction.atomic
def load_demo(*, library: Library) -> None:
    if Cycle.objects.filter(library=library).exists():
        return
    users = list(
        get_user_model().objects.filter(username__in=["werkgroep"]).order_by("username")
    ) or [None]
    year = timezone.localdate().year
    previous = Cycle.objects.create(
        library=library, name=str(year - 1), is_current=False, closed_at=timezone.now()
    )
    _fill(previous, PREVIOUS, users)
    current = Cycle.objects.create(library=library, name=str(year), is_current=True)
    _fill(current, CURRENT, users)
