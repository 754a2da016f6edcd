"""The trekker starts the next cycle in a browser without JavaScript: a form, a page that says
what will happen, a confirmation; open assignments go along (issue 16, point 9)."""

import datetime
import re

import pytest
from django.core.management import call_command

from tests.e2e.conftest import follow, login
from tests.factories import PASSWORD
from themes.models import Cycle, Step, StepProgress

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def running(library, users):
    call_command("loaddata", "wegwijzer_inhoud", verbosity=0)
    cycle = Cycle.objects.create(library=library, name="2026", is_current=True)
    step = Step.objects.get(
        phase__theme__slug="gezinsaanpak-algemeen", phase__kind="evaluatie", number=1
    )
    StepProgress.objects.create(
        cycle=cycle, step=step, assigned_to=users["werkgroep"], due_date=datetime.date(2026, 9, 1)
    )
    return cycle


@pytest.fixture
def no_script_page(browser, live_server):
    context = browser.new_context(
        viewport={"width": 1024, "height": 768}, locale="nl-NL", java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url
    yield page
    context.close()


def test_trekker_confirms_a_new_cycle_without_javascript(
    no_script_page, users, running, screenshot
):
    page = no_script_page
    login(page, users["trekker"].username, PASSWORD)
    page.goto(f"{page.base_url}/wegwijzer/cycli/")
    page.get_by_label("Naam van de nieuwe cyclus").fill("2027")
    page.get_by_role("radio", name=re.compile("^Meenemen")).check()
    screenshot(page, "formulier")
    follow(page, page.get_by_role("button", name="Verder"))

    assert page.title().startswith("Cyclus 2027 starten?")
    text = page.locator("main").inner_text()
    assert "Cyclus 2026 wordt afgesloten" in text
    assert "Jaarlijks de Quickscan herhalen en vergelijken" in text
    assert Cycle.objects.get(is_current=True).name == "2026"  # nothing happened yet
    screenshot(page, "bevestigen")

    follow(page, page.get_by_role("button", name="Ja, start cyclus 2027"))
    assert "Cyclus 2027 is gestart" in page.locator(".messages").inner_text()
    new = Cycle.objects.get(is_current=True)
    assert new.name == "2027"
    assert StepProgress.objects.get(cycle=new).assigned_to == users["werkgroep"]
