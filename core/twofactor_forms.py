from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("De zes cijfers uit je authenticator-app, of een van je herstelcodes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )


class SetupForm(forms.Form):
    secret = forms.CharField(widget=forms.HiddenInput)
    token = forms.CharField(
        label=_("Code uit de app"),
        max_length=12,
        help_text=_("Zes cijfers; ze veranderen elke 30 seconden."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
