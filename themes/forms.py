from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.forms import SafeModelChoiceField
from core.people import display_name

from .models import Assessment, Cycle, StepProgress


class StepProgressForm(forms.ModelForm):
    evidence_url = forms.URLField(
        label=_("Link naar bewijs"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Bijvoorbeeld een link naar het verslag of plan op het intranet."),
    )

    class Meta:
        model = StepProgress
        fields = ["note", "evidence_url", "assigned_to", "due_date"]
        field_classes = {"assigned_to": SafeModelChoiceField}
        widgets = {
            "note": forms.Textarea(attrs={"rows": 4}),
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "note": _("Wat is er gedaan of afgesproken? Geen namen van bezoekers."),
        }

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = members
        self.fields["assigned_to"].label_from_instance = display_name
        self.fields["assigned_to"].empty_label = _("niemand")

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        stored = self.instance.due_date if self.instance.pk else None
        # A date that was already set may lie behind us by now; saving a note must still work.
        if due is not None and due != stored and due < timezone.localdate():
            raise forms.ValidationError(
                _(
                    "Deze streefdatum ligt in het verleden ({date}). Kies vandaag of een "
                    "latere datum, of laat het veld leeg."
                ).format(date=date_format(due, "j F Y")),
                code="due_date_past",
            )
        return due


class SummaryAnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Antwoord"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
    )
    assessment = forms.ChoiceField(
        label=_("Zelfbeoordeling: is deze fase goed doorlopen?"),
        choices=Assessment.choices,
        widget=forms.RadioSelect,
    )
    based_on = forms.IntegerField(required=False, widget=forms.HiddenInput)


class CycleStartForm(forms.ModelForm):
    carry_over = forms.TypedChoiceField(
        label=_("Toewijzingen van open stappen"),
        choices=[
            ("1", _("Meenemen: wie nu een open stap heeft, houdt die met dezelfde streefdatum")),
            ("0", _("Niet meenemen: de nieuwe cyclus begint zonder toewijzingen")),
        ],
        coerce=lambda value: value == "1",
        initial="1",
        widget=forms.RadioSelect,
    )
    # The running cycle the trekker saw on the confirmation page; another one means a
    # colleague started a cycle in between, and the confirmation has to be given again.
    closes = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Cycle
        fields = ["name"]
        labels = {"name": _("Naam van de nieuwe cyclus")}
        help_texts = {"name": _("Bijvoorbeeld het werkjaar: 2027.")}

    def __init__(self, *args, library=None, current: Cycle | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.library = library
        if current is None:
            # The first cycle closes nothing and has nothing to carry over.
            del self.fields["carry_over"]
            del self.fields["closes"]
        else:
            self.fields["closes"].initial = current.pk

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if self.library is not None and (
            Cycle.objects.filter(library=self.library, name__iexact=name).exists()
        ):
            raise forms.ValidationError(_("Er is al een cyclus met deze naam."))
        return name
