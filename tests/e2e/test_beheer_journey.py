"""Beheer without the Django admin: invites a colleague who sets a password and starts at the
desk, adds an offer with a specialist receiving it, and retitles a step that then shows on the
phase page and in the dossier PDF."""

import io
import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from pypdf import PdfReader

from referrals.models import Offer
from tests.e2e.conftest import download, login
from themes.models import Step

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("setup_demo", stdout=StringIO())
    settings.DEBUG = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []


def pdf_text(download) -> str:
    data = download.path().read_bytes()
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def logout(page):
    page.goto(f"{page.base_url}/")
    page.get_by_role("button", name="Afmelden").click()
    page.wait_for_load_state()


def test_beheer_invites_adds_an_offer_and_retitles_a_step(page, demo, screenshot):
    login(page, "beheer", "wegwijzer-demo")
    page.get_by_role("link", name="Beheer", exact=True).first.click()
    page.get_by_role("heading", name="Eerste keer").wait_for()
    assert page.locator("a[href^='/admin/']").count() == 0
    screenshot(page, "beheer-start")

    # Invite a front-office colleague.
    page.get_by_role("link", name="Medewerkers", exact=True).first.click()
    page.get_by_role("link", name="Collega uitnodigen").click()
    page.get_by_label("Voornaam").fill("Fenna")
    page.get_by_label("Achternaam").fill("Balie")
    page.get_by_label("E-mailadres").fill("fenna@bibliotheek.example")
    page.get_by_role("checkbox", name=re.compile(r"^Frontoffice")).check()
    page.get_by_label("Vaste vestiging").select_option(index=1)
    screenshot(page, "uitnodigen")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    page.get_by_text("De uitnodiging gaat naar fenna@bibliotheek.example").wait_for()
    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+/accounts/uitnodiging/\S+/", mail.outbox[0].body).group(0)
    logout(page)

    # The colleague chooses a password and lands at the desk.
    page.goto(link)
    page.get_by_role("heading", name="Welkom bij de Wegwijzer").wait_for()
    page.locator("#id_new_password1").fill("balie-wachtwoord-2026")
    page.locator("#id_new_password2").fill("balie-wachtwoord-2026")
    page.get_by_role("button", name="Wachtwoord opslaan").click()
    page.get_by_role("heading", name="Je account is klaar").wait_for()
    login(page, "fenna@bibliotheek.example", "balie-wachtwoord-2026")
    page.get_by_role("link", name="Verwijzing registreren").first.click()
    page.get_by_text("Verwezen naar").first.wait_for()
    screenshot(page, "collega-aan-de-balie")
    logout(page)

    # Beheer adds an offer that the specialist receives.
    login(page, "beheer", "wegwijzer-demo")
    page.goto(f"{page.base_url}/beheer/")
    page.get_by_role("link", name="Aanbod en partners").first.click()
    page.get_by_role("link", name="Aanbod toevoegen").click()
    page.get_by_label("Naam van het aanbod").fill("Schuldhulpmaatje")
    page.get_by_label("Afdeling").select_option(label="Externe partner")
    page.get_by_role("checkbox", name="Samir El Amrani").check()
    screenshot(page, "aanbod-toevoegen")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Aanbod Schuldhulpmaatje is opgeslagen.").wait_for()
    offer = Offer.objects.get(name="Schuldhulpmaatje")
    assert offer.department == "extern"
    assert [u.username for u in offer.specialists.all()] == ["specialist"]

    # Beheer retitles a step, previews it and finds it on the phase page and in the PDF.
    step = Step.objects.get(phase__theme__slug="programmering", phase__kind="creatie", number=1)
    page.get_by_role("link", name="Inhoud", exact=True).first.click()
    page.locator("summary", has_text="Programmering").click()
    page.locator(f"#stap-{step.pk} a").click()
    page.get_by_label("Titel").fill("Criteria samen vaststellen")
    page.get_by_label("Tekst").fill("Bespreek de criteria met **het hele team**.")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    page.locator(".step-text strong", has_text="het hele team").wait_for()
    screenshot(page, "stap-voorbeeld")
    page.get_by_role("button", name="Opslaan").click()
    step.refresh_from_db()
    assert step.title == "Criteria samen vaststellen"

    page.goto(f"{page.base_url}/wegwijzer/programmering/creatie/")
    heading = page.locator(f"#stap-{step.number}-kop")
    assert "Criteria samen vaststellen" in heading.inner_text()
    assert page.locator(f"#stap-{step.number} .step-text strong").inner_text() == "het hele team"
    screenshot(page, "fase-met-nieuwe-titel")
    page.get_by_role("link", name="Wegwijzer", exact=True).first.click()
    dossier = download(page, page.get_by_role("link", name="Dossier als PDF"))
    text = pdf_text(dossier)
    assert "Criteria samen vaststellen" in text
    assert "**" not in text
