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
