"""MT reads everything and downloads the PDFs (beheer's journey: test_beheer_journey.py)."""

import io
from io import StringIO

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from tests.e2e.conftest import download, login

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
    dossier = download(page, page.get_by_role("link", name="Dossier als PDF"))
    assert "Gezinsaanpak algemeen" in pdf_text(dossier)

    page.get_by_role("link", name="Quickscan", exact=True).first.click()
    page.get_by_role("link", name="Vergelijking").first.click()
    assert "vergeleken met eerdere jaren" in page.locator("h1").inner_text()
    assert page.locator("svg.chart").count() >= 1
    screenshot(page, "quickscan-vergelijking")
    report = download(page, page.get_by_role("link", name="Rapport voor het MT (PDF)"))
    assert "Quickscan" in pdf_text(report)

    page.get_by_role("link", name="Cijfers", exact=True).click()
    assert "verwijzingen" in page.locator(".key-figures").inner_text()
    screenshot(page, "verwijzingen-cijfers")
    figures = download(page, page.get_by_role("link", name="Rapport als PDF"))
    assert "Warme verwijzingen" in pdf_text(figures)
