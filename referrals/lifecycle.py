"""The referral lifecycle in one table: which transitions exist, from which states, for whom.

Services refuse what this table does not allow, views offer only what it allows and the
templates draw their buttons from it, so a rule changes here and nowhere else.

    verstuurd ──ontvangen──▶ ontvangen ──in behandeling──▶ in behandeling
        │                       │                               │
        ├──────── afronden (uitkomst) / afwijzen (reden) / doorsturen ─────────┤
        └──────── intrekken (reden, door wie verwees) ─────────────────────────┘
    afgerond / afgewezen ──heropenen (reden, specialist)──▶ in behandeling

The FHIR Task states behind it: requested (verstuurd), received (ontvangen), in-progress
(in behandeling), completed (afgerond, with an outcome), rejected (afgewezen) and cancelled
(ingetrokken). Forwarding completes the referral with the outcome "doorgestuurd" and starts a
new one for the other offer in the same chain.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import OPEN_STATUSES, OUTCOMES_NEEDING_REASON, Outcome, Referral, Status


class Party(StrEnum):
    """How someone stands towards one referral."""

    RECEIVER = "receiver"  # a specialist of the offer, its partner contact, or the coordinator
    REFERRER = "referrer"  # who logged it


class Reason(StrEnum):
    NONE = "none"
    OPTIONAL = "optional"
    REQUIRED = "required"
    BY_OUTCOME = "by_outcome"  # required for the outcomes in OUTCOMES_NEEDING_REASON


@dataclass(frozen=True)
class Transition:
    slug: str  # in the URL and the form
    label: str | Promise  # the button
    sources: tuple[Status, ...]
    target: Status
    party: Party
    reason: Reason
    partner_may: bool  # offered through a partner link
    reason_label: str | Promise = ""
    needs_outcome: bool = False
    needs_offer: bool = False
    primary: bool = False  # the usual next step, drawn as the main button


TRANSITIONS: dict[str, Transition] = {
    t.slug: t
    for t in [
        Transition(
            "ontvangen",
            _("Ontvangen"),
            (Status.VERSTUURD,),
            Status.ONTVANGEN,
            Party.RECEIVER,
            Reason.NONE,
            partner_may=True,
            primary=True,
        ),
        Transition(
            "in-behandeling",
            _("In behandeling nemen"),
            (Status.VERSTUURD, Status.ONTVANGEN),
            Status.IN_BEHANDELING,
            Party.RECEIVER,
            Reason.OPTIONAL,
            partner_may=True,
            reason_label=_("Toelichting, bijvoorbeeld: intake gepland (niet verplicht)"),
        ),
        Transition(
            "afronden",
            _("Afronden"),
            OPEN_STATUSES,
            Status.AFGEROND,
            Party.RECEIVER,
            Reason.BY_OUTCOME,
            partner_may=True,
            reason_label=_("Toelichting (verplicht bij niet bereikt en doorverwezen naar elders)"),
            needs_outcome=True,
            primary=True,
        ),
        Transition(
            "afwijzen",
            _("Afwijzen"),
            OPEN_STATUSES,
            Status.AFGEWEZEN,
            Party.RECEIVER,
            Reason.REQUIRED,
            partner_may=True,
            reason_label=_("Waarom past deze verwijzing niet?"),
        ),
        Transition(
            "doorsturen",
            _("Doorsturen naar ander aanbod"),
            OPEN_STATUSES,
            Status.AFGEROND,
            Party.RECEIVER,
            Reason.OPTIONAL,
            partner_may=False,
            reason_label=_("Toelichting voor de volgende ontvanger (niet verplicht)"),
            needs_offer=True,
        ),
        Transition(
            "intrekken",
            _("Intrekken"),
            OPEN_STATUSES,
            Status.INGETROKKEN,
            Party.REFERRER,
            Reason.REQUIRED,
            partner_may=False,
            reason_label=_("Waarom trek je de verwijzing in? Bijvoorbeeld: vergissing, dubbel"),
        ),
        Transition(
            "heropenen",
            _("Heropenen"),
            (Status.AFGEROND, Status.AFGEWEZEN),
            Status.IN_BEHANDELING,
            Party.RECEIVER,
            Reason.REQUIRED,
            partner_may=False,
            reason_label=_("Waarom heropen je deze verwijzing?"),
        ),
    ]
}


def is_allowed(
    transition: Transition,
    referral: Referral,
    parties: frozenset[Party],
    *,
    via_link: bool = False,
) -> bool:
    if referral.status not in transition.sources or transition.party not in parties:
        return False
    if via_link and not transition.partner_may:
        return False
    # A forwarded referral lives on in the next one of its chain; reopen that one instead.
    return not (transition.slug == "heropenen" and referral.outcome == Outcome.FORWARDED)


def allowed_transitions(
    referral: Referral, parties: frozenset[Party], *, via_link: bool = False
) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if is_allowed(t, referral, parties, via_link=via_link)]


def may_correct(referral: Referral, parties: frozenset[Party]) -> bool:
    """The referrer may correct their own referral until the receiver has seen it."""
    return Party.REFERRER in parties and referral.status == Status.VERSTUURD


def reason_required(transition: Transition, outcome: str = "") -> bool:
    if transition.reason == Reason.REQUIRED:
        return True
    return transition.reason == Reason.BY_OUTCOME and outcome in OUTCOMES_NEEDING_REASON
