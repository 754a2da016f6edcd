"""Writes for the referral log.

Every transition of the lifecycle is one function here: it locks the row, checks the version
the user saw, asks lifecycle.py whether this person may make this move from this state, and
records who did it and when as a ReferralEvent. Other apps (notifications) hook in by calling
or wrapping exactly these functions.
"""

import datetime
import uuid
from collections.abc import Iterable
from typing import Required, TypedDict, Unpack

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import Branch, Library
from core.roles import Role
from notifications.events import Event
from notifications.services import email_to_address, is_silenced, notify, retry_later

from . import partner_links, selectors
from .lifecycle import TRANSITIONS, Party, Transition, is_allowed, may_correct, reason_required
from .models import (
    COMPLETION_OUTCOMES,
    Offer,
    Outcome,
    OutreachLocation,
    PartnerContact,
    Referral,
    ReferralEvent,
    Signal,
    Status,
)

# The plausible window for the moment of a referral: never in the future, older than this
# only with an explicit confirmation, and never older than the oldest allowed.
CONFIRM_AFTER_DAYS = 14
OLDEST_DAYS = 365


class StaleReferral(Exception):
    """A colleague (or the partner) changed the referral since the form was opened."""

    def __init__(self, current: Referral):
        super().__init__(current)
        self.current = current


class TransitionRefused(Exception):
    """The referral is no longer in a state that allows this step."""

    def __init__(self, current: Referral, transition: Transition):
        super().__init__(current, transition)
        self.current = current
        self.transition = transition


def _check_moment(referred_at: datetime.datetime, *, confirm_old: bool) -> str | None:
    now = timezone.now()
    if referred_at > now + datetime.timedelta(minutes=1):
        return _("Het moment van verwijzen kan niet in de toekomst liggen.")
    if referred_at < now - datetime.timedelta(days=OLDEST_DAYS):
        return _(
            "Het moment van verwijzen ligt meer dan een jaar terug. Controleer de datum: "
            "zo'n oude verwijzing kun je niet meer registreren."
        )
    if referred_at < now - datetime.timedelta(days=CONFIRM_AFTER_DAYS) and not confirm_old:
        return _(
            "Het moment van verwijzen ligt meer dan {days} dagen terug. Klopt de datum? Vink "
            "dan aan dat je een oudere verwijzing registreert."
        ).format(days=CONFIRM_AFTER_DAYS)
    return None


class DeskInput(TypedDict, total=False):
    """What the desk form records about a referral: logged first, later maybe corrected."""

    offer: Required[Offer]
    audience: Required[str]
    signals: Required[Iterable[Signal]]
    handover: Required[str]
    from_department: Required[str]
    referred_at: Required[datetime.datetime]
    is_latent: bool
    branch: Branch | None
    outreach_location: OutreachLocation | None
    note: str
    contact_consent: bool
    contact_first_name: str
    contact_phone: str
    contact_email: str
    # An explicit "yes, it was that long ago" for a moment more than CONFIRM_AFTER_DAYS back.
    confirm_old: bool


def _apply_desk_input(referral: Referral, *, library: Library, desk: DeskInput) -> list[Signal]:
    """Check the desk's input and put it on the referral, new or being corrected: the rules
    for what is logged at the desk, written once. Returns the signals, to set after saving."""
    offer = desk["offer"]
    signals = list(desk["signals"])
    branch = desk.get("branch")
    outreach_location = desk.get("outreach_location")
    referred_at = desk["referred_at"]
    consent = desk.get("contact_consent", False)
    errors: dict[str, str] = {}
    if offer.library_id != library.pk or not offer.is_active:
        errors["offer"] = _("Kies een aanbod uit de lijst.")
    elif offer.pk != referral.offer_id and not selectors.offer_has_receiver(offer=offer):
        # A correction may keep the offer it has, even if that lost its receivers since.
        errors["offer"] = _(
            "Dit aanbod heeft nog geen ontvanger, dus de verwijzing zou bij niemand aankomen. "
            "Kies een ander aanbod; beheer koppelt een ontvanger."
        )
    if not signals:
        errors["signals"] = _("Kies ten minste één signaal of vraag.")
    elif any(s.library_id != library.pk for s in signals):
        errors["signals"] = _("Kies signalen uit de lijst.")
    if (branch is None) == (outreach_location is None):
        errors["place"] = _("Kies waar je verwees: een vestiging of een locatie erbuiten.")
    elif branch is not None and branch.library_id != library.pk:
        errors["place"] = _("Kies een vestiging van je eigen bibliotheek.")
    elif outreach_location is not None and outreach_location.library_id != library.pk:
        errors["place"] = _("Kies een locatie van je eigen bibliotheek.")
    # A correction that keeps the moment needs no new confirmation of an old date.
    confirm_old = desk.get("confirm_old", False) or referred_at == referral.referred_at
    moment_error = _check_moment(referred_at, confirm_old=confirm_old)
    if moment_error:
        errors["referred_at"] = moment_error
    _set_contact(
        referral,
        consent=consent,
        first_name=desk.get("contact_first_name", ""),
        phone=desk.get("contact_phone", ""),
        email=desk.get("contact_email", ""),
    )
    if referral.has_contact and not consent:
        errors["contact_consent"] = _(
            "Contactgegevens mogen alleen worden vastgelegd met toestemming van de bezoeker. "
            "Vink de toestemming aan of laat de contactgegevens leeg."
        )
    if errors:
        raise ValidationError(errors)
    referral.offer = offer
    referral.audience = desk["audience"]
    referral.is_latent = desk.get("is_latent", False)
    referral.handover = desk["handover"]
    referral.from_department = desk["from_department"]
    referral.referred_at = referred_at
    referral.follow_up_date = _follow_up(referred_at)
    referral.branch = branch
    referral.outreach_location = outreach_location
    referral.note = desk.get("note", "").strip()
    return signals


def _set_contact(
    referral: Referral, *, consent: bool, first_name: str, phone: str, email: str
) -> None:
    """The visitor's contact details; _apply_desk_input refuses them without consent.

    Without any details there is nothing to consent to, so no consent is recorded. Consent
    given earlier keeps the moment it was given: retention counts from then.
    """
    referral.contact_first_name = first_name.strip()
    referral.contact_phone = phone.strip()
    referral.contact_email = email.strip()
    if not referral.has_contact:
        referral.contact_consent, referral.contact_consent_at = False, None
    elif consent and not referral.contact_consent:
        referral.contact_consent, referral.contact_consent_at = True, timezone.now()


def _follow_up(referred_at: datetime.datetime) -> datetime.date:
    return timezone.localdate(referred_at) + datetime.timedelta(
        days=settings.WEGWIJZER_REFERRAL_FOLLOW_UP_DAYS
    )


class DuplicateSubmission(Exception):
    """This desk form was submitted before; `referral` is what that submit saved."""

    def __init__(self, referral: Referral):
        super().__init__(referral)
        self.referral = referral


@transaction.atomic
def referral_create(
    *,
    library: Library,
    user: AbstractBaseUser,
    submission_token: uuid.UUID | None = None,
    **desk: Unpack[DeskInput],
) -> Referral:
    """Log a referral: it starts as *verstuurd* and reaches the offer's receivers.

    With a submission_token (one per rendered desk form) a repeated submit raises
    DuplicateSubmission with the referral the first one saved, however many arrive at once.
    """
    if submission_token is not None:
        earlier = Referral.objects.filter(submission_token=submission_token).first()
        if earlier is not None:
            raise DuplicateSubmission(earlier)
    referral = Referral(library=library, logged_by=user, submission_token=submission_token)
    signals = _apply_desk_input(referral, library=library, desk=desk)
    # The related rows were checked above and the database enforces the constraints; leaving
    # them out of full_clean saves a query per foreign key on every desk submit. The submission
    # token's uniqueness is the database's too: checked here, a twin submit that commits in
    # between would turn into a form error instead of "al opgeslagen".
    referral.full_clean(
        exclude=[
            "library",
            "offer",
            "branch",
            "outreach_location",
            "logged_by",
            "submission_token",
        ],
        validate_constraints=False,
    )
    try:
        with transaction.atomic():
            referral.save()
    except IntegrityError:
        # Two submits of one form at the same moment (PostgreSQL): the other one won.
        earlier = Referral.objects.filter(submission_token=submission_token).first()
        if submission_token is None or earlier is None:
            raise
        raise DuplicateSubmission(earlier) from None
    referral.signals.set(signals)
    _notify_new_referral_later(referral)
    return referral


def _notify_new_referral_later(referral: Referral) -> None:
    """Who hears of it is worked out by the worker: here it is one task row, written in this
    transaction so a referral that is rolled back tells no one. Finding the receivers, their
    preferences and their notifications in the request cost the desk five queries, and one
    more per receiver with e-mail."""
    from .tasks import notify_new_referral

    if not is_silenced():
        notify_new_referral.enqueue(referral.pk)


def referral_new_notify(*, referral_id: int, attempt: int = 1) -> str:
    """The worker's half of logging or forwarding a referral: tell whoever receives it.

    All or nothing, and each receiver is told once (the key): a retry after a failure, or
    the same task run twice, tells nobody twice.
    """
    from .tasks import notify_new_referral

    try:
        with transaction.atomic():
            referral = (
                Referral.objects.select_related("library", "offer__partner_contact", "logged_by")
                .filter(pk=referral_id)
                .first()
            )
            if referral is None:
                return "verwijzing bestaat niet meer"
            _notify_new_referral(referral, list(referral.signals.all()))
    except Exception:
        retry_later(notify_new_referral, [referral_id], attempt)
        raise
    return "verteld"


def _notify_new_referral(referral: Referral, signals: list[Signal]) -> None:
    """Tell the offer's receivers; without any, tell beheer and the coordinator.

    Only what the referral is about (offer, audience, signal, handover), never the note or
    the contact details: an e-mail leaves the app and outlives the retention period.
    """
    offer = referral.offer
    receivers = list(
        offer.specialists.filter(is_active=True, groups__name=Role.SPECIALIST.value).distinct()
    )
    if receivers:
        notify(
            recipients=receivers,
            event=Event.REFERRAL_NEW,
            title=_("Nieuwe verwijzing naar {offer}").format(offer=offer.name),
            body=_("Voor: {audience}. Signaal: {signals}. Overdracht: {handover}.").format(
                audience=referral.get_audience_display(),
                signals=", ".join(signal.name for signal in signals),
                handover=referral.get_handover_display(),
            ),
            url=reverse("referrals:detail", args=[referral.pk]),
            actor=referral.logged_by,
            key=f"referral:{referral.pk}",
        )
    elif not selectors.offer_has_receiver(offer=offer):
        offer_without_receivers_notify(
            offer=offer, today=timezone.localdate(), key=f"{timezone.localdate()}"
        )
    _email_partner_contact(referral)


def _email_partner_contact(referral: Referral) -> None:
    """The partner contact of an external offer hears of the referral by e-mail, with the
    signed link to report back. They have no account, so no notification, only the mail;
    like every mail it says what the referral is about, never who the family is."""
    partner = referral.offer.partner_contact
    if partner is None or not partner.is_active:
        return
    body = _(
        "Hallo {name},\n\n"
        "{library} heeft een gezin naar {offer} verwezen. Voor: {audience}. Overdracht: "
        "{handover}.\n\n"
        "Via de link hieronder zie je de verwijzing en geef je door dat je hem hebt ontvangen, "
        "of er contact is geweest en hoe het afliep. Je hebt er geen account voor nodig; de "
        "link werkt {days} dagen. Stuur hem niet door."
    ).format(
        name=partner.name,
        library=referral.library.name,
        offer=referral.offer.name,
        audience=referral.get_audience_display(),
        handover=referral.get_handover_display(),
        days=referral.library.partner_link_days,
    )
    email_to_address(
        to=partner.email,
        subject=_("Wegwijzer: nieuwe verwijzing naar {offer}").format(offer=referral.offer.name),
        body=body,
        url=partner_links.link_path(referral),
    )


def offer_without_receivers_notify(*, offer: Offer, today: datetime.date, key: str) -> int:
    """Beheer and the coordinator hear that referrals to this offer reach nobody."""
    from django.contrib.auth import get_user_model

    staff = (
        get_user_model()
        .objects.filter(
            is_active=True,
            profile__library_id=offer.library_id,
            groups__name__in=[Role.BEHEER.value, Role.TREKKER.value],
        )
        .distinct()
    )
    return len(
        notify(
            recipients=staff,
            event=Event.OFFER_WITHOUT_RECEIVERS,
            title=_("Verwijzingen naar {offer} komen bij niemand aan").format(offer=offer.name),
            body=_(
                "Het aanbod {offer} heeft geen ontvanger (specialist of contactpersoon bij de "
                "partner), dus niemand krijgt de verwijzingen te zien. Koppel in Beheer een "
                "ontvanger; tot dan ontvangt de coördinator ze."
            ).format(offer=offer.name),
            url=reverse("beheer:offer_edit", args=[offer.pk]),
            key=f"offer:{offer.pk}:{key}",
        )
    )


def _lock(referral: Referral, version: int | None) -> Referral:
    current = Referral.objects.select_for_update().select_related("offer").get(pk=referral.pk)
    if version is not None and current.version != version:
        raise StaleReferral(current)
    return current


@transaction.atomic
def referral_correct(
    *,
    referral: Referral,
    user: AbstractBaseUser,
    version: int | None,
    **desk: Unpack[DeskInput],
) -> Referral:
    """The referrer corrects their own referral while nobody has picked it up yet."""
    current = _lock(referral, version)
    if not may_correct(current, selectors.parties_for(referral=current, user=user)):
        if current.logged_by_id != user.pk:
            raise PermissionDenied
        raise StaleReferral(current)
    signals = _apply_desk_input(current, library=current.library, desk=desk)
    current.version += 1
    current.full_clean(exclude=["library", "branch", "outreach_location", "logged_by"])
    current.save()
    current.signals.set(signals)
    ReferralEvent.objects.create(
        referral=current, kind=ReferralEvent.Kind.CORRECTED, status=current.status, by=user
    )
    return current


def _notify_referrer(current: Referral, *, user: AbstractBaseUser | None) -> None:
    """The loop is closed: the referrer hears the outcome. The reason is free text and may
    name the family, so it stays in the app."""
    if current.logged_by is None:
        return
    notify(
        recipients=[current.logged_by],
        event=Event.REFERRAL_COMPLETED,
        title=_("Je verwijzing naar {offer} is {status}").format(
            offer=current.offer.name, status=current.get_status_display().lower()
        ),
        body=_("Resultaat: {outcome}.").format(
            outcome=current.get_outcome_display() or current.get_status_display()
        ),
        url=reverse("referrals:detail", args=[current.pk]),
        actor=user,
    )


def _actor_parties(
    current: Referral, *, user: AbstractBaseUser | None, partner: PartnerContact | None
) -> frozenset[Party]:
    if partner is not None:
        # A link is for the partner contact of the offer, as long as they still are.
        is_receiver = partner.is_active and current.offer.partner_contact_id == partner.pk
        return frozenset({Party.RECEIVER}) if is_receiver else frozenset()
    if user is None:
        return frozenset()
    return selectors.parties_for(referral=current, user=user)


def _begin(
    *,
    slug: str,
    referral: Referral,
    version: int | None,
    user: AbstractBaseUser | None,
    partner: PartnerContact | None,
    reason: str,
    outcome: str = "",
) -> tuple[Referral, str]:
    """Check everything a transition needs and return the locked row and the clean reason."""
    transition = TRANSITIONS[slug]
    reason = reason.strip()
    errors: dict[str, str] = {}
    if transition.needs_outcome and outcome not in dict(COMPLETION_OUTCOMES):
        errors["outcome"] = _("Kies wat er van de verwijzing is gekomen.")
    if reason_required(transition, outcome) and not reason:
        errors["reason"] = _("Geef een korte reden of toelichting.")
    if len(reason) > 300:
        errors["reason"] = _("Houd de reden kort: hooguit 300 tekens.")
    if errors:
        raise ValidationError(errors)
    current = _lock(referral, version)
    parties = _actor_parties(current, user=user, partner=partner)
    if transition.party not in parties:
        raise PermissionDenied
    if not is_allowed(transition, current, parties, via_link=partner is not None):
        raise TransitionRefused(current, transition)
    return current, reason


def _finish(
    current: Referral,
    *,
    kind: str,
    user: AbstractBaseUser | None,
    partner: PartnerContact | None,
    reason: str = "",
) -> Referral:
    current.version += 1
    current.full_clean(exclude=["library", "offer", "branch", "outreach_location", "logged_by"])
    current.save()
    ReferralEvent.objects.create(
        referral=current,
        kind=kind,
        status=current.status,
        outcome=current.outcome,
        reason=reason,
        by=user,
        by_partner=partner,
    )
    return current


def _close(current: Referral, status: str, outcome: str, reason: str, user) -> None:
    now = timezone.now()
    if status != Status.INGETROKKEN:
        # Whoever closes it as receiver has evidently received it.
        current.received_at = current.received_at or now
    current.status = status
    current.outcome = outcome
    current.outcome_reason = reason
    current.closed_at = now
    current.closed_by = user


@transaction.atomic
def referral_receive(
    *,
    referral: Referral,
    version: int | None,
    user: AbstractBaseUser | None = None,
    partner: PartnerContact | None = None,
) -> Referral:
    """The receiver has seen the referral (verstuurd → ontvangen)."""
    current, _reason = _begin(
        slug="ontvangen", referral=referral, version=version, user=user, partner=partner, reason=""
    )
    current.status = Status.ONTVANGEN
    current.received_at = timezone.now()
    return _finish(current, kind=ReferralEvent.Kind.RECEIVED, user=user, partner=partner)


@transaction.atomic
def referral_start(
    *,
    referral: Referral,
    version: int | None,
    reason: str = "",
    user: AbstractBaseUser | None = None,
    partner: PartnerContact | None = None,
) -> Referral:
    """Contact made or an intake planned (→ in behandeling)."""
    current, reason = _begin(
        slug="in-behandeling",
        referral=referral,
        version=version,
        user=user,
        partner=partner,
        reason=reason,
    )
    current.status = Status.IN_BEHANDELING
    current.received_at = current.received_at or timezone.now()
    return _finish(
        current, kind=ReferralEvent.Kind.STARTED, user=user, partner=partner, reason=reason
    )


@transaction.atomic
def referral_complete(
    *,
    referral: Referral,
    version: int | None,
    outcome: str,
    reason: str = "",
    user: AbstractBaseUser | None = None,
    partner: PartnerContact | None = None,
) -> Referral:
    """The loop is closed with an outcome (→ afgerond)."""
    current, reason = _begin(
        slug="afronden",
        referral=referral,
        version=version,
        user=user,
        partner=partner,
        reason=reason,
        outcome=outcome,
    )
    _close(current, Status.AFGEROND, outcome, reason, user)
    _finish(current, kind=ReferralEvent.Kind.COMPLETED, user=user, partner=partner, reason=reason)
    _notify_referrer(current, user=user)
    return current


@transaction.atomic
def referral_reject(
    *,
    referral: Referral,
    version: int | None,
    reason: str,
    user: AbstractBaseUser | None = None,
    partner: PartnerContact | None = None,
) -> Referral:
    """Not suitable for this offer (→ afgewezen, with a reason)."""
    current, reason = _begin(
        slug="afwijzen",
        referral=referral,
        version=version,
        user=user,
        partner=partner,
        reason=reason,
    )
    _close(current, Status.AFGEWEZEN, "", reason, user)
    _finish(current, kind=ReferralEvent.Kind.REJECTED, user=user, partner=partner, reason=reason)
    _notify_referrer(current, user=user)
    return current


@transaction.atomic
def referral_withdraw(
    *, referral: Referral, version: int | None, reason: str, user: AbstractBaseUser
) -> Referral:
    """The referrer takes it back: a mistake or a duplicate (→ ingetrokken, with a reason)."""
    current, reason = _begin(
        slug="intrekken", referral=referral, version=version, user=user, partner=None, reason=reason
    )
    _close(current, Status.INGETROKKEN, "", reason, user)
    return _finish(
        current, kind=ReferralEvent.Kind.WITHDRAWN, user=user, partner=None, reason=reason
    )


@transaction.atomic
def referral_reopen(
    *, referral: Referral, version: int | None, reason: str, user: AbstractBaseUser
) -> Referral:
    """A receiver takes a closed referral up again (→ in behandeling, with a reason)."""
    current, reason = _begin(
        slug="heropenen", referral=referral, version=version, user=user, partner=None, reason=reason
    )
    current.status = Status.IN_BEHANDELING
    current.outcome = ""
    current.outcome_reason = ""
    current.closed_at = None
    current.closed_by = None
    return _finish(
        current, kind=ReferralEvent.Kind.REOPENED, user=user, partner=None, reason=reason
    )


@transaction.atomic
def referral_forward(
    *,
    referral: Referral,
    version: int | None,
    offer: Offer,
    user: AbstractBaseUser,
    reason: str = "",
) -> Referral:
    """Send the referral on to another offer. Returns the new referral.

    This one is completed as "doorgestuurd"; the new one starts as *verstuurd* for the other
    offer, knows where it came from and belongs to the same chain, so the figures count the
    family once (through its latest referral).
    """
    if (
        offer.library_id != referral.library_id
        or not offer.is_active
        or offer.pk == referral.offer_id
    ):
        raise ValidationError({"offer": _("Kies een ander aanbod uit de lijst.")})
    if not selectors.offer_has_receiver(offer=offer):
        raise ValidationError(
            {"offer": _("Dit aanbod heeft nog geen ontvanger. Kies een ander aanbod.")}
        )
    current, reason = _begin(
        slug="doorsturen",
        referral=referral,
        version=version,
        user=user,
        partner=None,
        reason=reason,
    )
    signals = list(current.signals.all())
    _close(current, Status.AFGEROND, Outcome.FORWARDED, reason, user)
    _finish(current, kind=ReferralEvent.Kind.FORWARDED, user=user, partner=None, reason=reason)
    now = timezone.now()
    forwarded = Referral(
        library=current.library,
        offer=offer,
        audience=current.audience,
        is_latent=current.is_latent,
        handover=current.handover,
        from_department=current.from_department,
        referred_at=now,
        branch=current.branch,
        outreach_location=current.outreach_location,
        note=current.note,
        logged_by=user,
        follow_up_date=_follow_up(now),
        # The visitor agreed to be contacted about this question; the consent moment stays
        # the original one, and retention counts from it (see erase below).
        contact_consent=current.contact_consent,
        contact_consent_at=current.contact_consent_at,
        contact_first_name=current.contact_first_name,
        contact_phone=current.contact_phone,
        contact_email=current.contact_email,
        forwarded_from=current,
        root_id=current.root_id or current.pk,
    )
    forwarded.full_clean(
        exclude=["library", "offer", "branch", "outreach_location", "logged_by", "root"],
        validate_constraints=False,
    )
    forwarded.save()
    forwarded.signals.set(signals)
    _notify_new_referral_later(forwarded)
    return forwarded


def referral_erase_expired_personal_data(
    *, now: datetime.datetime | None = None, retention_days: int | None = None
) -> int:
    """Erase everything personal about referrals older than the retention period.

    That is the contact details, the note, and every free-text reason (on the referral, on
    its events and in its audit history): staff may have typed a name or a phone number there.
    The period counts from when the row was created (referred_at is typed in by staff), or
    from the consent when that is older (a forwarded referral carries it). The referral and
    everything the figures use stay. Safe to run as often as you like: rows with nothing
    left to erase are not touched. Returns how many referrals were erased.
    """
    now = now or timezone.now()

    def older_than_retention(field: str) -> Q:
        if retention_days is not None:
            return Q(**{f"{field}__lt": now - datetime.timedelta(days=retention_days)})
        # Each library's own period (set by beheer), else the installation's default.
        default = now - datetime.timedelta(days=settings.WEGWIJZER_REFERRAL_RETENTION_DAYS)
        due = Q(**{f"{field}__lt": default}) & ~Q(library_id__in=own)
        for library_id, days in own.items():
            due |= Q(library_id=library_id, **{f"{field}__lt": now - datetime.timedelta(days=days)})
        return due

    own = dict(
        Library.objects.filter(referral_retention_days__isnull=False).values_list(
            "pk", "referral_retention_days"
        )
    )
    # From the row's creation (referred_at is typed in by staff); a forwarded referral is
    # younger than the consent it carries, so also from the consent.
    due = older_than_retention("created_at") | older_than_retention("contact_consent_at")
    reasons_left = ReferralEvent.objects.filter(referral=OuterRef("pk")).exclude(reason="")
    history_left = Referral.history.filter(id=OuterRef("pk")).exclude(outcome_reason="")
    expired = Referral.objects.filter(due).filter(
        ~Q(note="")
        | ~Q(contact_first_name="")
        | ~Q(contact_phone="")
        | ~Q(contact_email="")
        | Q(contact_consent=True)
        | ~Q(outcome_reason="")
        | Exists(reasons_left)
        | Exists(history_left)
    )
    erased = 0
    with transaction.atomic():
        ids = list(expired.select_for_update().values_list("pk", flat=True))
        if ids:
            erased = Referral.objects.filter(pk__in=ids).update(
                note="",
                outcome_reason="",
                contact_consent=False,
                contact_consent_at=None,
                contact_first_name="",
                contact_phone="",
                contact_email="",
                personal_data_erased_at=now,
                updated_at=now,
            )
            ReferralEvent.objects.filter(referral_id__in=ids).exclude(reason="").update(reason="")
            Referral.history.filter(id__in=ids).exclude(outcome_reason="").update(outcome_reason="")
            ReferralEvent.objects.bulk_create(
                ReferralEvent(referral_id=pk, kind=ReferralEvent.Kind.ERASED) for pk in ids
            )
    return erased
