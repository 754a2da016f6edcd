import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.roles import ROLE_LABELS, Role

ACTIVE_CHOICES = [("ja", _("Actief")), ("nee", _("Uitgeschakeld"))]


def _branches(request):
    return request.library.branches.all()


class StaffFilter(django_filters.FilterSet):
    zoek = django_filters.CharFilter(label=_("Zoeken"), method="filter_search")
    rol = django_filters.ChoiceFilter(
        label=_("Rol"),
        choices=[(role.value, ROLE_LABELS[role]) for role in Role],
        method="filter_role",
        empty_label=_("Alle rollen"),
    )
    vestiging = django_filters.ModelChoiceFilter(
        label=_("Vestiging"),
        field_name="profile__branch",
        queryset=_branches,
        empty_label=_("Alle vestigingen"),
    )
    actief = django_filters.ChoiceFilter(
        label=_("Account"),
        choices=ACTIVE_CHOICES,
        method="filter_active",
        empty_label=_("Actief en uitgeschakeld"),
    )

    class Meta:
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["zoek"].help_text = _("Naam of e-mailadres")
        for field in self.form.fields.values():
            is_select = isinstance(field.widget, forms.Select)
            field.widget.attrs["class"] = "form-select" if is_select else "form-control"

    def filter_search(self, queryset, name, value):
        for word in value.split()[:5]:
            queryset = queryset.filter(
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(email__icontains=word)
                | Q(username__icontains=word)
            )
        return queryset

    def filter_role(self, queryset, name, value):
        if value == Role.WERKGROEP:
            # A coordinator is a workgroup member too.
            return queryset.filter(groups__name__in=[Role.WERKGROEP, Role.TREKKER]).distinct()
        return queryset.filter(groups__name=value)

    def filter_active(self, queryset, name, value):
        return queryset.filter(is_active=value == "ja")
