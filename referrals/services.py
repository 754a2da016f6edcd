"""Writes for the referral log."""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wegwijzer.models import Branch, Library

from .models import (
    Offer,
    Outcome,
    OutreachLocation,
    Referral,
    ReferralEvent,
    Signal,
)


class StaleReferral(Exception):
    """A colleague changed the referral since the form was opened."""

    def __init__(self, current: Referral):
        super().__init__(current)
        self.current = current


@transaction.atomic
def referral_create(
    *,
    library: Library,
    user: AbstractBaseUser,
    offer: Offer,
    audience: str,
    signals: Iterable[Signal],
    handover: str,
    from_department: str,
    referred_at: datetime.datetime,
    branch: Branch | None = None,
    outreach_location: OutreachLocation | None = None,
    note: str = "",
    contact_consent: bool = False,
    contact_first_name: str = "",
    contact_phone: str = "",
    contact_email: str = "",
) -> Referral:
    signals = list(signals)
    errors: dict[str, str] = {}
    if offer.library_id != library.pk or not offer.is_active:
        errors["offer"] = _("Kies een aanbod uit de lijst.")
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
    if referred_at > timezone.now() + datetime.timedelta(minutes=1):
        errors["referred_at"] = _("Het moment van verwijzen kan niet in de toekomst liggen.")
    has_contact = bool(contact_first_name or contact_phone or contact_email)
    if has_contact and not contact_consent:
        errors["contact_consent"] = _(
            "Contactgegevens mogen alleen worden vastgelegd als de bezoeker daar toestemming "
            "voor geeft. Vink de toestemming aan of laat de contactgegevens leeg."
        )
    if errors:
        raise ValidationError(errors)

    follow_up_days = settings.WEGWIJZER_REFERRAL_FOLLOW_UP_DAYS
    referral = Referral(
        library=library,
        offer=offer,
        audience=audience,
        handover=handover,
        from_department=from_department,
        referred_at=referred_at,
        branch=branch,
        outreach_location=outreach_location,
        note=note.strip(),
        logged_by=user,
        follow_up_date=timezone.localdate(referred_at) + datetime.timedelta(days=follow_up_days),
        contact_consent=has_contact and contact_consent,
        contact_consent_at=timezone.now() if has_contact and contact_consent else None,
        contact_first_name=contact_first_name.strip() if has_contact else "",
        contact_phone=contact_phone.strip() if has_contact else "",
        contact_email=contact_email.strip() if has_contact else "",
    )
    # The related rows were checked above and the database enforces the constraints; leaving
    # them out of full_clean saves a query per foreign key on every desk submit.
    referral.full_clean(
        exclude=["library", "offer", "branch", "outreach_location", "logged_by"],
        validate_constraints=False,
    )
    referral.save()
    referral.signals.set(signals)
    return referral


def _lock(referral: Referral, version: int | None) -> Referral:
    current = Referral.objects.select_for_update().get(pk=referral.pk)
    if version is not None and current.version != version:
        raise StaleReferral(current)
    return current


@transaction.atomic
def referral_close(
    *,
    referral: Referral,
    user: AbstractBaseUser,
    outcome: str,
    reason: str,
    version: int | None,
) -> Referral:
    reason = reason.strip()
    if outcome not in Outcome.values or outcome == Outcome.OPEN:
        raise ValidationError({"outcome": _("Kies wat er van de verwijzing is gekomen.")})
    if not reason:
        raise ValidationError({"reason": _("Geef een korte reden bij het afsluiten.")})
    current = _lock(referral, version)
    if not current.is_open:
        raise StaleReferral(current)
    current.outcome = outcome
    current.outcome_reason = reason
    current.closed_at = timezone.now()
    current.closed_by = user
    current.version += 1
    current.full_clean()
    current.save()
    ReferralEvent.objects.create(
        referral=current, kind=ReferralEvent.Kind.CLOSED, outcome=outcome, reason=reason, by=user
    )
    return current


@transaction.atomic
def referral_reopen(
    *, referral: Referral, user: AbstractBaseUser, reason: str, version: int | None
) -> Referral:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Geef een korte reden om te heropenen.")})
    current = _lock(referral, version)
    if current.is_open:
        raise StaleReferral(current)
    current.outcome = Outcome.OPEN
    current.outcome_reason = ""
    current.closed_at = None
    current.closed_by = None
    current.version += 1
    current.save()
    ReferralEvent.objects.create(
        referral=current, kind=ReferralEvent.Kind.REOPENED, reason=reason, by=user
    )
    return current


def referral_erase_expired_personal_data(
    *, now: datetime.datetime | None = None, retention_days: int | None = None
) -> int:
    """Erase contact details and notes of referrals older than the retention period.

    The referral and everything the figures use stay. Safe to run as often as you like:
    rows already erased are not touched again. Returns how many referrals were erased.
    """
    now = now or timezone.now()
    days = settings.WEGWIJZER_REFERRAL_RETENTION_DAYS if retention_days is None else retention_days
    cutoff = now - datetime.timedelta(days=days)
    expired = Referral.objects.filter(referred_at__lt=cutoff).filter(
        ~Q(note="")
        | ~Q(contact_first_name="")
        | ~Q(contact_phone="")
        | ~Q(contact_email="")
        | Q(contact_consent=True)
    )
    erased = 0
    with transaction.atomic():
        ids = list(expired.select_for_update().values_list("pk", flat=True))
        if ids:
            erased = Referral.objects.filter(pk__in=ids).update(
                note="",
                contact_consent=False,
                contact_consent_at=None,
                contact_first_name="",
                contact_phone="",
                contact_email="",
                personal_data_erased_at=now,
                updated_at=now,
            )
            ReferralEvent.objects.bulk_create(
                ReferralEvent(referral_id=pk, kind=ReferralEvent.Kind.ERASED) for pk in ids
            )
    return erased
