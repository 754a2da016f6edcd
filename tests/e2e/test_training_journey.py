"""The leergang in the browser: a trainer enters a meeting's attendance on a tablet
(1024×768), a participant sees what is still missing, MT reads the branch overview and a
participation PDF."""

import io
from io import StringIO

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from tests.e2e.conftest import download, follow, login

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("setup_demo", stdout=StringIO())
    settings.DEBUG = False


def _sign_in(page, username):
    page.context.clear_cookies()
    login(page, username, "wegwijzer-demo")


def test_trainer_participant_and_mt(page, demo, screenshot):
    assert page.viewport_size == {"width": 1024, "height": 768}

    # The trainer (a specialist) enters last week's attendance.
    _sign_in(page, "specialist")
    follow(page, page.get_by_role("link", name="Leergang", exact=True).first)
    follow(page, page.get_by_role("link", name="groep 2"))
    follow(page, page.get_by_role("link", name="Aanwezigheid Ons netwerk"))
    rows = page.locator(".attendance-row")
    count = rows.count()
    assert count >= 7
    assert page.locator(".attendance-row input:checked").count() == 0
    # Rows are easy to hit on a tablet and nothing sticks out sideways.
    assert rows.first.bounding_box()["height"] >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= 1024
    screenshot(page, "aanwezigheid-leeg")
    for index in range(count - 1):  # everyone but one
        rows.nth(index).locator("label").click()
    page.get_by_label("Fenna Jansen").check()
    screenshot(page, "aanwezigheid-ingevuld")
    follow(page, page.get_by_role("button", name="Aanwezigheid bewaren"))
    assert "aanwezig" in page.locator(".alert-success").inner_text()
    screenshot(page, "groep-na-aanwezigheid")

    # The participant sees what is still missing, on the home page and on her own page.
    _sign_in(page, "frontoffice")
    assert "Mijn leergang" in page.locator("main").inner_text()
    follow(page, page.get_by_role("link", name="Mijn leergang", exact=True).first)
    missing = page.get_by_text("Nog nodig:").inner_text()
    assert "e-learning" in missing
    screenshot(page, "deelnemer-voortgang")

    # MT: the overview per branch, and a participation PDF from the finished group.
    _sign_in(page, "mt")
    follow(page, page.get_by_role("link", name="Leergang", exact=True).first)
    follow(page, page.get_by_role("link", name="Overzicht per vestiging"))
    table = page.locator("table").first.inner_text()
    assert "Centrale bibliotheek" in table and "Vestiging Noord" in table
    screenshot(page, "mt-overzicht")
    follow(page, page.get_by_role("link", name="Leergang", exact=True).first)
    follow(page, page.get_by_role("link", name="groep 1"))
    follow(page, page.get_by_role("link", name="Anouk de Groot"))
    pdf = download(page, page.get_by_role("link", name="Deelnamebewijs (PDF)"))
    data = pdf.path().read_bytes()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())
    assert "Anouk de Groot" in text
    assert "verstrekt door de KB" in text
