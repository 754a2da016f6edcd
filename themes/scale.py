"""A Wegwijzer cycle with full progress and history, for the benchmarks."""

import random

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from core.models import Library
from core.roles import Role

from .models import Assessment, Cycle, Phase, Step, StepProgress, SummaryAnswer


def generate(*, library: Library, people: dict, rng: random.Random, factor: float) -> int:
    if Cycle.objects.filter(library=library).exists():
        return 0
    staff = people[Role.WERKGROEP] + people[Role.TREKKER]
    now = timezone.now()
    created = 0
    years = [now.year - 2, now.year - 1, now.year]
    steps = list(Step.objects.all())
    phases = list(Phase.objects.all())
    for year in years:
        cycle = Cycle.objects.create(library=library, name=str(year), is_current=year == now.year)
        progress = [
            StepProgress(
                cycle=cycle,
                step=step,
                is_done=True,
                done_by=rng.choice(staff),
                done_at=now,
                note="Besproken in de werkgroep.",
                assigned_to=rng.choice(staff),
                due_date=timezone.localdate(),
            )
            for step in steps
        ]
        bulk_create_with_history(progress, StepProgress, batch_size=500)
        answers = [
            SummaryAnswer(
                cycle=cycle,
                phase=phase,
                text=f"Versie {version} van het antwoord.",
                assessment=Assessment.JA if version == 3 else Assessment.DEELS,
                created_by=rng.choice(staff),
            )
            for phase in phases
            for version in (1, 2, 3)
        ]
        bulk_create_with_history(answers, SummaryAnswer, batch_size=500)
        created += len(progress) + len(answers)
    return created
