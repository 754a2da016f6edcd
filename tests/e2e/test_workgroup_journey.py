"""A workgroup member works through a phase in the browser, the way the workgroup will."""

import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from tests.e2e.conftest import download, login
from tests.factories import PASSWORD
from themes.models import Cycle, StepProgress, SummaryAnswer

pytestmark = pytest.mark.django_db(transaction=True)

ANSWER = "Directie en MT kennen het belang; de gemeente is in oktober bijgepraat."


@pytest.fixture
def wegwijzer(library):
    call_command("loaddata", "wegwijzer_inhoud", verbosity=0)
    return Cycle.objects.create(library=library, name="2026", is_current=True)


def matrix_cell(page, theme, phase_index):
    row = page.locator("table.matrix tbody tr", has_text=theme)
    return row.locator("td").nth(phase_index)


def test_workgroup_ticks_steps_answers_and_downloads_dossier(page, users, wegwijzer, screenshot):
    login(page, users["werkgroep"].username, PASSWORD)
    page.get_by_role("link", name="Wegwijzer", exact=True).first.click()
    assert "niet gestart" in matrix_cell(page, "Gezinsaanpak algemeen", 0).inner_text()
    screenshot(page, "matrix-voor")

    matrix_cell(page, "Gezinsaanpak algemeen", 0).get_by_role("link").click()
    page.wait_for_url("**/wegwijzer/gezinsaanpak-algemeen/orientatie/")
    # With JavaScript on, ticking swaps the step in place: no page load.
    page.evaluate("window.__noReload = true")
    for number in range(1, 5):
        page.get_by_role("button", name=f"Stap {number} afvinken").click()
        page.get_by_role("button", name=f"Stap {number} weer openzetten").wait_for()
    assert page.evaluate("window.__noReload") is True
    assert "4 van 4 stappen gedaan" in page.locator("#fase-voortgang").inner_text()
    screenshot(page, "fase-afgevinkt")

    page.get_by_label("Antwoord").fill(ANSWER)
    page.get_by_label("Ja").check()
    page.get_by_role("button", name="Antwoord opslaan").click()
    assert "Je antwoord is opgeslagen" in page.locator(".messages").inner_text()
    assert "afgerond" in page.locator("#fase-voortgang").inner_text()
    screenshot(page, "antwoord-opgeslagen")

    page.get_by_role("link", name="Wegwijzer", exact=True).first.click()
    assert "afgerond" in matrix_cell(page, "Gezinsaanpak algemeen", 0).inner_text()
    screenshot(page, "matrix-na")

    download_info = download(page, page.get_by_role("link", name="Dossier als PDF"))
    pdf = download_info.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert ANSWER in text

    assert StepProgress.objects.filter(is_done=True).count() == 4
    assert SummaryAnswer.objects.get().text == ANSWER


def test_ticking_works_without_javascript(browser, live_server, users, wegwijzer):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1024, "height": 768}
    )
    page = context.new_page()
    page.base_url = live_server.url
    login(page, users["werkgroep"].username, PASSWORD)
    page.goto(f"{live_server.url}/wegwijzer/programmering/creatie/")
    page.get_by_role("button", name="Stap 2 afvinken").click()
    page.wait_for_load_state()
    assert "Stap 2 staat op gedaan" in page.locator(".messages").inner_text()
    assert page.get_by_role("button", name="Stap 2 weer openzetten").is_visible()
    context.close()
