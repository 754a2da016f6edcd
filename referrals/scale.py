"""Referrals at scale for the benchmarks (`manage.py generate_scale_data`)."""

import datetime
import random

from django.utils import timezone

from core.models import Department, Library
from core.roles import Role

from .defaults import referral_options_create_defaults
from .models import (
    Audience,
    Handover,
    Offer,
    Outcome,
    OutreachLocation,
    Referral,
    Signal,
    Status,
)

BATCH = 5000
CLOSED = [
    (Status.AFGEROND, Outcome.ARRIVED),
    (Status.AFGEROND, Outcome.STARTED),
    (Status.AFGEROND, Outcome.NOT_ARRIVED),
    (Status.AFGEROND, Outcome.NO_INTEREST),
    (Status.AFGEWEZEN, ""),
    (Status.INGETROKKEN, ""),
]
OPEN = [(Status.VERSTUURD, ""), (Status.ONTVANGEN, ""), (Status.IN_BEHANDELING, "")]


def generate(*, library: Library, people: dict, rng: random.Random, factor: float) -> int:
    """`100_000 × factor` referrals over five years, in every state. Returns the count."""
    referral_options_create_defaults(library=library)
    for name in ["Weekmarkt", "Buurthuis", "Zwembad", "Supermarkt", "Consultatiebureau"]:
        OutreachLocation.objects.get_or_create(library=library, name=name)
    offers = list(Offer.objects.filter(library=library))
    specialists = people[Role.SPECIALIST]
    staff = people[Role.FRONTOFFICE] + people[Role.SPECIALIST]
    for index, offer in enumerate(offers):
        offer.specialists.add(specialists[index % len(specialists)])
    signals = list(Signal.objects.filter(library=library))
    branches = list(library.branches.all())
    outreach = list(OutreachLocation.objects.filter(library=library))
    total = int(100_000 * factor)
    now = timezone.now()
    span = 5 * 365 * 24 * 3600
    through = Referral.signals.through
    created = 0
    while created < total:
        batch = []
        for _ in range(min(BATCH, total - created)):
            referred_at = now - datetime.timedelta(seconds=rng.randrange(60, span))
            age_days = (now - referred_at).days
            outside = rng.random() < 0.12
            status, outcome = (
                rng.choice(OPEN)
                if age_days < 20 and rng.random() < 0.7
                else rng.choice(CLOSED + OPEN * (1 if age_days < 60 else 0))
            )
            is_open = status in (Status.VERSTUURD, Status.ONTVANGEN, Status.IN_BEHANDELING)
            batch.append(
                Referral(
                    library=library,
                    offer=rng.choice(offers),
                    audience=rng.choice(Audience.values),
                    handover=rng.choice(Handover.values),
                    is_warm=False,
                    branch=None if outside else rng.choice(branches),
                    outreach_location=rng.choice(outreach) if outside else None,
                    from_department=rng.choice(
                        [
                            Department.PUBLIEKSSERVICE,
                            Department.JEUGD_EDUCATIE,
                            Department.BASISVAARDIGHEDEN,
                        ]
                    ),
                    referred_at=referred_at,
                    logged_by=rng.choice(staff),
                    follow_up_date=timezone.localdate(referred_at) + datetime.timedelta(days=14),
                    status=status,
                    outcome=outcome,
                    outcome_reason="" if is_open else "Afgehandeld",
                    received_at=None
                    if status in (Status.VERSTUURD, Status.INGETROKKEN)
                    else referred_at + datetime.timedelta(hours=rng.randint(1, 96)),
                    closed_at=None if is_open else referred_at + datetime.timedelta(days=7),
                )
            )
        for referral in batch:
            referral.is_warm = referral.handover in (
                Handover.WARM_INTRODUCED,
                Handover.WARM_APPOINTMENT,
            )
        Referral.objects.bulk_create(batch, batch_size=1000)
        links = [
            through(referral_id=referral.pk, signal_id=signal.pk)
            for referral in batch
            for signal in rng.sample(signals, k=rng.choice([1, 1, 2]))
        ]
        through.objects.bulk_create(links, batch_size=2000)
        created += len(batch)
    return created
