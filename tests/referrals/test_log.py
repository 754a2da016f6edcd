"""Logging at the desk: one form, one submit, clear Dutch messages, nothing half-saved."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from referrals.models import Offer, OutreachLocation, Referral, Signal
from tests.factories import LibraryFactory

pytestmark = pytest.mark.django_db


def form_data(library, **overrides):
    data = {
        "offer": Offer.objects.get(library=library, name="Taalhuis").pk,
        "audience": "ouder",
        "signals": [Signal.objects.get(library=library, name="Taalvraag").pk],
        "handover": "warm_introduced",
        "place": f"b:{library.branches.order_by('name').first().pk}",
        "from_department": "jeugd_educatie",
        "referred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "note": "",
    }
    data.update(overrides)
    return data


def test_logging_a_referral_saves_it_and_returns_an_empty_form(client_for, options, users):
    client = client_for("frontoffice")
    response = client.post(reverse("referrals:log"), form_data(options), follow=True)
    assert response.status_code == 200
    assert "Verwijzing naar Taalhuis opgeslagen" in response.content.decode()
    assert not response.context["form"].is_bound
    referral = Referral.objects.get()
    assert referral.logged_by == users["frontoffice"]
    assert referral.is_warm
    assert referral.from_department == "jeugd_educatie"
    assert referral.follow_up_date == timezone.localdate() + datetime.timedelta(days=14)
    assert not referral.has_contact


def test_follow_up_days_come_from_the_setting(client_for, options, settings):
    settings.WEGWIJZER_REFERRAL_FOLLOW_UP_DAYS = 7
    client_for("frontoffice").post(reverse("referrals:log"), form_data(options))
    assert Referral.objects.get().follow_up_date == timezone.localdate() + datetime.timedelta(7)


def test_the_last_place_is_remembered(client_for, options):
    client = client_for("frontoffice")
    market = OutreachLocation.objects.get(name="Weekmarkt")
    client.post(reverse("referrals:log"), form_data(options, place=f"o:{market.pk}"))
    form = client.get(reverse("referrals:log")).context["form"]
    assert form.initial["place"] == f"o:{market.pk}"
    assert Referral.objects.get().outreach_location == market


def test_a_future_moment_is_refused(client_for, options):
    future = (timezone.localtime() + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    response = client_for("frontoffice").post(
        reverse("referrals:log"), form_data(options, referred_at=future)
    )
    assert response.status_code == 400
    assert "kan niet in de toekomst liggen" in response.content.decode()
    assert not Referral.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("offer", "999999", "Kies een aanbod uit de lijst"),
        ("offer", "", "Kies naar welk aanbod je verwees"),
        ("signals", [], "Kies ten minste één signaal of vraag"),
        ("signals", ["abc"], "Kies signalen uit de lijst"),
        ("audience", "hond", "Selecteer een geldige keuze"),
        ("place", "b:999999", "Selecteer een geldige keuze"),
        ("referred_at", "gisteren", "Vul een geldige datum en tijd in"),
        ("handover", "", "Kies hoe de overdracht ging"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_saves_nothing(
    client_for, options, field, value, message
):
    response = client_for("frontoffice").post(
        reverse("referrals:log"), form_data(options, **{field: value})
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Referral.objects.exists()


def test_an_offer_of_another_library_is_refused(client_for, options):
    from referrals.defaults import referral_options_create_defaults

    other = LibraryFactory()
    referral_options_create_defaults(library=other)
    foreign = Offer.objects.get(library=other, name="Taalhuis")
    response = client_for("frontoffice").post(
        reverse("referrals:log"), form_data(options, offer=foreign.pk)
    )
    assert response.status_code == 400
    assert not Referral.objects.exists()


def test_an_inactive_offer_cannot_be_chosen(client_for, options):
    offer = Offer.objects.get(library=options, name="Taalhuis")
    offer.is_active = False
    offer.save()
    response = client_for("frontoffice").post(reverse("referrals:log"), form_data(options))
    assert response.status_code == 400
    assert not Referral.objects.exists()


def test_the_form_warns_against_names_in_notes(client_for, options):
    html = client_for("frontoffice").get(reverse("referrals:log")).content.decode()
    assert "geen namen" in html.lower()


# Consent ----------------------------------------------------------------------------


def test_contact_details_without_consent_are_refused(client_for, options):
    response = client_for("frontoffice").post(
        reverse("referrals:log"),
        form_data(options, contact_first_name="Aylin", contact_phone="0612345678"),
    )
    assert response.status_code == 400
    assert "alleen worden vastgelegd met toestemming" in response.content.decode()
    assert not Referral.objects.exists()


def test_contact_details_with_consent_are_stored_with_the_moment(client_for, options):
    response = client_for("frontoffice").post(
        reverse("referrals:log"),
        form_data(
            options,
            contact_consent="on",
            contact_first_name="Aylin",
            contact_phone="06-12345678",
        ),
    )
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.contact_consent and referral.contact_consent_at is not None
    assert referral.contact_first_name == "Aylin"


def test_consent_alone_without_details_stores_no_consent(client_for, options):
    client_for("frontoffice").post(
        reverse("referrals:log"), form_data(options, contact_consent="on")
    )
    referral = Referral.objects.get()
    assert not referral.contact_consent
    assert referral.contact_consent_at is None


def test_the_database_refuses_contact_without_consent(make_referral):
    from django.db import IntegrityError, transaction

    referral = make_referral()
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.filter(pk=referral.pk).update(contact_phone="0612345678")


# The moment of the referral ------------------------------------------------------------


def test_an_old_moment_needs_a_confirmation(client_for, options):
    old = (timezone.localtime() - datetime.timedelta(days=20)).strftime("%Y-%m-%dT%H:%M")
    client = client_for("frontoffice")
    response = client.post(reverse("referrals:log"), form_data(options, referred_at=old))
    assert response.status_code == 400
    html = response.content.decode()
    assert "ligt meer dan 14 dagen terug" in html
    assert 'name="confirm_old"' in html
    assert not Referral.objects.exists()
    response = client.post(
        reverse("referrals:log"), form_data(options, referred_at=old, confirm_old="on")
    )
    assert response.status_code == 302
    assert Referral.objects.get().referred_at.date() <= timezone.localdate()


@pytest.mark.parametrize("moment", ["1999-03-01T10:00", "2000-01-01T00:00"])
def test_a_moment_long_ago_is_refused_even_when_confirmed(client_for, options, moment):
    response = client_for("frontoffice").post(
        reverse("referrals:log"), form_data(options, referred_at=moment, confirm_old="on")
    )
    assert response.status_code == 400
    assert "meer dan een jaar terug" in response.content.decode()
    assert not Referral.objects.exists()


def test_the_form_explains_the_window(client_for, options):
    html = client_for("frontoffice").get(reverse("referrals:log")).content.decode()
    assert "Niet in de toekomst" in html and "14 dagen" in html
    assert 'name="confirm_old"' not in html
