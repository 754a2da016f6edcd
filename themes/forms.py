from django import forms
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
    class Meta:
        model = Cycle
        fields = ["name"]
        labels = {"name": _("Naam van de nieuwe cyclus")}
        help_texts = {"name": _("Bijvoorbeeld het werkjaar: 2027.")}
