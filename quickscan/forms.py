from dataclasses import dataclass
from typing import NamedTuple

from django import forms
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.people import display_name_with_department

from .models import AGREED_CHOICES, Rating, RoundItem
from .results import AnswerSection
from .services import FIRST_YEAR


class AnswerRow(NamedTuple):
    number: str
    round_item: RoundItem
    answer: forms.BoundField
    explanation: forms.BoundField


@dataclass(frozen=True)
class ChapterProgress:
    section: AnswerSection
    answered: int
    total: int


@dataclass(frozen=True)
class AnswerProgress:
    """How far the respondent is: counted from the form, so it matches what is on screen."""

    answered: int
    total: int
    chapters: list[ChapterProgress]
    unanswered: list[tuple[AnswerSection, list[AnswerRow]]]

    @property
    def next_open(self) -> AnswerRow | None:
        return self.unanswered[0][1][0] if self.unanswered else None


class RoundOpenForm(forms.Form):
    year = forms.IntegerField(
        label=_("Jaar"),
        min_value=FIRST_YEAR,
        help_text=_("Per jaar is er één Quickscan-ronde."),
    )
    invitees = forms.ModelMultipleChoiceField(
        label=_("Wie vult de Quickscan in?"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Bijvoorbeeld het duo Jeugd & Educatie en Basisvaardigheden/Taalhuis, de andere "
            "werkgroepleden en de manager. Later uitnodigen kan ook."
        ),
    )

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        last = timezone.localdate().year + 1
        self.fields["year"].validators.append(MaxValueValidator(last))
        self.fields["year"].widget.attrs["max"] = last
        self.fields["invitees"].queryset = candidates
        self.fields["invitees"].label_from_instance = display_name_with_department


class InviteForm(forms.Form):
    users = forms.ModelMultipleChoiceField(
        label=_("Uitnodigen"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies wie je wilt uitnodigen.")},
    )

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["users"].queryset = candidates
        self.fields["users"].label_from_instance = display_name_with_department


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom gaat de ronde weer open?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Dit wordt bij de ronde vastgelegd."),
        error_messages={"required": _("Geef aan waarom de ronde weer open moet.")},
    )


class AnswersForm(forms.Form):
    """A respondent's answers: per item a choice and an optional explanation."""

    def __init__(self, *args, sections: list[AnswerSection], disabled: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.layout = []
        for section in sections:
            rows = []
            for number, round_item, response in section.items:
                answer_name, text_name = f"antwoord_{round_item.pk}", f"toelichting_{round_item.pk}"
                self.fields[answer_name] = forms.ChoiceField(
                    label=f"{number} {round_item.text}",
                    choices=Rating.choices,
                    required=False,
                    widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                    initial=response.answer if response else None,
                    disabled=disabled,
                )
                self.fields[text_name] = forms.CharField(
                    label=_("Toelichting bij {number} (niet verplicht)").format(number=number),
                    required=False,
                    max_length=2000,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    initial=response.explanation if response else "",
                    disabled=disabled,
                )
                rows.append(AnswerRow(number, round_item, self[answer_name], self[text_name]))
            self.layout.append((section, rows))

    def progress(self) -> AnswerProgress:
        chapters, unanswered = [], []
        for section, rows in self.layout:
            missing = [row for row in rows if not row.answer.value()]
            chapters.append(ChapterProgress(section, len(rows) - len(missing), len(rows)))
            if missing:
                unanswered.append((section, missing))
        return AnswerProgress(
            answered=sum(chapter.answered for chapter in chapters),
            total=sum(chapter.total for chapter in chapters),
            chapters=chapters,
            unanswered=unanswered,
        )

    def answers(self) -> dict[int, tuple[str, str]]:
        """{round item id: (answer, explanation)} from the cleaned data."""
        result = {}
        for name, value in self.cleaned_data.items():
            if name.startswith("antwoord_"):
                pk = int(name.removeprefix("antwoord_"))
                result[pk] = (value or "", self.cleaned_data.get(f"toelichting_{pk}", ""))
        return result


class AgreedAnswerForm(forms.Form):
    agreed = forms.ChoiceField(
        label=_("Afgesproken antwoord"),
        choices=AGREED_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies het antwoord waar de werkgroep op uitkomt.")},
    )
    agreed_explanation = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    action_what = forms.CharField(
        label=_("Actie: wat gaat er gebeuren?"),
        required=False,
        max_length=300,
        help_text=_("Alleen bij ‘deels’ of ‘nog niet’."),
    )
    action_owner = forms.TypedChoiceField(
        label=_("Wie pakt het op?"), required=False, coerce=int, empty_value=None
    )
    action_due = forms.DateField(
        label=_("Klaar op"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, round_item: RoundItem, number: str, staff: list, **kwargs):
        kwargs.setdefault("prefix", f"v{round_item.pk}")
        kwargs.setdefault(
            "initial",
            {
                "agreed": round_item.agreed or None,
                "agreed_explanation": round_item.agreed_explanation,
                "action_what": round_item.action_what,
                "action_owner": round_item.action_owner_id,
                "action_due": round_item.action_due,
                "version": round_item.version,
            },
        )
        super().__init__(*args, **kwargs)
        self.round_item = round_item
        self._staff = {user.pk: user for user in staff}
        self.fields["action_owner"].choices = [("", _("nog niemand"))] + [
            (user.pk, display_name_with_department(user)) for user in staff
        ]
        self.fields["agreed"].label = _("Afgesproken antwoord bij {number}").format(number=number)
        for name in ("agreed_explanation", "action_what", "action_owner", "action_due"):
            self.fields[name].label = f"{self.fields[name].label} ({number})"

    def clean_action_owner(self):
        pk = self.cleaned_data.get("action_owner")
        if pk is None:
            return None
        return self._staff[pk]  # the choices only hold known staff
