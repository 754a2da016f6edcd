import datetime

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wegwijzer.models import Department

from .models import Offer, Outcome, Referral

YES_NO = [("true", _("Ja")), ("false", _("Nee"))]


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _offers(request):
    return Offer.objects.filter(library=request.library)


def _branches(request):
    return request.library.branches.all()


def _staff(request):
    # Everyone on the library's staff: asking who ever logged a referral would join (and
    # de-duplicate) every referral on each page view.
    return (
        get_user_model()
        .objects.filter(profile__library=request.library)
        .order_by("first_name", "last_name", "username")
    )


class ReferralFilter(django_filters.FilterSet):
    van = django_filters.DateFilter(
        label=_("Van"),
        method="filter_from",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    tot = django_filters.DateFilter(
        label=_("Tot en met"),
        method="filter_until",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    offer = django_filters.ModelChoiceFilter(
        label=_("Aanbod"), queryset=_offers, empty_label=_("Alle aanbod")
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
        label=_("Vestiging"), queryset=_branches, empty_label=_("Alle vestigingen")
    )
    outcome = django_filters.ChoiceFilter(
        label=_("Status"), choices=Outcome.choices, empty_label=_("Alle statussen")
    )
    logged_by = django_filters.ModelChoiceFilter(
        label=_("Geregistreerd door"), queryset=_staff, empty_label=_("Iedereen")
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            is_select = isinstance(field.widget, forms.Select)
            field.widget.attrs["class"] = "form-select" if is_select else "form-control"

    def filter_warm(self, queryset, name, value):
        return queryset.filter(is_warm=value == "true")

    @property
    def period(self) -> tuple[datetime.date | None, datetime.date | None]:
        data = self.form.cleaned_data if self.form.is_valid() else {}
        return data.get("van"), data.get("tot")
