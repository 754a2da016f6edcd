import pytest
from django.core.exceptions import ValidationError

from beheer import services
from core.models import Branch, Library

pytestmark = pytest.mark.django_db


def test_rename_library_and_set_retention(client_for, library):
    response = client_for("beheer").post(
        "/beheer/bibliotheek/", {"name": "Bibliotheek Aan Zee", "referral_retention_days": "90"}
    )
    assert response.status_code == 302
    library.refresh_from_db()
    assert library.name == "Bibliotheek Aan Zee"
    assert library.effective_retention_days == 90


@pytest.mark.parametrize(
    ("days", "message"),
    [("7", "minstens 30 dagen"), ("1000", "hoogstens 365 dagen"), ("veel", "aantal dagen")],
)
def test_retention_outside_legal_bounds_is_refused(client_for, library, days, message):
    response = client_for("beheer").post(
        "/beheer/bibliotheek/", {"name": "Andere naam", "referral_retention_days": days}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    # The rejected name is not shown as the library's name in the header.
    assert "Bibliotheek Testdorp" in page.split("<main")[0]
    library.refresh_from_db()
    assert library.name == "Bibliotheek Testdorp" and library.referral_retention_days is None


def test_empty_retention_uses_the_installation_default(client_for, library, settings):
    settings.WEGWIJZER_REFERRAL_RETENTION_DAYS = 120
    client_for("beheer").post("/beheer/bibliotheek/", {"name": "X", "referral_retention_days": ""})
    assert Library.objects.get(pk=library.pk).effective_retention_days == 120


def test_add_branch_and_refuse_a_duplicate(client_for, library):
    client = client_for("beheer")
    assert (
        client.post("/beheer/bibliotheek/vestigingen/nieuw/", {"name": "Zuid"}).status_code == 302
    )
    assert library.branches.filter(name="Zuid", is_active=True).exists()
    response = client.post("/beheer/bibliotheek/vestigingen/nieuw/", {"name": "noord"})
    assert response.status_code == 400
    assert "Er is al een vestiging met deze naam." in response.content.decode()
    assert library.branches.count() == 3
    # The service's message stands at the field it is about, not above the form.
    form = response.context["branch_form"]
    assert form.errors["name"] == ["Er is al een vestiging met deze naam."]
    assert not form.non_field_errors()


def test_a_service_error_on_a_field_the_form_does_not_show_is_shown_above_it(
    client_for, library, monkeypatch
):
    def refuse(**kwargs):
        raise ValidationError({"library": "Deze bibliotheek neemt geen vestigingen meer aan."})

    monkeypatch.setattr(services, "branch_create", refuse)
    response = client_for("beheer").post("/beheer/bibliotheek/vestigingen/nieuw/", {"name": "Zuid"})
    assert response.status_code == 400
    assert response.context["branch_form"].non_field_errors() == [
        "Deze bibliotheek neemt geen vestigingen meer aan."
    ]
    assert 'value="Zuid"' in response.content.decode()


def test_switch_a_branch_off_keeps_it(client_for, library):
    branch = library.branches.get(name="Noord")
    response = client_for("beheer").post(
        f"/beheer/bibliotheek/vestigingen/{branch.pk}/", {"name": "Noord"}
    )
    assert response.status_code == 302
    branch.refresh_from_db()
    assert not branch.is_active
    assert Branch.objects.filter(pk=branch.pk).exists()


def test_another_library_s_branch_is_not_found(client_for):
    from tests.factories import BranchFactory

    other = BranchFactory()
    assert (
        client_for("beheer").get(f"/beheer/bibliotheek/vestigingen/{other.pk}/").status_code == 404
    )
