from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .passwords import is_demo_password


class LoginForm(AuthenticationForm):
    # Django's Dutch catalogue leaves these untranslated.
    error_messages = {
        "invalid_login": _(
            "Deze combinatie van gebruikersnaam en wachtwoord klopt niet. Let op: hoofdletters "
            "en kleine letters tellen mee."
        ),
        "inactive": _("Dit account is uitgeschakeld. Neem contact op met beheer."),
        "demo_password": _(
            "Dit account heeft het openbare wachtwoord van de demo en mag daarom niet "
            "aanmelden. Vraag beheer om een nieuw wachtwoord voor je in te stellen."
        ),
    }

    def clean(self):
        cleaned = super().clean()
        # Outside the demo an account with the published password is as good as open:
        # refuse it even though the password is right.
        if not settings.WEGWIJZER_DEMO_ALLOWED and is_demo_password(cleaned.get("password") or ""):
            raise forms.ValidationError(self.error_messages["demo_password"], code="demo_password")
        return cleaned


MAX_ID = 2**63 - 1


def _check_ids(values, error) -> None:
    """Refuse ids no database column can hold before they reach a query (SQLite raises an
    OverflowError for those instead of finding nothing)."""
    for value in values:
        text = str(value).strip()
        # isdigit() also accepts digits int() refuses ("⁰", "²"): only ASCII digits are ids.
        if text and (
            not (text.isascii() and text.isdigit()) or len(text) > 19 or int(text) > MAX_ID
        ):
            raise error


class SafeModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values:
            _check_ids(
                [value],
                forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice"),
            )
        return super().to_python(value)


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        if isinstance(value, list | tuple):
            _check_ids(
                value,
                forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": value},
                ),
            )
        return super()._check_values(value)


def apply_validation_error(form: forms.BaseForm, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: each field's messages at that field, the
    rest (plain messages, or fields the form does not show) above the form.

    This is the one way from a service error to a form; a view never calls
    `form.add_error(None, exc)` itself, which would lose which field a message belongs to.
    """
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def error_text(exc: ValidationError) -> str:
    """A ValidationError as one sentence, for a message on a page without a form."""
    return " ".join(exc.messages)
