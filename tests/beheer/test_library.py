import pytest

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
