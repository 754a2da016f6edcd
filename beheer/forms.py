import unicodedata

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.forms import SafeModelChoiceField, SafeModelMultipleChoiceField
from core.models import RETENTION_DAYS_MAX, RETENTION_DAYS_MIN, Branch, Department, Library
from core.people import display_name
from core.roles import ROLE_DESCRIPTIONS, ROLE_LABELS, Role
from referrals.models import Offer, PartnerContact

PARTNER_FIELDS = ("organisation", "name", "email")


def style_fields(form: forms.BaseForm) -> None:
    """Bootstrap classes, and the help text tied to its input for screen readers."""
    for name, field in form.fields.items():
        widget = field.widget
        if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
            continue
        if isinstance(widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(widget, forms.Select):
            css = "form-select"
        else:
            css = "form-control"
        widget.attrs.setdefault("class", css)
        if field.help_text:
            widget.attrs["aria-describedby"] = f"id_{name}-hulp"


def _role_choices() -> list[tuple[str, str]]:
    # The label carries its one-line explanation, so a screen reader reads both together.
    return [
        (
            role.value,
            format_html(
                '{} <span class="form-text d-block">{}</span>',
                ROLE_LABELS[role],
                ROLE_DESCRIPTIONS[role],
            ),
        )
        for role in Role
    ]


class StaffForm(forms.Form):
    first_name = forms.CharField(
        label=_("Voornaam"),
        max_length=150,
        error_messages={"required": _("Vul de voornaam in.")},
    )
    last_name = forms.CharField(label=_("Achternaam"), max_length=150, required=False)
    roles = forms.MultipleChoiceField(
        label=_("Rollen"),
        choices=_role_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": _("Kies rollen uit de lijst.")},
        help_text=_("Zonder rol kan iemand wel aanmelden, maar nog niets doen."),
    )
    branch = SafeModelChoiceField(
        label=_("Vaste vestiging"),
        queryset=Branch.objects.none(),
        required=False,
        empty_label=_("Geen vaste vestiging"),
        error_messages={"invalid_choice": _("Kies een vestiging uit de lijst.")},
    )
    department = forms.ChoiceField(
        label=_("Afdeling"),
        choices=[("", _("Geen afdeling")), *Department.choices],
        required=False,
    )

    def __init__(self, *args, library: Library, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branch"].queryset = library.branches.filter(is_active=True)
        style_fields(self)

    def clean_roles(self) -> list[Role]:
        return [Role(value) for value in self.cleaned_data["roles"]]


class InviteForm(StaffForm):
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=150,
        help_text=_("De uitnodiging gaat hierheen; het e-mailadres is ook de gebruikersnaam."),
        error_messages={
            "required": _("Vul het e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, zoals naam@bibliotheek.nl."),
        },
    )
    field_order = ["first_name", "last_name", "email", "roles", "branch", "department"]


class StaffEditForm(StaffForm):
    def __init__(self, *args, library: Library, **kwargs):
        super().__init__(*args, library=library, **kwargs)
        # Someone may still work at a branch that has since closed.
        self.fields["branch"].queryset = library.branches.all()


class PasswordResetByEmailForm(PasswordResetForm):
    """Django's form, also for a colleague who never used the invitation (no password yet):
    in this app an account without a usable password is always an invitation in waiting."""

    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "class": "form-control"}),
        error_messages={
            "required": _("Vul je e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, zoals naam@bibliotheek.nl."),
        },
    )

    def get_users(self, email):
        User = get_user_model()
        return (
            user
            for user in User._default_manager.filter(email__iexact=email, is_active=True)
            if unicodedata.normalize("NFKC", email).casefold()
            == unicodedata.normalize("NFKC", user.email or "").casefold()
        )


class LibraryForm(forms.ModelForm):
    class Meta:
        model = Library
        fields = ["name", "referral_retention_days"]
        labels = {"name": _("Naam van de bibliotheek")}
        error_messages = {
            "name": {"required": _("Vul de naam van de bibliotheek in.")},
            "referral_retention_days": {"invalid": _("Vul een aantal dagen in.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        days = self.fields["referral_retention_days"]
        days.widget.attrs.update({"min": RETENTION_DAYS_MIN, "max": RETENTION_DAYS_MAX})
        days.help_text = _(
            "Na hoeveel dagen contactgegevens en notities bij verwijzingen worden gewist: "
            "tussen {min} en {max} dagen. Leeg laten: de standaard van de installatie "
            "({default} dagen)."
        ).format(
            min=RETENTION_DAYS_MIN,
            max=RETENTION_DAYS_MAX,
            default=settings.WEGWIJZER_REFERRAL_RETENTION_DAYS,
        )
        style_fields(self)


class BranchForm(forms.ModelForm):
    class Meta:
        model = Branch
        fields = ["name", "is_active"]
        labels = {"name": _("Naam van de vestiging"), "is_active": _("Actief")}
        help_texts = {
            "is_active": _(
                "Een vestiging die niet meer actief is, verdwijnt uit de keuzelijsten; de "
                "verwijzingen en cijfers blijven."
            )
        }
        error_messages = {"name": {"required": _("Vul de naam van de vestiging in.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)


class BranchAddForm(BranchForm):
    class Meta(BranchForm.Meta):
        fields = ["name"]


class OfferForm(forms.Form):
    name = forms.CharField(
        label=_("Naam van het aanbod"),
        max_length=120,
        error_messages={"required": _("Vul de naam van het aanbod in.")},
    )
    department = forms.ChoiceField(
        label=_("Afdeling"),
        choices=Offer.DEPARTMENTS,
        error_messages={"required": _("Kies de afdeling van het aanbod.")},
    )
    specialists = SafeModelMultipleChoiceField(
        label=_("Ontvangers (specialisten)"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Zij krijgen de verwijzingen naar dit aanbod en leggen vast wat eruit kwam. Alleen "
            "collega's met de rol specialist staan in de lijst."
        ),
        error_messages={
            "invalid_choice": _("Kies ontvangers uit de lijst."),
            "invalid_pk_value": _("Kies ontvangers uit de lijst."),
        },
    )
    partner_contact = SafeModelChoiceField(
        label=_("Ontvanger bij een partner"),
        queryset=PartnerContact.objects.none(),
        required=False,
        empty_label=_("Geen partner"),
        help_text=_(
            "Voor aanbod van een partner: deze contactpersoon krijgt per verwijzing een link om "
            "door te geven wat ermee gebeurt, zonder account. Staat de persoon er nog niet "
            "tussen? Vul hieronder een nieuwe in."
        ),
        error_messages={"invalid_choice": _("Kies een contactpersoon uit de lijst.")},
    )
    partner_organisation = forms.CharField(
        label=_("Organisatie van de contactpersoon"), max_length=120, required=False
    )
    partner_name = forms.CharField(
        label=_("Naam van de contactpersoon"), max_length=120, required=False
    )
    partner_email = forms.EmailField(
        label=_("E-mailadres van de contactpersoon"),
        required=False,
        help_text=_(
            "Leeg laten als je hierboven een bekende contactpersoon kiest. Staat hierboven de "
            "contactpersoon van dit aanbod, dan verbeter je hier diens gegevens."
        ),
        error_messages={"invalid": _("Vul een geldig e-mailadres in, zoals naam@partner.nl.")},
    )
    order = forms.IntegerField(
        label=_("Volgorde op het balieformulier"),
        min_value=0,
        max_value=999,
        initial=0,
        help_text=_("Lager staat hoger; bij gelijke volgorde op naam."),
        error_messages={"required": _("Vul een volgorde in, bijvoorbeeld 0.")},
    )
    is_active = forms.BooleanField(
        label=_("Actief: staat op het balieformulier"), required=False, initial=True
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, specialists, partner_contacts, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["specialists"]
        field.queryset = specialists
        field.label_from_instance = display_name
        partner_field = self.fields["partner_contact"]
        partner_field.queryset = partner_contacts
        partner_field.label_from_instance = lambda contact: (
            f"{contact.name} ({contact.organisation}, {contact.email})"
        )
        style_fields(self)

    def clean(self):
        data = super().clean()
        typed = {key: (data.get(f"partner_{key}") or "").strip() for key in PARTNER_FIELDS}
        if any(typed.values()) and not all(typed.values()):
            messages = {
                "organisation": _("Vul de organisatie van de contactpersoon in."),
                "name": _("Vul de naam van de contactpersoon in."),
                "email": _("Vul het e-mailadres van de contactpersoon in."),
            }
            for key, value in typed.items():
                # A field that failed its own check already has its message.
                if not value and f"partner_{key}" not in self.errors:
                    self.add_error(f"partner_{key}", messages[key])
        data["new_partner"] = typed if all(typed.values()) else None
        return data


class DeskOptionForm(forms.Form):
    name = forms.CharField(
        label=_("Naam"), max_length=120, error_messages={"required": _("Vul een naam in.")}
    )
    order = forms.IntegerField(
        label=_("Volgorde op het balieformulier"), min_value=0, max_value=999, required=False
    )
    is_active = forms.BooleanField(
        label=_("Actief: staat op het balieformulier"), required=False, initial=True
    )

    def __init__(self, *args, has_order: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not has_order:
            del self.fields["order"]
        style_fields(self)


class StepContentForm(forms.Form):
    title = forms.CharField(
        label=_("Titel"),
        max_length=200,
        required=False,
        help_text=_("Een korte kop bij de stap; leeg laten mag."),
    )
    text = forms.CharField(
        label=_("Tekst"),
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=20000,
        error_messages={"required": _("Een stap heeft een tekst nodig.")},
        help_text=_(
            "Alinea's scheid je met een lege regel. Opmaak: **vet**, *schuin*, regels die "
            "beginnen met ‘- ’ worden een opsomming, [tekst](https://…) wordt een link. "
            "Andere opmaak wordt als gewone tekst getoond."
        ),
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)


class ResourceForm(forms.Form):
    title = forms.CharField(
        label=_("Naam"), max_length=200, error_messages={"required": _("Vul de naam in.")}
    )
    url = forms.URLField(
        label=_("Adres (link)"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Waar het document of de tool te vinden is, bijvoorbeeld op Bnetwerk."),
        error_messages={"invalid": _("Vul een volledig webadres in, zoals https://…")},
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)
