"""Password rules beyond Django's own (length, common passwords, similarity to the name)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def is_demo_password(password: str) -> bool:
    return password.strip().casefold() == settings.WEGWIJZER_DEMO_PASSWORD.casefold()


class DemoPasswordValidator:
    """The demo's password is printed in the README: no real account may choose it."""

    def validate(self, password: str, user=None) -> None:
        if is_demo_password(password):
            raise ValidationError(
                _(
                    "Dit is het wachtwoord van de demo en dat staat openbaar in de handleiding. "
                    "Kies een ander wachtwoord."
                ),
                code="password_is_demo",
            )

    def get_help_text(self) -> str:
        return _("Je wachtwoord mag niet het wachtwoord van de demo zijn.")
