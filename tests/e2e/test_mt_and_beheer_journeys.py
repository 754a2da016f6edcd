"""MT reads everything and downloads the PDFs; beheer adds an offer and edits a step."""

import io
from io import StringIO

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from referrals.models import Offer
from tests.e2e.conftest import login
from themes.models import Step

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("setup_demo", stdout=StringIO())
    settings.DEBUG = False


def pdf_text(download) -> str:
    data = download.path().read_bytes()
    assert data.startswith(b"%PDF")
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def test_mt_reads_overview_comparison_figures_and_downloads_pdfs(page, demo, screenshot):
    login(page, "mt", "wegwijzer-demo")
    screenshot(page, "home")

    page.get_by_role("link", name="Wegwijzer", exact=True).first.click()
    assert page.locator("table.matrix tbody tr").count() == 7
    screenshot(page, "wegwijzer-overzicht")
    with page.expect_download() as dossier:
        page.get_by_role("link", name="Dossier als PDF").click()
    assert "Gezinsaanpak algemeen" in pdf_text(dossier.value)

    page.get_by_role("link", name="Quickscan", exact=True).first.click()
    page.get_by_role("link", name="Vergelijking").first.click()
    assert "vergeleken met eerdere jaren" in page.locator("h1").inner_text()
    assert page.locator("svg.chart").count() >= 1
    screenshot(page, "quickscan-vergelijking")
    with page.expect_download() as report:
        page.get_by_role("link", name="Rapport voor het MT (PDF)").click()
    assert "Quickscan" in pdf_text(report.value)

    page.get_by_role("link", name="Cijfers", exact=True).click()
    assert "verwijzingen" in page.locator(".key-figures").inner_text()
    screenshot(page, "verwijzingen-cijfers")
    with page.expect_download() as figures:
        page.get_by_role("link", name="Rapport als PDF").click()
    assert "Warme verwijzingen" in pdf_text(figures.value)


def test_beheer_adds_an_offer_and_edits_a_step(page, demo, screenshot):
    login(page, "beheer", "wegwijzer-demo")
    page.get_by_role("link", name="Beheer", exact=True).first.click()

    page.goto(f"{page.base_url}/admin/referrals/offer/add/")
    page.get_by_label("Bibliotheek").select_option(label="Demobibliotheek Oostermeer")
    page.get_by_label("Naam").fill("Schuldhulpmaatje")
    page.get_by_label("Afdeling").select_option(label="Externe partner")
    screenshot(page, "aanbod-toevoegen")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    assert Offer.objects.filter(name="Schuldhulpmaatje", department="extern").exists()

    step = Step.objects.get(phase__theme__slug="programmering", phase__kind="creatie", number=1)
    page.goto(f"{page.base_url}/admin/themes/step/{step.pk}/change/")
    page.locator("#id_text").fill("Bespreek de criteria met het hele team.")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    step.refresh_from_db()
    assert step.text == "Bespreek de criteria met het hele team."

    page.goto(f"{page.base_url}/")
    page.get_by_role("button", name="Afmelden").click()
    login(page, "frontoffice", "wegwijzer-demo")
    page.goto(f"{page.base_url}/verwijzingen/registreren/")
    assert page.get_by_text("Schuldhulpmaatje").is_visible()
    screenshot(page, "nieuw-aanbod-aan-de-balie")
