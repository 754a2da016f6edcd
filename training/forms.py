import datetime

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from core.forms import SafeModelMultipleChoiceField
from core.people import display_name, display_name_with_department

from .models import Meeting, MeetingKind, Module, Participant

DATE_MIN = datetime.date(2000, 1, 1)
DATE_MAX = datetime.date(2099, 12, 31)
DATE_RANGE_MESSAGE = _("Kies een datum tussen 1-1-2000 en 31-12-2099.")


def date_field(label, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label,
        validators=[
            MinValueValidator(DATE_MIN, message=DATE_RANGE_MESSAGE),
            MaxValueValidator(DATE_MAX, message=DATE_RANGE_MESSAGE),
        ],
        widget=forms.DateInput(
            attrs={"type": "date", "min": "2000-01-01", "max": "2099-12-31"}, format="%Y-%m-%d"
        ),
        **kwargs,
    )


class CourseForm(forms.Form):
    name = forms.CharField(
        label=_("Naam van de groep"),
        max_length=200,
        help_text=_("Bijvoorbeeld: Leergang frontoffice voorjaar 2026, groep Centrale."),
    )
    starts_on = date_field(_("Begint op"))
    ends_on = date_field(
        _("Eindigt op"), help_text=_("De leergang duurt meestal zo'n drie maanden.")
    )
    branches = SafeModelMultipleChoiceField(
        label=_("Vestigingen"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Van welke vestigingen komen de deelnemers?"),
    )
    trainers = SafeModelMultipleChoiceField(
        label=_("Docenten"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Specialisten uit de eigen bibliotheek, zoals de educatief specialist en de "
            "specialist Basisvaardigheden. Alleen collega's met de rol specialist staan hier."
        ),
    )
    modules = SafeModelMultipleChoiceField(
        label=_("E-learnings"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Voor het certificaat moet een deelnemer alle aangevinkte e-learnings hebben "
            "afgerond. Een e-learning die later wordt toegevoegd, geldt ook voor wie al klaar was."
        ),
    )

    def __init__(self, *args, branches=None, trainers=None, modules=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branches"].queryset = branches
        self.fields["trainers"].queryset = trainers
        self.fields["trainers"].label_from_instance = display_name_with_department
        self.fields["modules"].queryset = modules

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("De einddatum ligt voor de begindatum."))
        return cleaned


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort"), choices=MeetingKind.choices)
    topic = forms.CharField(
        label=_("Onderwerp"),
        max_length=200,
        help_text=_("Bijvoorbeeld: BoekStart en de Bibliotheek op school in onze bibliotheek."),
    )
    date = date_field(_("Datum"))
    start_time = forms.TimeField(
        label=_("Begintijd"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    duration_minutes = forms.IntegerField(
        label=_("Duur in minuten"),
        min_value=15,
        max_value=480,
        initial=90,
        help_text=_("Gebruikelijk: twee bijeenkomsten van 90 en twee van 180 minuten."),
    )
    cancelled = forms.BooleanField(
        label=_("Gaat niet door"),
        required=False,
        help_text=Meeting._meta.get_field("cancelled").help_text,
    )


class ParticipantsAddForm(forms.Form):
    users = SafeModelMultipleChoiceField(
        label=_("Deelnemers toevoegen"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies wie je aan de groep wilt toevoegen.")},
    )

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["users"].queryset = candidates
        self.fields["users"].label_from_instance = display_name_with_department


class AttendanceForm(forms.Form):
    """One checkbox per participant: ticked is present, unticked is absent."""

    def __init__(self, *args, participants: list[Participant], recorded: dict[int, bool], **kwargs):
        super().__init__(*args, **kwargs)
        self.participants = participants
        for participant in participants:
            self.fields[f"aanwezig_{participant.pk}"] = forms.BooleanField(
                label=display_name(participant.user),
                required=False,
                initial=recorded.get(participant.pk, False),
            )

    def rows(self):
        for participant in self.participants:
            yield participant, self[f"aanwezig_{participant.pk}"]

    def present_ids(self) -> set[int]:
        return {p.pk for p in self.participants if self.cleaned_data.get(f"aanwezig_{p.pk}")}


class CompletionsForm(forms.Form):
    """Per e-learning of the course: done or not, and on which date."""

    def __init__(
        self, *args, modules: list[Module], completed: dict, today: datetime.date, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.modules = modules
        for module in modules:
            done = completed.get(module.pk)
            self.fields[f"klaar_{module.pk}"] = forms.BooleanField(
                label=module.title, required=False, initial=done is not None
            )
            date = date_field(
                _("Afgerond op"), required=False, initial=done.completed_on if done else today
            )
            date.widget.attrs["class"] = "form-control"
            self.fields[f"datum_{module.pk}"] = date

    def rows(self):
        for module in self.modules:
            yield module, self[f"klaar_{module.pk}"], self[f"datum_{module.pk}"]

    def clean(self):
        cleaned = super().clean()
        for module in self.modules:
            date_name = f"datum_{module.pk}"
            if (
                cleaned.get(f"klaar_{module.pk}")
                and not cleaned.get(date_name)
                and date_name not in self.errors
            ):
                self.add_error(date_name, _("Vul in wanneer je deze afrondde."))
        return cleaned

    def done(self) -> dict[int, datetime.date | None]:
        return {
            m.pk: self.cleaned_data[f"datum_{m.pk}"] if self.cleaned_data[f"klaar_{m.pk}"] else None
            for m in self.modules
        }


class LearningForm(forms.Form):
    learning_questions = forms.CharField(
        label=_("Mijn leervragen"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=Participant._meta.get_field("learning_questions").help_text,
    )
    learnt = forms.CharField(
        label=_("Wat ik heb geleerd"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=Participant._meta.get_field("learnt").help_text,
    )
