import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wegwijzer.forms import SafeModelChoiceField, SafeModelMultipleChoiceField
from wegwijzer.models import Department, Library

from .models import Audience, Handover, Offer, Outcome, OutreachLocation, Signal

FROM_DEPARTMENTS = [
    (value, label) for value, label in Department.choices if value != Department.EXTERN
]


def place_choices(library: Library) -> list:
    branches = [(f"b:{b.pk}", b.name) for b in library.branches.filter(is_active=True)]
    outreach = [
        (f"o:{o.pk}", o.name)
        for o in OutreachLocation.objects.filter(library=library, is_active=True)
    ]
    choices: list = [("", _("Kies een plek"))]
    if branches:
        choices.append((_("Vestigingen"), branches))
    if outreach:
        choices.append((_("Buiten de bibliotheek"), outreach))
    return choices


class ReferralForm(forms.Form):
    offer = SafeModelChoiceField(
        label=_("Verwezen naar"),
        queryset=Offer.objects.none(),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies naar welk aanbod je verwees."),
            "invalid_choice": _("Kies een aanbod uit de lijst."),
        },
    )
    audience = forms.ChoiceField(
        label=_("Voor wie"),
        choices=Audience.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies voor wie de verwijzing is.")},
    )
    signals = SafeModelMultipleChoiceField(
        label=_("Signaal of vraag"),
        queryset=Signal.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Kies ten minste één signaal of vraag."),
            "invalid_choice": _("Kies signalen uit de lijst."),
            "invalid_pk_value": _("Kies signalen uit de lijst."),
        },
    )
    handover = forms.ChoiceField(
        label=_("Hoe ging de overdracht?"),
        choices=Handover.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe de overdracht ging.")},
    )
    place = forms.ChoiceField(
        label=_("Waar"), error_messages={"required": _("Kies waar je verwees.")}
    )
    from_department = forms.ChoiceField(label=_("Vanuit afdeling"), choices=FROM_DEPARTMENTS)
    referred_at = forms.DateTimeField(
        label=_("Wanneer"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        error_messages={"invalid": _("Vul een geldige datum en tijd in.")},
    )
    note = forms.CharField(
        label=_("Korte notitie (niet verplicht)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Zet hier geen namen of andere gegevens waarmee iemand te herkennen is."),
    )
    contact_consent = forms.BooleanField(
        label=_("De bezoeker geeft toestemming om contact op te nemen"), required=False
    )
    contact_first_name = forms.CharField(label=_("Voornaam"), max_length=60, required=False)
    contact_phone = forms.RegexField(
        label=_("Telefoonnummer"),
        regex=r"^[0-9 +()-]{6,30}$",
        required=False,
        max_length=30,
        error_messages={
            "invalid": _("Vul een telefoonnummer in met alleen cijfers, spaties, + of -.")
        },
    )
    contact_email = forms.EmailField(label=_("E-mailadres"), required=False)

    def __init__(self, *args, library: Library, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].queryset = Offer.objects.filter(library=library, is_active=True)
        self.fields["signals"].queryset = Signal.objects.filter(library=library, is_active=True)
        self.fields["place"].choices = place_choices(library)
        for name in ("place", "from_department"):
            self.fields[name].widget.attrs["class"] = "form-select form-select-lg"
        self.library = library

    def clean_referred_at(self):
        value = self.cleaned_data["referred_at"]
        if value > timezone.now() + datetime.timedelta(minutes=1):
            raise forms.ValidationError(
                _("Het moment van verwijzen kan niet in de toekomst liggen.")
            )
        return value

    def clean(self):
        data = super().clean()
        has_contact = any(
            data.get(name) for name in ("contact_first_name", "contact_phone", "contact_email")
        )
        if has_contact and not data.get("contact_consent"):
            self.add_error(
                "contact_consent",
                _(
                    "Contactgegevens mogen alleen worden vastgelegd met toestemming van de "
                    "bezoeker. Vink de toestemming aan of laat de contactgegevens leeg."
                ),
            )
        return data

    def place_objects(self):
        """The chosen place as (branch, outreach_location)."""
        kind, _sep, pk = self.cleaned_data["place"].partition(":")
        if kind == "b":
            return self.library.branches.get(pk=pk), None
        return None, OutreachLocation.objects.get(library=self.library, pk=pk)


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Wat is er van de verwijzing gekomen?"),
        choices=[(v, label) for v, label in Outcome.choices if v != Outcome.OPEN],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat er van de verwijzing is gekomen.")},
    )
    reason = forms.CharField(
        label=_("Reden of toelichting"),
        max_length=300,
        error_messages={"required": _("Geef een korte reden bij het afsluiten.")},
        help_text=_("Bijvoorbeeld: intake gehad, doet mee aan de taalgroep. Geen namen."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom heropen je deze verwijzing?"),
        max_length=300,
        error_messages={"required": _("Geef een korte reden om te heropenen.")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
