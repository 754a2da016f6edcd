"""Two-step sign-in: a code from an authenticator app (TOTP) with recovery codes, via django-otp.

Who must use it: beheer (it hands out roles) and everyone who can see a parent's contact
details, when WEGWIJZER_REQUIRE_2FA is on (DJANGO_REQUIRE_2FA; on by default in production,
off in DEBUG and the demo). Anyone else may switch it on; once on, every sign-in asks for it.
"""

import base64
import io
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django_otp import devices_for_user, match_token, user_has_device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from .roles import Role, has_role

# Beheer hands out roles; a specialist sees contact details of the referrals to their offer,
# and so does the coordinator (trekker) for offers that have no receiver of their own.
TWO_FACTOR_ROLES = (Role.BEHEER, Role.SPECIALIST, Role.TREKKER)
# Set at sign-in: this account has a device, so this session must be verified with it.
SESSION_HAS_DEVICE = "wegwijzer_two_factor"
RECOVERY_CODE_COUNT = 10
_SALT = "wegwijzer.two-factor.setup"
# An unconfirmed secret lives only in the signed form, never in the database.
SETUP_MAX_AGE = 30 * 60


def two_factor_required(user: AbstractBaseUser) -> bool:
    if not settings.WEGWIJZER_REQUIRE_2FA:
        return False
    return user.is_superuser or has_role(user, *TWO_FACTOR_ROLES)


def has_device(user: AbstractBaseUser) -> bool:
    return user_has_device(user, confirmed=True)


def note_device_at_login(sender, request, user, **kwargs) -> None:
    """Remember for this session whether the second step is due (one query per sign-in)."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_HAS_DEVICE] = has_device(user)


def new_setup(user: AbstractBaseUser) -> tuple[str, str]:
    """A fresh secret and its signed form (bound to this user) for the setup page."""
    key = random_hex(20)
    return key, signing.dumps({"key": key, "user": user.pk}, salt=_SALT)


def secret_from_signed(user: AbstractBaseUser, signed: str) -> str | None:
    try:
        data = signing.loads(signed, salt=_SALT, max_age=SETUP_MAX_AGE)
    except signing.BadSignature:
        return None
    return data["key"] if data.get("user") == user.pk else None


def config_url(user: AbstractBaseUser, key: str) -> str:
    return TOTPDevice(user=user, key=key).config_url


def secret_for_typing(key: str) -> str:
    """The secret as an authenticator app asks for it when it cannot scan: base32, in fours."""
    text = base64.b32encode(bytes.fromhex(key)).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_svg(data: str, *, title: str) -> SafeString:
    """The QR code as inline SVG: no image request, no third party."""
    import qrcode
    from qrcode.image.svg import SvgPathImage

    image = qrcode.make(data, image_factory=SvgPathImage, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    svg = svg[svg.index("<svg") :]
    # A name for screen readers; the typed secret below is the accessible alternative.
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{_escape(title)}" ', 1)
    return mark_safe(svg)


def _escape(text: str) -> str:
    from django.utils.html import escape

    return escape(text)


def _normalise(token: str) -> str:
    return "".join(token.split()).lower()


def _new_recovery_codes(user: AbstractBaseUser) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="herstelcodes", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@dataclass
class Enrolment:
    device: TOTPDevice
    recovery_codes: list[str]


@transaction.atomic
def two_factor_enrol(*, user: AbstractBaseUser, key: str, token: str) -> Enrolment:
    """Switch two-step sign-in on with the app that shows `token` for `key`; any earlier app
    and recovery codes stop working."""
    token = _normalise(token)
    totp = TOTP(bytes.fromhex(key), step=30, digits=6)
    if not token.isdigit() or not totp.verify(int(token), tolerance=1):
        raise ValidationError(
            {
                "token": _(
                    "Deze code klopt niet. Typ de zes cijfers die de app nu laat zien; ze "
                    "veranderen elke 30 seconden."
                )
            }
        )
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice(user=user, name=_("Authenticator-app"), key=key, confirmed=True)
    device.last_t = totp.t()  # the code just used cannot be used again
    device.full_clean()
    device.save()
    return Enrolment(device=device, recovery_codes=_new_recovery_codes(user))


@transaction.atomic
def recovery_codes_renew(*, user: AbstractBaseUser) -> list[str]:
    return _new_recovery_codes(user)


def two_factor_check(*, user: AbstractBaseUser, token: str):
    """The device that accepts this code (app or recovery code), or None. A recovery code
    works once; repeated wrong codes slow down (django-otp's throttling)."""
    token = _normalise(token)
    if not token:
        return None
    return match_token(user, token)


def recovery_codes_left(user: AbstractBaseUser) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def devices(user: AbstractBaseUser) -> list:
    return list(devices_for_user(user))
