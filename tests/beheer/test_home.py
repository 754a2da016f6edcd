import pytest

from core.models import Library
from core.roles import Role
from referrals.models import Offer
from tests.factories import make_staff

pytestmark = pytest.mark.django_db


def _checklist(client) -> dict[str, bool]:
    return {item.label: item.done for item in client.get("/beheer/").context["checklist"]}


def test_first_time_checklist_ticks_itself(client, django_user_model):
    library = Library.objects.create(name="Bibliotheek")
    beheer = make_staff(library, Role.BEHEER, username="eerste")
    client.force_login(beheer)
    assert list(_checklist(client).values()) == [False, False, False, False]

    library.name = "Bibliotheek Kustdorp"
    library.save()
    library.branches.create(name="Centrale")
    offer = Offer.objects.create(library=library, name="Taalhuis", department="basisvaardigheden")
    assert list(_checklist(client).values()) == [True, True, False, False]

    specialist = make_staff(library, Role.SPECIALIST, username="spec")
    offer.specialists.add(specialist)
    assert list(_checklist(client).values()) == [True, True, True, True]
    page = client.get("/beheer/").content.decode()
    assert "Alles staat klaar" in page

    # A new offer without a receiver opens the item again.
    Offer.objects.create(library=library, name="BoekStart", department="jeugd_educatie")
    assert list(_checklist(client).values()) == [True, True, False, True]


def test_home_and_nav_lead_to_beheer_not_the_admin(client_for):
    client = client_for("beheer")
    page = client.get("/").content.decode()
    assert 'href="/beheer/"' in page and 'href="/admin/' not in page
    page = client.get("/beheer/").content.decode()
    assert 'href="/admin/' not in page


@pytest.mark.parametrize(
    "url", ["/beheer/", "/beheer/bibliotheek/", "/beheer/medewerkers/uitnodigen/"]
)
def test_query_counts(client_for, users, url, django_assert_max_num_queries):
    client = client_for("beheer")
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_staff_edit_query_count(client_for, users, django_assert_max_num_queries):
    client = client_for("beheer")
    with django_assert_max_num_queries(12):
        assert client.get(f"/beheer/medewerkers/{users['mt'].pk}/").status_code == 200
