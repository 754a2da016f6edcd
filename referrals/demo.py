"""A year of realistic demo referrals in every state, for `setup_demo`.

Every offer gets a receiver: the demo specialist for the library's own offers and a partner
contact for each external one, so the demo never shows a referral that reaches nobody.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from core.models import Department, Library

from .defaults import referral_options_create_defaults
from .models import (
    Audience,
    Handover,
    Offer,
    Outcome,
    OutreachLocation,
    PartnerContact,
    Referral,
    ReferralEvent,
    Signal,
    Status,
)

OUTREACH = ["Weekmarkt", "Buurthuis De Horizon", "Zwembad De Wering"]
PARTNER_PEOPLE = [("Anouk", "anouk"), ("Sandra", "sandra"), ("Youssef", "youssef")]
REASONS = {
    Outcome.ARRIVED: "",
    Outcome.STARTED: "Doet mee aan de taalgroep op dinsdag.",
    Outcome.ELSEWHERE: "Past beter bij het sociaal wijkteam; daar aangemeld.",
    Outcome.NOT_ARRIVED: "Twee keer gebeld, niet bereikt.",
    Outcome.NO_INTEREST: "",
    Status.AFGEWEZEN: "Vraag past niet bij dit aanbod.",
    Status.INGETROKKEN: "Per ongeluk dubbel geregistreerd.",
}
# The first referrals walk through every state, so the demo shows each of them.
EVERY_STATE = [
    (Status.VERSTUURD, ""),
    (Status.ONTVANGEN, ""),
    (Status.IN_BEHANDELING, ""),
    (Status.AFGEROND, Outcome.ARRIVED),
    (Status.AFGEROND, Outcome.STARTED),
    (Status.AFGEROND, Outcome.ELSEWHERE),
    (Status.AFGEROND, Outcome.NOT_ARRIVED),
    (Status.AFGEROND, Outcome.NO_INTEREST),
    (Status.AFGEWEZEN, ""),
    (Status.INGETROKKEN, ""),
]


def _receivers(library: Library, specialist) -> None:
    for index, offer in enumerate(Offer.objects.filter(library=library)):
        if offer.department == Department.EXTERN:
            if offer.partner_contact_id is None:
                first, mailbox = PARTNER_PEOPLE[index % len(PARTNER_PEOPLE)]
                contact, _created = PartnerContact.objects.get_or_create(
                    library=library,
                    organisation=offer.name,
                    email=f"{mailbox}@partner.example.org",
                    defaults={"name": f"{first} (demo)"},
                )
                offer.partner_contact = contact
                offer.save(update_fields=["partner_contact"])
        elif specialist is not None:
            offer.specialists.add(specialist)


def _state(rng: random.Random, days_ago: int) -> tuple[str, str]:
    if days_ago <= 2:
        return rng.choice([(Status.VERSTUURD, ""), (Status.ONTVANGEN, "")])
    if days_ago <= 20:
        return rng.choices(
            [(Status.ONTVANGEN, ""), (Status.IN_BEHANDELING, ""), *EVERY_STATE[3:5]],
            weights=[2, 3, 2, 3],
        )[0]
    return rng.choices(EVERY_STATE, weights=[1, 1, 2, 6, 8, 2, 3, 2, 1, 1])[0]


@transaction.atomic
def load_demo(*, library: Library) -> None:
    referral_options_create_defaults(library=library)
    for name in OUTREACH:
        OutreachLocation.objects.get_or_create(library=library, name=name)
    User = get_user_model()
    specialist = User.objects.filter(username="specialist").first()
    _receivers(library, specialist)
    if Referral.objects.filter(library=library).exists():
        return

    rng = random.Random(2026)  # the same demo on every machine
    offers = list(Offer.objects.filter(library=library).select_related("partner_contact"))
    signals = list(Signal.objects.filter(library=library))
    branches = list(library.branches.all())
    outreach = list(OutreachLocation.objects.filter(library=library))
    staff = list(User.objects.filter(username__in=["frontoffice", "specialist", "werkgroep"]))
    if not staff:
        return
    now = timezone.now()
    made: list[Referral] = []
    for index in range(320):
        days_ago = 3 + index if index < len(EVERY_STATE) else int(rng.triangular(0, 365, 60))
        referred_at = (now - datetime.timedelta(days=days_ago)).replace(
            hour=rng.randint(9, 19), minute=rng.choice([0, 10, 20, 30, 40, 50])
        )
        if referred_at > now:
            referred_at -= datetime.timedelta(days=1)
        offer = offers[index % len(offers)] if index < len(EVERY_STATE) else rng.choice(offers)
        user = rng.choice(staff)
        from_department = (
            Department.JEUGD_EDUCATIE
            if offer.department == Department.BASISVAARDIGHEDEN and rng.random() < 0.5
            else rng.choice([Department.PUBLIEKSSERVICE, Department.BASISVAARDIGHEDEN])
        )
        place_outside = rng.random() < 0.15
        status, outcome = EVERY_STATE[index] if index < len(EVERY_STATE) else _state(rng, days_ago)
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
            status=status,
            outcome=outcome,
        )
        partner = offer.partner_contact
        by = None if partner else specialist
        events = []
        if status != Status.VERSTUURD and status != Status.INGETROKKEN:
            referral.received_at = referred_at + datetime.timedelta(hours=rng.randint(2, 90))
            events.append(
                (ReferralEvent.Kind.RECEIVED, Status.ONTVANGEN, "", "", referral.received_at)
            )
        if status == Status.IN_BEHANDELING:
            events.append((ReferralEvent.Kind.STARTED, status, "", "", referral.received_at))
        if status in (Status.AFGEROND, Status.AFGEWEZEN, Status.INGETROKKEN):
            referral.outcome_reason = REASONS[outcome or status]
            referral.closed_at = min(
                (referral.received_at or referred_at) + datetime.timedelta(days=rng.randint(1, 20)),
                now,
            )
            referral.closed_by = user if status == Status.INGETROKKEN else by
            kind = {
                Status.AFGEROND: ReferralEvent.Kind.COMPLETED,
                Status.AFGEWEZEN: ReferralEvent.Kind.REJECTED,
                Status.INGETROKKEN: ReferralEvent.Kind.WITHDRAWN,
            }[status]
            events.append((kind, status, outcome, referral.outcome_reason, referral.closed_at))
        if days_ago < 30 and rng.random() < 0.2:
            referral.contact_consent = True
            referral.contact_consent_at = referred_at
            referral.contact_first_name = rng.choice(["Aylin", "Mo", "Joanna", "Kees", "Fatou"])
            referral.contact_phone = "06-12345678"
        referral.save()
        referral.signals.set(rng.sample(signals, k=rng.choice([1, 1, 2])))
        for kind, after, event_outcome, reason, at in events:
            event = ReferralEvent.objects.create(
                referral=referral,
                kind=kind,
                status=after,
                outcome=event_outcome,
                reason=reason,
                by=user if kind == ReferralEvent.Kind.WITHDRAWN else by,
                by_partner=None if kind == ReferralEvent.Kind.WITHDRAWN else partner,
            )
            ReferralEvent.objects.filter(pk=event.pk).update(at=at)
        made.append(referral)
    _forward_one(made, offers, specialist)


def _forward_one(made: list[Referral], offers: list[Offer], specialist) -> None:
    """One chain: an open referral to a library offer forwarded to an external partner."""
    from . import services

    source = next(
        (r for r in made if r.status == Status.ONTVANGEN and r.offer.partner_contact_id is None),
        None,
    )
    target = next((o for o in offers if o.partner_contact_id), None)
    if source is None or target is None or specialist is None:
        return
    services.referral_forward(
        referral=source,
        version=source.version,
        offer=target,
        user=specialist,
        reason="Vraag gaat over opvoeding; de partner neemt het over.",
    )
