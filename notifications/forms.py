from django import forms
from django.utils.translation import gettext_lazy as _

from .events import EmailChoice
from .selectors import PreferenceRow


class PreferencesForm(forms.Form):
    """One choice per event: direct, daily digest or no e-mail."""

    def __init__(self, *args, rows: list[PreferenceRow], **kwargs):
        super().__init__(*args, **kwargs)
        for row in rows:
            self.fields[row.event] = forms.ChoiceField(
                label=row.label,
                choices=EmailChoice.choices,
                initial=row.email,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                error_messages={
                    "required": _("Kies hoe je dit wilt horen."),
                    "invalid_choice": _("Kies een van de mogelijkheden."),
                },
            )
