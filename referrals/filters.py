import datetime

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Branch, Department, Library

from .models import Offer, Outcome, Referral, Status

YES_NO = [("true", _("Ja")), ("false", _("Nee"))]


# Dates a referral can have; outside these, date arithmetic overflows (year 1, year 9999).
DATE_MIN = datetime.date(2000, 1, 1)
DATE_MAX = datetime.date(2099, 12, 31)
DATE_RANGE_MESSAGE = _("Kies een datum tussen 1-1-2000 en 31-12-2099.")
DATE_VALIDATORS = [
    MinValueValidator(DATE_MIN, message=DATE_RANGE_MESSAGE),
    MaxValueValidator(DATE_MAX, message=DATE_RANGE_MESSAGE),
]


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _staff(library: Library):
    # Everyone on the library's staff: asking who ever logged a referral would join (and
    # de-duplicate) every referral on each page view.
    return (
        get_user_model()
        .objects.filter(profile__library=library)
        .order_by("first_name", "last_name", "username")
    )


class ReferralFilter(django_filters.FilterSet):
    van = django_filters.DateFilter(
        label=_("Van"),
        method="filter_from",
        widget=forms.DateInput(attrs={"type": "date", "min": "2000-01-01", "max": "2099-12-31"}),
        validators=DATE_VALIDATORS,
    )
    tot = django_filters.DateFilter(
        label=_("Tot en met"),
        method="filter_until",
        widget=forms.DateInput(attrs={"type": "date", "min": "2000-01-01", "max": "2099-12-31"}),
        validators=DATE_VALIDATORS,
    )
    offer = django_filters.ModelChoiceFilter(
        label=_("Aanbod"), queryset=Offer.objects.none(), empty_label=_("Alle aanbod")
    )
    department = django_filters.ChoiceFilter(
        label=_("Afdeling van het aanbod"),
        field_name="offer__department",
        choices=Offer.DEPARTMENTS,
        empty_label=_("Alle afdelingen"),
    )
    from_department = django_filters.ChoiceFilter(
        label=_("Vanuit afdeling"), choices=Department.choices, empty_label=_("Alle afdelingen")
    )
    branch = django_filters.ModelChoiceFilter(
        label=_("Vestiging"), queryset=Branch.objects.none(), empty_label=_("Alle vestigingen")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Status.choices, empty_label=_("Alle statussen")
    )
    outcome = django_filters.ChoiceFilter(
        label=_("Uitkomst"), choices=Outcome.choices, empty_label=_("Alle uitkomsten")
    )
    logged_by = django_filters.ModelChoiceFilter(
        label=_("Geregistreerd door"),
        queryset=get_user_model().objects.none(),
        empty_label=_("Iedereen"),
    )
    warm = django_filters.ChoiceFilter(
        label=_("Warme overdracht"),
        choices=YES_NO,
        method="filter_warm",
        empty_label=_("Warm en niet warm"),
    )

    class Meta:
        model = Referral
        fields: list[str] = []

    def filter_from(self, queryset, name, value):
        return queryset.filter(referred_at__gte=_start_of(value))

    def filter_until(self, queryset, name, value):
        return queryset.filter(referred_at__lt=_start_of(value + datetime.timedelta(days=1)))

    def __init__(self, *args, library: Library, **kwargs):
        super().__init__(*args, **kwargs)
        # The choices are the library's own, set per instance so the filter needs no request.
        self.filters["offer"].queryset = Offer.objects.filter(library=library)
        self.filters["branch"].queryset = library.branches.all()
        self.filters["logged_by"].queryset = _staff(library)
        for field in self.form.fields.values():
            is_select = isinstance(field.widget, forms.Select)
            field.widget.attrs["class"] = "form-select" if is_select else "form-control"

    def filter_warm(self, queryset, name, value):
        return queryset.filter(is_warm=value == "true")

    @property
    def period(self) -> tuple[datetime.date | None, datetime.date | None]:
        data = self.form.cleaned_data if self.form.is_valid() else {}
        return data.get("van"), data.get("tot")
