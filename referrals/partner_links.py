"""Signed links for partner contacts: report back on one referral without an account.

A link carries the referral and the partner contact, signed with Django's signing and a salt
used for nothing else, and expires after the library's `partner_link_days`. It opens one
page for that one referral and allows only what the lifecycle allows a partner.
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest
from django.urls import reverse

from core.library import scopes_disabled

from .models import PartnerContact, Referral

SALT = "referrals.partner-link.v1"
# A link is meant for one person clicking a few buttons: more than this per address in the
# window is someone trying links, not a partner at work.
RATE_LIMIT = 30
RATE_WINDOW_SECONDS = 600


class Problem(StrEnum):
    TAMPERED = "tampered"
    WRONG_REFERRAL = "wrong_referral"
    EXPIRED = "expired"
    NOT_PARTNER = "not_partner"


@dataclass(frozen=True)
class Checked:
    referral: Referral | None = None
    partner: PartnerContact | None = None
    problem: Problem | None = None


def make_token(referral: Referral) -> str:
    return signing.dumps({"r": referral.pk, "c": referral.offer.partner_contact_id}, salt=SALT)


def link_path(referral: Referral) -> str:
    return reverse("referrals:partner", args=[referral.pk, make_token(referral)])


def absolute_link(request: HttpRequest, referral: Referral) -> str:
    return request.build_absolute_uri(link_path(referral))


def lifetime(referral: Referral) -> datetime.timedelta:
    """How long a link works: the library's setting, which beheer changes in the admin."""
    return datetime.timedelta(days=referral.library.partner_link_days)


def library_id(*, pk: int, token: str) -> int | None:
    """The library of the referral a well-signed link names, or None.

    A partner has no account and so no library: the signed link is what says which library
    the page belongs to, and the view enters that library's scope with it. Only this lookup
    looks across libraries, and only for a link signed with our own secret for that referral.
    """
    try:
        payload = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("r") != pk:
        return None
    with scopes_disabled():
        return Referral.objects.filter(pk=pk).values_list("library_id", flat=True).first()


def check(*, pk: int, token: str) -> Checked:
    """What the link opens, or why it opens nothing. Changes nothing."""
    try:
        payload = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return Checked(problem=Problem.TAMPERED)
    if not isinstance(payload, dict) or payload.get("r") != pk:
        return Checked(problem=Problem.WRONG_REFERRAL)
    referral = (
        Referral.objects.select_related(
            "library", "offer", "offer__partner_contact", "branch", "outreach_location"
        )
        .prefetch_related("signals")
        .filter(pk=pk)
        .first()
    )
    if referral is None:
        return Checked(problem=Problem.WRONG_REFERRAL)
    try:
        signing.loads(token, salt=SALT, max_age=lifetime(referral))
    except signing.SignatureExpired:
        return Checked(problem=Problem.EXPIRED)
    partner = referral.offer.partner_contact
    if partner is None or partner.pk != payload.get("c") or not partner.is_active:
        return Checked(problem=Problem.NOT_PARTNER)
    return Checked(referral=referral, partner=partner)


def rate_limited(request: HttpRequest) -> bool:
    """A small fixed-window limiter per client address, in the cache."""
    address = request.META.get("REMOTE_ADDR", "onbekend")
    key = f"partner-link-rate:{address}"
    cache.add(key, 0, RATE_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, RATE_WINDOW_SECONDS)
        count = 1
    return count > RATE_LIMIT
