"""A year of realistic demo referrals in every state, for `setup_demo`."""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from wegwijzer.models import Department, Library

from .defaults import referral_options_create_defaults
from .models import (
    Audience,
    Handover,
    Offer,
    Outcome,
    OutreachLocation,
    Referral,
    ReferralEvent,
    Signal,
)

OUTREACH = ["Weekmarkt", "Buurthuis De Horizon", "Zwembad De Wering"]
REASONS = {
    Outcome.ARRIVED: "Kennismakingsgesprek gehad.",
    Outcome.STARTED: "Doet mee aan de taalgroep op dinsdag.",
    Outcome.NOT_ARRIVED: "Twee keer gebeld, niet bereikt.",
    Outcome.NOT_SUITABLE: "Vraag past beter bij het sociaal wijkteam.",
}


@transaction.atomic
def load_demo(*, library: Library) -> None:
    referral_options_create_defaults(library=library)
    for name in OUTREACH:
        OutreachLocation.objects.get_or_create(library=library, name=name)
    User = get_user_model()
    specialist = User.objects.filter(username="specialist").first()
    if specialist:
        for offer in Offer.objects.filter(
            library=library,
            name__in=["Taalhuis", "Digitale vaardigheden / IDO-spreekuur", "BoekStart"],
        ):
            offer.specialists.add(specialist)
    if Referral.objects.filter(library=library).exists():
        return

    rng = random.Random(2026)  # the same demo on every machine
    offers = list(Offer.objects.filter(library=library))
    signals = list(Signal.objects.filter(library=library))
    branches = list(library.branches.all())
    outreach = list(OutreachLocation.objects.filter(library=library))
    staff = list(User.objects.filter(username__in=["frontoffice", "specialist", "werkgroep"]))
    if not staff:
        return
    now = timezone.now()
    for _index in range(320):
        days_ago = int(rng.triangular(0, 365, 60))
        referred_at = (now - datetime.timedelta(days=days_ago)).replace(
            hour=rng.randint(9, 19), minute=rng.choice([0, 10, 20, 30, 40, 50])
        )
        if referred_at > now:
            referred_at -= datetime.timedelta(days=1)
        offer = rng.choice(offers)
        user = rng.choice(staff)
        from_department = (
            Department.JEUGD_EDUCATIE
            if offer.department == Department.BASISVAARDIGHEDEN and rng.random() < 0.5
            else rng.choice([Department.PUBLIEKSSERVICE, Department.BASISVAARDIGHEDEN])
        )
        place_outside = rng.random() < 0.15
        referral = Referral(
            library=library,
            offer=offer,
            audience=rng.choice(Audience.values),
            handover=rng.choices(Handover.values, weights=[5, 3, 2])[0],
            branch=None if place_outside else rng.choice(branches),
            outreach_location=rng.choice(outreach) if place_outside else None,
            from_department=from_department,
            referred_at=referred_at,
            logged_by=user,
            follow_up_date=timezone.localdate(referred_at) + datetime.timedelta(days=14),
        )
        if days_ago > 10 or rng.random() < 0.3:
            outcome = rng.choices(
                [
                    Outcome.OPEN,
                    Outcome.ARRIVED,
                    Outcome.STARTED,
                    Outcome.NOT_ARRIVED,
                    Outcome.NOT_SUITABLE,
                ],
                weights=[1 if days_ago > 30 else 4, 3, 5, 2, 1],
            )[0]
        else:
            outcome = Outcome.OPEN
        if outcome != Outcome.OPEN:
            referral.outcome = outcome
            referral.outcome_reason = REASONS[outcome]
            referral.closed_at = referred_at + datetime.timedelta(days=rng.randint(1, 20))
            referral.closed_by = specialist
        if days_ago < 30 and rng.random() < 0.2:
            referral.contact_consent = True
            referral.contact_consent_at = referred_at
            referral.contact_first_name = rng.choice(["Aylin", "Mo", "Joanna", "Kees", "Fatou"])
            referral.contact_phone = "06-12345678"
        referral.save()
        referral.signals.set(rng.sample(signals, k=rng.choice([1, 1, 2])))
        if outcome != Outcome.OPEN:
            ReferralEvent.objects.create(
                referral=referral,
                kind=ReferralEvent.Kind.CLOSED,
                outcome=outcome,
                reason=referral.outcome_reason,
                by=specialist,
            )
