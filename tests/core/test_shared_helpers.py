"""The shared helpers every app uses: object access, roles in queries, service errors on
forms, names, percentages and CSV."""

import pytest
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.template import Context, Template
from django.test import RequestFactory

from core import access
from core.forms import apply_validation_error, error_text
from core.models import Branch
from core.numbers import percent
from core.people import display_name, display_names
from core.roles import Role, users_with_role
from core.spreadsheet import csv_response
from tests.factories import LibraryFactory, make_staff

pytestmark = pytest.mark.django_db


# Object access ------------------------------------------------------------------------


def test_get_in_library_finds_own_rows_and_hides_other_libraries(library):
    own = Branch.objects.get(library=library, name="Centrale")
    other = Branch.objects.create(library=LibraryFactory(), name="Elders")
    assert access.get_in_library(Branch.objects.all(), library=library, pk=own.pk) == own
    with pytest.raises(Http404):
        access.get_in_library(Branch.objects.all(), library=library, pk=other.pk)


@pytest.mark.parametrize("pk", ["abc", 2**70, None])
def test_a_malformed_or_impossible_id_is_a_404_not_a_500(library, pk):
    with pytest.raises(Http404):
        access.get_in_library(Branch.objects.all(), library=library, pk=pk)


def test_require_role_refuses_with_the_reason(users):
    access.require_role(users["trekker"], Role.WERKGROEP)  # a trekker is also werkgroep
    with pytest.raises(PermissionDenied) as refused:
        access.require_role(users["mt"], Role.WERKGROEP, message="Alleen de werkgroep.")
    assert str(refused.value) == "Alleen de werkgroep."


def test_the_403_page_shows_the_reason_in_dutch(client, users):
    from django.core.handlers.exception import response_for_exception

    request = RequestFactory().get("/")
    request.user = users["mt"]
    request.library = users["mt"].profile.library
    response = response_for_exception(request, PermissionDenied("Je bent niet uitgenodigd."))
    assert response.status_code == 403
    page = response.content.decode()
    assert "Geen toegang" in page and "Je bent niet uitgenodigd." in page
    bare = response_for_exception(request, PermissionDenied()).content.decode()
    assert "hoort niet bij jouw rol" in bare


# Roles in queries ---------------------------------------------------------------------


def test_users_with_role_counts_a_trekker_as_werkgroep_and_stays_in_the_library(users):
    elsewhere = make_staff(LibraryFactory(), Role.WERKGROEP)
    gone = make_staff(users["mt"].profile.library, Role.WERKGROEP, is_active=False)
    library = users["mt"].profile.library
    workgroup = set(users_with_role(library=library, roles=[Role.WERKGROEP]))
    assert workgroup == {users["werkgroep"], users["trekker"]}
    assert elsewhere not in workgroup and gone not in workgroup
    assert set(users_with_role(library=library, roles=[Role.TREKKER])) == {users["trekker"]}
    with_mt = users_with_role(library=library, roles=[Role.WERKGROEP, Role.MT])
    assert set(with_mt) == {users["werkgroep"], users["trekker"], users["mt"]}
    assert with_mt.count() == 3  # no duplicates from several groups


# Service errors on forms ---------------------------------------------------------------


class _NameForm(forms.Form):
    name = forms.CharField()


def test_field_errors_land_on_their_field_and_the_rest_above_the_form():
    form = _NameForm({"name": "x"})
    assert form.is_valid()
    apply_validation_error(
        form, ValidationError({"name": "Bestaat al.", "elders": "Niet op dit formulier."})
    )
    assert form.errors["name"] == ["Bestaat al."]
    assert form.non_field_errors() == ["Niet op dit formulier."]

    form = _NameForm({"name": "x"})
    form.is_valid()
    apply_validation_error(form, ValidationError("Deze cyclus is afgesloten."))
    assert form.non_field_errors() == ["Deze cyclus is afgesloten."]
    assert "name" not in form.errors


def test_error_text_joins_every_message():
    assert error_text(ValidationError(["Eén.", "Twee."])) == "Eén. Twee."


# Names and percentages -----------------------------------------------------------------


def test_display_name_prefers_the_full_name(library):
    named = make_staff(library, first_name="Sanne", last_name="de Vries", username="sanne")
    bare = make_staff(library, first_name="", last_name="", username="kees")
    assert display_name(named) == "Sanne de Vries"
    assert display_name(bare) == "kees"
    assert display_name(None) == "–"
    assert display_names([named, bare]) == "Sanne de Vries, kees"
    rendered = Template("{% load display %}{{ a|display_name }}/{{ b|display_name }}").render(
        Context({"a": named, "b": None})
    )
    assert rendered == "Sanne de Vries/–"


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (1, 8, 13),
        (3, 8, 38),
        (5, 8, 63),
        (1, 3, 33),
        (2, 3, 67),
        (0, 5, 0),
        (5, 5, 100),
        (1, 200, 1),
    ],
)
def test_percent_rounds_half_up(part, whole, expected):
    assert percent(part, whole) == expected


def test_percent_without_a_whole():
    assert percent(0, 0) == 0
    assert percent(0, 0, empty=None) is None


def test_as_percent_filter():
    template = Template("{% load display %}{{ a|as_percent }} {{ b|as_percent }}")
    assert template.render(Context({"a": 13, "b": None})) == "13% –"


# CSV ------------------------------------------------------------------------------------


def test_csv_response_streams_bom_semicolons_and_guards_formulas():
    rows = ([n, f"=cmd{n}", "tekst; met puntkomma"] for n in range(2))
    response = csv_response(filename="x.csv", header=["nr", "waarde", "tekst"], rows=rows)
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body == (
        '\ufeff"nr";"waarde";"tekst"\r\n'
        '"0";"\'=cmd0";"tekst; met puntkomma"\r\n'
        '"1";"\'=cmd1";"tekst; met puntkomma"\r\n'
    )
