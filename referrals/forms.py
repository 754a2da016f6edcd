from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import SafeModelChoiceField, SafeModelMultipleChoiceField
from core.models import Department, Library

from . import selectors
from .lifecycle import Reason, Transition
from .models import (
    COMPLETION_OUTCOMES,
    Audience,
    Handover,
    Offer,
    OutreachLocation,
    Referral,
    Signal,
)

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
    is_latent = forms.BooleanField(
        label=_("Opgemerkt, niet gevraagd (latente behoefte)"),
        required=False,
        help_text=_("Vink aan als jij de behoefte opmerkte en de bezoeker er zelf niet om vroeg."),
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
        error_messages={
            "required": _("Vul in wanneer je verwees."),
            "invalid": _("Vul een geldige datum en tijd in."),
        },
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
    confirm_old = forms.BooleanField(
        label=_("Ja, de verwijzing was echt meer dan 14 dagen geleden"), required=False
    )
    # A fresh id per rendered desk form: a second submit of the same form (double click,
    # back button, a retry) finds the referral the first one made instead of a duplicate.
    submission = forms.UUIDField(widget=forms.HiddenInput, required=False)

    # The order of the desk form on screen, so the error summary lists errors in that order.
    field_order = [
        "offer",
        "audience",
        "handover",
        "signals",
        "is_latent",
        "place",
        "referred_at",
        "confirm_old",
        "from_department",
        "note",
        "contact_consent",
        "contact_first_name",
        "contact_phone",
        "contact_email",
    ]

    # The rules on the moment, the receiver and consent live in services._apply_desk_input;
    # the view puts its errors on these fields.

    def __init__(self, *args, library: Library, current_offer: Offer | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        offers = selectors.offers_with_receivers(library=library)
        if current_offer is not None:
            # Correcting: the offer it already has stays choosable.
            offers = offers | Offer.objects.filter(pk=current_offer.pk)
        self.fields["offer"].queryset = offers.distinct()
        self.fields["signals"].queryset = Signal.objects.filter(library=library, is_active=True)
        self.fields["place"].choices = place_choices(library)
        for name in ("place", "from_department"):
            self.fields[name].widget.attrs["class"] = "form-select form-select-lg"
        self.library = library

    @property
    def asks_confirmation(self) -> bool:
        """Show the "yes, it was that long ago" box once the date needs it (or was ticked)."""
        return bool(self["confirm_old"].value()) or any(
            "dagen terug" in str(error) for error in self.errors.get("referred_at", [])
        )

    def place_objects(self):
        """The chosen place as (branch, outreach_location)."""
        kind, _sep, pk = self.cleaned_data["place"].partition(":")
        if kind == "b":
            return self.library.branches.get(pk=pk), None
        return None, OutreachLocation.objects.get(library=self.library, pk=pk)


class TransitionForm(forms.Form):
    """One step in the lifecycle; its fields follow the transition table."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, transition: Transition, referral: Referral, **kwargs):
        kwargs.setdefault("prefix", transition.slug)  # several forms on one page
        super().__init__(*args, **kwargs)
        self.transition = transition
        if transition.needs_outcome:
            self.fields["outcome"] = forms.ChoiceField(
                label=_("Wat is er van de verwijzing gekomen?"),
                choices=COMPLETION_OUTCOMES,
                widget=forms.RadioSelect,
                error_messages={"required": _("Kies wat er van de verwijzing is gekomen.")},
            )
        if transition.needs_offer:
            self.fields["offer"] = SafeModelChoiceField(
                label=_("Naar welk aanbod?"),
                queryset=selectors.forward_targets(referral=referral),
                error_messages={
                    "required": _("Kies naar welk aanbod je de verwijzing doorstuurt."),
                    "invalid_choice": _("Kies een ander aanbod uit de lijst."),
                },
            )
        if transition.reason != Reason.NONE:
            self.fields["reason"] = forms.CharField(
                label=transition.reason_label,
                max_length=300,
                required=transition.reason == Reason.REQUIRED,
                error_messages={
                    "required": _("Geef een korte reden of toelichting."),
                    "max_length": _("Houd de reden kort: hooguit 300 tekens."),
                },
                help_text=_("Geen namen of andere gegevens waarmee iemand te herkennen is."),
            )
