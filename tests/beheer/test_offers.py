import pytest

from beheer import services
from core.models import Library
from core.roles import Role
from referrals.forms import ReferralForm
from referrals.models import Offer, OutreachLocation, PartnerContact, Signal
from tests.factories import make_staff

pytestmark = pytest.mark.django_db


def _post(client, url, **overrides):
    data = {"name": "Taalcafé", "department": "basisvaardigheden", "order": "3", "is_active": "on"}
    data.update(overrides)
    return client.post(url, data)


def test_offer_form_lists_only_active_specialists(client_for, users, library):
    make_staff(library, Role.SPECIALIST, username="weg", first_name="Vertrokken", is_active=False)
    page = client_for("beheer").get("/beheer/aanbod/nieuw/").content.decode()
    specialist = users["specialist"]
    assert f'value="{specialist.pk}"' in page
    assert f'value="{users["mt"].pk}"' not in page
    assert f'value="{users["frontoffice"].pk}"' not in page
    assert "Vertrokken" not in page


def test_add_offer_with_a_specialist(client_for, users, library):
    response = _post(
        client_for("beheer"), "/beheer/aanbod/nieuw/", specialists=[users["specialist"].pk]
    )
    assert response.status_code == 302
    offer = Offer.objects.get(library=library, name="Taalcafé")
    assert list(offer.specialists.all()) == [users["specialist"]]
    assert offer.order == 3 and offer.is_active


def test_a_non_specialist_cannot_be_made_a_receiver(client_for, users, library):
    response = _post(client_for("beheer"), "/beheer/aanbod/nieuw/", specialists=[users["mt"].pk])
    assert response.status_code == 200
    assert "Kies ontvangers uit de lijst." in response.content.decode()
    assert not Offer.objects.filter(name="Taalcafé").exists()
    with pytest.raises(services.ValidationError):
        services.offer_save(
            library=library,
            offer=None,
            version=None,
            name="Taalcafé",
            department="basisvaardigheden",
            order=0,
            is_active=True,
            specialists=[users["mt"]],
        )


def test_offers_without_receivers_are_flagged(client_for, library):
    Offer.objects.create(library=library, name="Voorleesexpress", department="extern")
    client = client_for("beheer")
    page = client.get("/beheer/aanbod/").content.decode()
    assert "1 actief aanbod heeft geen ontvanger" in page
    assert "geen ontvanger" in page
    response = _post(client, "/beheer/aanbod/nieuw/")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "heeft nog geen ontvanger" in page


def test_concurrent_edit_gets_409_with_both_versions(client_for, users, library):
    offer = Offer.objects.create(library=library, name="BoekStart", department="jeugd_educatie")
    client = client_for("beheer")
    form = client.get(f"/beheer/aanbod/{offer.pk}/").context["form"]
    version = form.initial["version"]
    # A colleague saves in between.
    services.offer_save(
        library=library,
        offer=offer,
        version=version,
        name="BoekStart voor baby's",
        department="jeugd_educatie",
        order=1,
        is_active=True,
        specialists=[users["specialist"]],
    )
    response = _post(
        client, f"/beheer/aanbod/{offer.pk}/", name="BoekStart 0-4", version=str(version)
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "BoekStart voor baby&#x27;s" in page and 'value="BoekStart 0-4"' in page
    assert Offer.objects.get(pk=offer.pk).name == "BoekStart voor baby's"
    # Saving again after comparing goes through.
    version = response.context["form"].data["version"]
    response = _post(client, f"/beheer/aanbod/{offer.pk}/", name="BoekStart 0-4", version=version)
    assert response.status_code == 302
    assert Offer.objects.get(pk=offer.pk).name == "BoekStart 0-4"


def test_signals_and_locations(client_for, library):
    client = client_for("beheer")
    response = client.post(
        "/beheer/aanbod/signalen/nieuw/",
        {"name": "Digitale vraag", "order": "2", "is_active": "on"},
    )
    assert response.status_code == 302
    signal = Signal.objects.get(library=library, name="Digitale vraag")
    client.post(f"/beheer/aanbod/signalen/{signal.pk}/", {"name": "Digitale vraag", "order": "2"})
    signal.refresh_from_db()
    assert not signal.is_active
    client.post("/beheer/aanbod/locaties/nieuw/", {"name": "Buurthuis", "is_active": "on"})
    assert OutreachLocation.objects.filter(library=library, name="Buurthuis").exists()
    assert client.get("/beheer/aanbod/onbekend/nieuw/").status_code == 404


def test_offers_page_query_count(client_for, users, library, django_assert_max_num_queries):
    for n in range(12):
        offer = Offer.objects.create(library=library, name=f"Aanbod {n}", department="extern")
        offer.specialists.add(users["specialist"])
    client = client_for("beheer")
    with django_assert_max_num_queries(12):
        assert client.get("/beheer/aanbod/").status_code == 200


PARTNER = {
    "partner_organisation": "Consultatiebureau Noord",
    "partner_name": "Fatima el Amrani",
    "partner_email": "f.elamrani@cb-noord.nl",
}


def test_an_offer_with_only_a_partner_contact_has_a_receiver(client_for, users, library):
    client = client_for("beheer")
    response = _post(client, "/beheer/aanbod/nieuw/", department="extern", **PARTNER)
    assert response.status_code == 302
    offer = Offer.objects.get(library=library, name="Taalcafé")
    assert offer.partner_contact is not None
    assert offer.partner_contact.email == "f.elamrani@cb-noord.nl"
    assert not offer.specialists.exists()
    # Not flagged: not after saving, not on the list, not on the home page's checklist.
    follow = client.get(response["Location"]).content.decode()
    assert "heeft nog geen ontvanger" not in follow
    assert "geen ontvanger" not in follow
    assert "Fatima el Amrani (Consultatiebureau Noord)" in follow
    home = client.get("/beheer/")
    assert not home.context["offers_without_receivers"]
    [item] = [i for i in home.context["checklist"] if i.url_name == "beheer:offers"]
    assert item.done
    # And the desk offers it.
    assert offer in ReferralForm(library=library).fields["offer"].queryset


def test_pick_an_existing_partner_contact_and_correct_it(client_for, users, library):
    contact = PartnerContact.objects.create(
        library=library, organisation="Welzijn", name="Jan", email="jan@welzijn.nl"
    )
    other = PartnerContact.objects.create(
        library=library, organisation="Welzijn", name="Els", email="els@welzijn.nl"
    )
    client = client_for("beheer")
    assert (
        _post(client, "/beheer/aanbod/nieuw/", partner_contact=str(contact.pk)).status_code == 302
    )
    offer = Offer.objects.get(library=library, name="Taalcafé")
    assert offer.partner_contact == contact
    form = client.get(f"/beheer/aanbod/{offer.pk}/").context["form"]
    assert form.initial["partner_email"] == "jan@welzijn.nl"
    version = str(form.initial["version"])
    # Correcting the offer's own contact.
    response = _post(
        client,
        f"/beheer/aanbod/{offer.pk}/",
        version=version,
        partner_contact=str(contact.pk),
        partner_organisation="Welzijn",
        partner_name="Jan de Vries",
        partner_email="j.devries@welzijn.nl",
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert (contact.name, contact.email) == ("Jan de Vries", "j.devries@welzijn.nl")
    # Picking another contact while typing details would overwrite that one: refused.
    version = str(client.get(f"/beheer/aanbod/{offer.pk}/").context["form"].initial["version"])
    response = _post(
        client,
        f"/beheer/aanbod/{offer.pk}/",
        version=version,
        partner_contact=str(other.pk),
        **PARTNER,
    )
    assert response.status_code == 200
    assert "niet allebei" in response.content.decode()
    other.refresh_from_db()
    assert other.name == "Els"
    assert Offer.objects.get(pk=offer.pk).partner_contact == contact


def test_an_invalid_partner_email_gets_a_dutch_error_and_nothing_is_saved(client_for, library):
    response = _post(
        client_for("beheer"),
        "/beheer/aanbod/nieuw/",
        **{**PARTNER, "partner_email": "fatima@"},
    )
    assert response.status_code == 200
    assert "Vul een geldig e-mailadres in" in response.content.decode()
    assert not Offer.objects.filter(library=library, name="Taalcafé").exists()
    assert not PartnerContact.objects.filter(library=library).exists()


def test_a_half_filled_partner_contact_is_refused(client_for, library):
    response = _post(client_for("beheer"), "/beheer/aanbod/nieuw/", partner_name="Fatima el Amrani")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Vul het e-mailadres van de contactpersoon in." in page
    assert not Offer.objects.filter(library=library, name="Taalcafé").exists()
    assert not PartnerContact.objects.exists()


def test_a_partner_contact_of_another_library_cannot_be_picked(client_for, library):
    stranger = PartnerContact.objects.create(
        library=Library.objects.create(name="Elders"),
        organisation="GGD",
        name="Piet",
        email="piet@ggd.nl",
    )
    response = _post(
        client_for("beheer"), "/beheer/aanbod/nieuw/", partner_contact=str(stranger.pk)
    )
    assert response.status_code == 200
    assert "Kies een contactpersoon uit de lijst." in response.content.decode()
    assert not Offer.objects.filter(library=library, name="Taalcafé").exists()


@pytest.mark.parametrize("role", ["frontoffice", "specialist", "mt", "trekker", "werkgroep"])
def test_other_roles_cannot_set_a_partner_contact(client_for, library, role):
    response = _post(client_for(role), "/beheer/aanbod/nieuw/", **PARTNER)
    assert response.status_code == 403
    assert not PartnerContact.objects.exists()
    assert not Offer.objects.filter(library=library, name="Taalcafé").exists()


def test_offers_page_query_count_with_partners(
    client_for, users, library, django_assert_max_num_queries
):
    for n in range(12):
        contact = PartnerContact.objects.create(
            library=library, organisation=f"Partner {n}", name="Contact", email=f"c{n}@p.nl"
        )
        offer = Offer.objects.create(
            library=library, name=f"Aanbod {n}", department="extern", partner_contact=contact
        )
        if n % 2:
            offer.specialists.add(users["specialist"])
    Offer.objects.create(library=library, name="Zonder", department="extern")
    client = client_for("beheer")
    with django_assert_max_num_queries(12):
        response = client.get("/beheer/aanbod/")
    assert response.status_code == 200
    assert [o.name for o in response.context["without_receivers"]] == ["Zonder"]
