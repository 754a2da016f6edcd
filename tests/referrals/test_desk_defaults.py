"""Issue 20, step 9: the desk's default offers and signals from the seeds, and a latent need
(noticed by staff) marked apart from a question asked."""

import csv
import importlib
import io

import pytest
from django.apps import apps as global_apps
from django.urls import reverse
from django.utils import timezone

from referrals.defaults import referral_options_create_defaults
from referrals.forms import ReferralForm
from referrals.models import Offer, Referral, Signal
from tests.factories import LibraryFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("referrals.migrations.0004_latent_need_and_default_options")

SEED_OFFERS = {
    "Taalspreekuur": "basisvaardigheden",
    "Voor jou en je kind!": "basisvaardigheden",
    "BoekStartcoach": "jeugd_educatie",
    "digiTaalhuis": "basisvaardigheden",
}


def with_receivers(library, users):
    """The default lists, each offer with a receiver: only those are offered at the desk."""
    referral_options_create_defaults(library=library)
    for offer in Offer.objects.filter(library=library):
        offer.specialists.add(users["specialist"])


def desk_data(library, **overrides):
    data = {
        "offer": Offer.objects.get(library=library, name="Taalspreekuur").pk,
        "audience": "ouder",
        "signals": [Signal.objects.get(library=library, name="Rekenvraag").pk],
        "handover": "warm_introduced",
        "place": f"b:{library.branches.order_by('name').first().pk}",
        "from_department": "jeugd_educatie",
        "referred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "note": "",
    }
    data.update(overrides)
    return data


def test_defaults_hold_the_seed_offers_and_writing_and_arithmetic(library):
    referral_options_create_defaults(library=library)
    offers = dict(Offer.objects.filter(library=library).values_list("name", "department"))
    assert {name: offers[name] for name in SEED_OFFERS} == SEED_OFFERS
    signals = set(Signal.objects.filter(library=library).values_list("name", flat=True))
    assert {"Schrijfvraag", "Rekenvraag", "Taalvraag"} <= signals
    assert Offer.objects.filter(library=library, name__in=SEED_OFFERS, is_active=True).count() == 4
    assert referral_options_create_defaults(library=library) == (0, 0)


def test_beheer_switches_a_default_offer_off_and_the_desk_no_longer_offers_it(
    library, users, client_for
):
    with_receivers(library, users)
    Offer.objects.filter(library=library, name="digiTaalhuis").update(is_active=False)
    form = ReferralForm(library=library)
    names = set(form.fields["offer"].queryset.values_list("name", flat=True))
    assert "digiTaalhuis" not in names and "Voor jou en je kind!" in names
    html = client_for("frontoffice").get(reverse("referrals:log")).content.decode()
    assert "digiTaalhuis" not in html and "BoekStartcoach" in html


def test_the_desk_marks_a_latent_need_apart_from_a_question(library, users, client_for):
    with_receivers(library, users)
    client = client_for("frontoffice")
    html = client.get(reverse("referrals:log")).content.decode()
    assert "Opgemerkt, niet gevraagd (latente behoefte)" in html
    client.post(reverse("referrals:log"), desk_data(library))
    client.post(reverse("referrals:log"), desk_data(library, is_latent="on"))
    assert list(Referral.objects.order_by("pk").values_list("is_latent", flat=True)) == [
        False,
        True,
    ]


def test_latent_need_shows_to_the_receiver_and_in_the_csv(library, users, client_for):
    with_receivers(library, users)
    client_for("frontoffice").post(reverse("referrals:log"), desk_data(library, is_latent="on"))
    referral = Referral.objects.get()
    html = client_for("mt").get(reverse("referrals:detail", args=[referral.pk])).content.decode()
    assert "niet gevraagd (latente behoefte)" in html
    body = b"".join(client_for("mt").get(reverse("referrals:export_csv")).streaming_content)
    rows = list(csv.reader(io.StringIO(body.decode().lstrip("\ufeff")), delimiter=";"))
    column = rows[0].index("latente behoefte")
    assert rows[1][column] == "ja"


def test_migration_adds_the_new_defaults_to_libraries_with_lists(library):
    from referrals.defaults import DEFAULT_OFFERS, DEFAULT_SIGNALS

    old_offers = [(n, d) for n, d in DEFAULT_OFFERS if n not in SEED_OFFERS]
    for order, (name, department) in enumerate(old_offers):
        Offer.objects.create(library=library, name=name, department=department, order=order)
    for order, name in enumerate(DEFAULT_SIGNALS[:6]):
        Signal.objects.create(library=library, name=name, order=order)
    # Beheer had already added BoekStartcoach itself, switched off and under its own department.
    Offer.objects.create(
        library=library, name="BoekStartcoach", department="extern", is_active=False, order=3
    )
    untouched = LibraryFactory()  # has not set up its lists yet

    migration.add_default_options(global_apps, None)
    migration.add_default_options(global_apps, None)  # twice adds nothing more

    offers = {o.name: o for o in Offer.objects.filter(library=library)}
    assert set(SEED_OFFERS) <= set(offers)
    coach = offers["BoekStartcoach"]
    assert (coach.is_active, coach.department) == (False, "extern")
    assert offers["Taalspreekuur"].is_active
    assert offers["Taalspreekuur"].order > max(
        o.order for n, o in offers.items() if n == "Taalhuis"
    )
    signals = set(Signal.objects.filter(library=library).values_list("name", flat=True))
    assert {"Schrijfvraag", "Rekenvraag"} <= signals
    assert Offer.objects.filter(library=library).count() == len(old_offers) + 4
    assert not Offer.objects.filter(library=untouched).exists()
    assert not Signal.objects.filter(library=untouched).exists()


@pytest.fixture
def mixed(library, users):
    """Four referrals: two asked, two noticed; audiences and signals known."""
    from referrals import services

    referral_options_create_defaults(library=library)
    signal = {s.name: s for s in Signal.objects.filter(library=library)}
    offer = Offer.objects.get(library=library, name="Taalspreekuur")
    offer.specialists.add(users["specialist"])  # its receiver
    specs = [
        ("ouder", ["Taalvraag", "Rekenvraag"], False),
        ("ouder", ["Rekenvraag"], True),
        ("kind", ["Leesvraag"], False),
        ("gezin", ["Rekenvraag", "Schrijfvraag"], True),
    ]
    for audience, names, latent in specs:
        services.referral_create(
            library=library,
            user=users["frontoffice"],
            offer=offer,
            audience=audience,
            signals=[signal[n] for n in names],
            handover="warm_introduced",
            from_department="jeugd_educatie",
            referred_at=timezone.now(),
            is_latent=latent,
            branch=library.branches.order_by("name").first(),
        )
    return library


def test_breakdown_counts_per_audience_and_per_signal_asked_and_noticed(
    mixed, django_assert_max_num_queries
):
    from referrals import selectors

    with django_assert_max_num_queries(2):
        data = selectors.breakdown(Referral.objects.all())
    assert (data.total, data.latent) == (4, 2)
    assert data.per_audience == [("Ouder", 2), ("Gezin", 1), ("Kind", 1)]
    assert data.per_signal == [
        ("Rekenvraag", 1, 2, 3),
        ("Leesvraag", 1, 0, 1),
        ("Schrijfvraag", 0, 1, 1),
        ("Taalvraag", 1, 0, 1),
    ]


def test_figures_page_and_report_pdf_show_the_breakdown(mixed, client_for):
    from pypdf import PdfReader

    html = client_for("mt").get(reverse("referrals:figures")).content.decode()
    assert "Voor wie" in html and "Per signaal of vraag" in html
    assert "<tr><td>Rekenvraag</td><td>1</td><td>2</td><td>3</td></tr>" in html
    assert "(2 van de 4 verwijzingen)" in html
    response = client_for("mt").get(reverse("referrals:report_pdf"))
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Per signaal of vraag" in text and "Rekenvraag 1 2 3" in text
    assert "Ouder 2" in text and "Gezin 1" in text
