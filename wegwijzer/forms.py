from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    # Django's Dutch catalogue leaves these untranslated.
    error_messages = {
        "invalid_login": _(
            "Deze combinatie van gebruikersnaam en wachtwoord klopt niet. Let op: hoofdletters "
            "en kleine letters tellen mee."
        ),
        "inactive": _("Dit account is uitgeschakeld. Neem contact op met beheer."),
    }


MAX_ID = 2**63 - 1


def _check_ids(values, error) -> None:
    """Refuse ids no database column can hold before they reach a query (SQLite raises an
    OverflowError for those instead of finding nothing)."""
    for value in values:
        text = str(value).strip()
        if text and (not text.isdigit() or len(text) > 19 or int(text) > MAX_ID):
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
