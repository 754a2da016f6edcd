"""Front office logs a referral at the desk, the specialist closes the loop, MT reads it."""

import io

import pytest
from pypdf import PdfReader

from referrals.defaults import referral_options_create_defaults
from referrals.models import Offer, Outcome, Referral
from tests.e2e.conftest import download, login
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def desk(library, users):
    referral_options_create_defaults(library=library)
    Offer.objects.get(library=library, name="Taalhuis").specialists.add(users["specialist"])
    return library


def tab_to(page, condition: str, limit: int = 60) -> None:
    """Press Tab until `condition` (JS, on `el` = the focused element) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {condition}; }})()"):
            return
    raise AssertionError(f"never reached {condition}")


def test_referral_from_desk_to_specialist_to_figures(browser, live_server, users, desk, screenshot):
    context = browser.new_context(viewport={"width": 1024, "height": 768}, accept_downloads=True)
    page = context.new_page()
    page.base_url = live_server.url

    # Front office, keyboard only, one submit.
    login(page, users["frontoffice"].username, PASSWORD)
    page.get_by_role("link", name="Verwijzing registreren").first.click()
    page.wait_for_url("**/verwijzingen/registreren/")
    screenshot(page, "balie-leeg")
    # The form opens with the focus on its first field: the first offer, Taalhuis.
    assert page.evaluate("document.activeElement.name") == "offer"
    page.keyboard.press("Space")
    tab_to(page, "el.name === 'audience'")
    page.keyboard.press("Space")  # Ouder
    tab_to(page, "el.name === 'handover'")
    page.keyboard.press("Space")  # warm: introduced in person
    tab_to(page, "el.name === 'signals'")
    page.keyboard.press("Space")  # Taalvraag
    tab_to(page, "el.name === 'place'")
    page.keyboard.press("ArrowDown")  # the first branch
    tab_to(page, "el.type === 'submit'")
    screenshot(page, "balie-ingevuld")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "Verwijzing naar Taalhuis opgeslagen" in page.locator(".messages").inner_text()
    assert page.locator("input[name=offer]:checked").count() == 0  # an empty form for the next
    screenshot(page, "balie-opgeslagen")
    referral = Referral.objects.get()
    assert referral.is_warm and referral.audience == "ouder" and referral.branch is not None
    page.get_by_role("button", name="Afmelden").click()

    # The specialist closes the loop.
    login(page, users["specialist"].username, PASSWORD)
    page.get_by_role("link", name="Inkomend", exact=True).click()
    page.get_by_role("link", name="Afhandelen").click()
    page.get_by_role("button", name="Ontvangen").click()
    assert "De verwijzing staat op ontvangen" in page.locator(".messages").inner_text()
    page.get_by_label("Gestart met het aanbod").check()
    page.get_by_label("Toelichting (verplicht bij").fill("Intake gehad, doet mee aan de taalgroep")
    screenshot(page, "specialist-afronden")
    page.get_by_role("button", name="Afronden").click()
    assert "De verwijzing is afgerond" in page.locator(".messages").inner_text()
    referral.refresh_from_db()
    assert referral.outcome == Outcome.STARTED
    page.get_by_role("button", name="Afmelden").click()

    # MT sees it counted and downloads the report.
    login(page, users["mt"].username, PASSWORD)
    page.get_by_role("link", name="Cijfers").first.click()
    figures = page.locator(".key-figures").inner_text()
    assert "1\nverwijzingen" in figures or "1 verwijzingen" in figures
    assert "100%" in figures  # warm, and arrived or started
    screenshot(page, "mt-cijfers")
    download_info = download(page, page.get_by_role("link", name="Rapport als PDF"))
    pdf = download_info.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Taalhuis" in text and desk.name in text
    context.close()
