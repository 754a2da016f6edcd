"""Keyboard and screen-reader checks beyond axe: where the focus goes, what is announced, and
whether the page still works with WCAG 1.4.12 text spacing and at 320 px (issue 16, 11-15)."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from quickscan.models import Rating, RoundItem
from referrals.defaults import referral_options_create_defaults
from referrals.models import Offer, Referral
from tests.e2e.conftest import follow, login
from tests.e2e.test_quickscan_journey import check_axe
from tests.factories import PASSWORD
from tests.quickscan.helpers import make_round
from themes.models import Cycle

pytestmark = pytest.mark.django_db(transaction=True)

DEMO = "wegwijzer-demo"  # setup_demo's password
# WCAG 1.4.12, as the bookmarklet testers use: the content must survive it.
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"
)
FOCUSED_BOX = "(() => { const r = document.activeElement.getBoundingClientRect();"
FOCUSED_BOX += " return {top: r.top, bottom: r.bottom}; })()"


def open_page(
    browser, live_server, user, *, width=1024, height=768, bypass_csp=False, password=PASSWORD
):
    # Reduced motion: Bootstrap scrolls smoothly otherwise, and a box measured mid-scroll lies.
    context = browser.new_context(
        viewport={"width": width, "height": height},
        locale="nl-NL",
        reduced_motion="reduce",
        bypass_csp=bypass_csp,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url
    login(page, user.username, password)
    return page


def focused_id(page) -> str:
    return page.evaluate("document.activeElement.id")


def described_by_text(page, locator) -> str:
    ids = (locator.get_attribute("aria-describedby") or "").split()
    assert ids, "no aria-describedby"
    return " ".join(page.locator(f"[id='{i}']").inner_text() for i in ids)


@pytest.fixture
def questionnaire(library, users):
    """This year's round of the real questionnaire (38 statements), the workgroup invited."""
    call_command("loaddata", "quickscan_vragenlijst", verbosity=0)
    rnd = make_round(
        library,
        timezone.localdate().year,
        users["trekker"],
        close=False,
        invitees=[users["werkgroep"], users["trekker"]],
    )
    assert RoundItem.objects.filter(round=rnd).count() == 38
    return rnd


def test_answer_page_counts_navigates_and_sends_hand_in_errors_to_each_statement(
    browser, live_server, users, questionnaire, screenshot
):
    page = open_page(browser, live_server, users["werkgroep"])
    page.goto(f"{live_server.url}/quickscan/ronde/{questionnaire.pk}/invullen/")
    progress = page.locator("#invul-voortgang")
    assert "0 van 38 stellingen beantwoord" in progress.inner_text()
    chapters = page.get_by_role("navigation", name="Hoofdstukken")
    assert chapters.get_by_role("link").count() == 7
    chapters.get_by_role("link", name="Programmering").click()
    assert page.url.endswith("#onderdeel-programmering")
    assert page.locator("#volgende-open").inner_text() == "Volgende stelling zonder antwoord (1.1)"

    # Answering saves as it goes; the counter and "next" follow without a page load.
    page.get_by_role("group", name=re.compile(r"^1\.1 ")).get_by_label("deels", exact=True).check()
    page.locator("#opslag-status", has_text="1 van 38 stellingen beantwoord").wait_for()
    assert "1 van 38 stellingen beantwoord" in progress.inner_text()
    assert "(1 van 6)" in chapters.inner_text()
    assert page.locator("#volgende-open").inner_text() == "Volgende stelling zonder antwoord (1.2)"
    page.locator("#volgende-open a").click()
    assert focused_id(page).startswith("id_antwoord_") and focused_id(page).endswith("_0")
    assert (
        page.locator(":focus").evaluate("e => e.closest('fieldset').innerText").startswith("1.2 ")
    )

    # Handing in too early: the alert takes the focus and links to every open statement.
    follow(page, page.get_by_role("button", name="Opslaan en inleveren"))
    alert = page.locator("#inlever-fouten")
    assert focused_id(page) == "inlever-fouten"
    assert "Nog 37 van de 38 stellingen hebben geen antwoord" in alert.inner_text()
    assert alert.get_by_role("link").count() == 37
    assert "rode streep" not in page.content()
    screenshot(page, "inleveren-fouten")
    check_axe(page)
    notes = page.locator(".qs-missing-note")
    assert notes.count() == 37
    for fieldset in page.locator("fieldset.qs-options:has(.qs-missing-note)").all()[:3]:
        assert described_by_text(page, fieldset) == "Nog geen antwoord"

    # Following a link lands in that statement's choices, clear of the sticky save bar.
    alert.get_by_role("link", name="stelling 4.3").click()
    group = page.locator(":focus").evaluate("e => e.closest('fieldset').innerText")
    assert group.startswith("4.3 ")
    box = page.evaluate(FOCUSED_BOX)
    bar_top = page.locator(".qs-savebar").bounding_box()["y"]
    assert box["bottom"] <= bar_top
    page.keyboard.press("Space")
    page.locator("#opslag-status", has_text="2 van 38").wait_for()

    # Tabbing down the page never puts the focus under the save bar (WCAG 2.4.11).
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.qs-savebar') !== null"):
            continue
        box = page.evaluate(FOCUSED_BOX)
        assert box["bottom"] <= page.locator(".qs-savebar").bounding_box()["y"] + 1, box
    screenshot(page, "tab-onder-de-balk")
    page.context.close()


def test_desk_form_starts_in_the_first_field_and_marks_each_error(
    browser, live_server, users, library, screenshot
):
    referral_options_create_defaults(library=library)
    Offer.objects.get(library=library, name="Taalhuis").specialists.add(users["specialist"])
    page = open_page(browser, live_server, users["frontoffice"])
    follow(page, page.get_by_role("link", name="Verwijzing registreren").first)
    assert focused_id(page) == "id_offer_0"
    save = page.get_by_role("button", name="Verwijzing opslaan")
    box = save.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 768  # no scrolling at 1024x768
    screenshot(page, "balie-start")

    # Everything left empty: the summary takes the focus and lists the errors in the order
    # of the form.
    page.locator("#id_referred_at").fill("")
    follow(page, save)
    assert focused_id(page) == "fouten"
    summary = page.locator("#fouten")
    links = summary.get_by_role("link")
    labels = [links.nth(i).inner_text() for i in range(links.count())]
    assert labels == [
        "Verwezen naar",
        "Voor wie",
        "Hoe ging de overdracht?",
        "Signaal of vraag",
        "Waar",
        "Wanneer",
    ]
    targets = [links.nth(i).get_attribute("href") for i in range(links.count())]
    positions = [
        page.evaluate(
            "id => [...document.querySelectorAll('input,select,textarea')]"
            ".indexOf(document.getElementById(id))",
            target[1:],
        )
        for target in targets
    ]
    assert -1 not in positions and positions == sorted(positions)
    for group in ("#veld-offer", "#veld-audience", "#veld-handover", "#veld-signals"):
        fieldset = page.locator(group)
        assert fieldset.get_attribute("aria-invalid") == "true"
        assert "Kies" in described_by_text(page, fieldset)
    when = page.locator("#id_referred_at")
    assert when.get_attribute("aria-invalid") == "true"
    assert described_by_text(page, when).endswith("Vul in wanneer je verwees.")
    place = page.locator("#id_place")
    assert place.get_attribute("aria-invalid") == "true"
    assert described_by_text(page, place) == "Kies waar je verwees."
    assert page.locator("#id_note").get_attribute("aria-invalid") is None
    screenshot(page, "balie-fouten")
    check_axe(page)

    links.first.click()
    assert focused_id(page) == "id_offer_0"
    assert Referral.objects.count() == 0
    page.context.close()


def test_htmx_updates_keep_the_focus_and_are_announced(
    browser, live_server, users, library, questionnaire
):
    call_command("loaddata", "wegwijzer_inhoud", verbosity=0)
    Cycle.objects.create(library=library, name="2026", is_current=True)
    page = open_page(browser, live_server, users["werkgroep"])
    page.goto(f"{live_server.url}/wegwijzer/gezinsaanpak-algemeen/orientatie/")
    page.evaluate(
        "for (const id of ['stap-melding', 'fase-voortgang']) "
        "document.getElementById(id).dataset.original = 'yes'"
    )
    assert page.locator("#stap-melding").get_attribute("aria-live") == "polite"
    page.get_by_role("button", name="Stap 2 afvinken").focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Stap 2 weer openzetten").wait_for()
    assert focused_id(page) == "stap-2-vinken"
    assert page.locator(":focus").inner_text() == "Stap 2 weer openzetten"
    assert page.locator("#stap-melding").inner_text().startswith("Stap 2 staat op gedaan.")
    assert "1 van 4 stappen gedaan" in page.locator("#fase-voortgang").inner_text()
    # Both regions are the ones the page loaded with: updated in place, not replaced.
    assert page.locator("#stap-melding[data-original=yes]").count() == 1
    assert page.locator("#fase-voortgang[data-original=yes]").count() == 1
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Stap 2 afvinken").wait_for()
    assert focused_id(page) == "stap-2-vinken"
    assert page.locator("#stap-melding").inner_text().startswith("Stap 2 staat weer open.")

    # Agreeing an answer: the same for the save button and #afstem-status.
    page.goto(f"{live_server.url}/quickscan/ronde/{questionnaire.pk}/afstemmen/")
    page.evaluate("document.getElementById('afstem-status').dataset.original = 'yes'")
    item = page.locator("article.card").first
    item.get_by_label("op orde", exact=True).check()
    button_id = item.get_by_role("button", name="Afgesproken antwoord opslaan").get_attribute("id")
    item.get_by_role("button", name="Afgesproken antwoord opslaan").focus()
    page.keyboard.press("Enter")
    page.locator("#afstem-status", has_text="is opgeslagen").wait_for()
    assert focused_id(page) == button_id
    status = page.locator("#afstem-status[data-original=yes]")
    assert "Het afgesproken antwoord bij 1.1 is opgeslagen." in status.inner_text()
    assert "1 van 38 stellingen hebben een afgesproken antwoord" in status.inner_text()
    assert RoundItem.objects.filter(round=questionnaire, agreed=Rating.OP_ORDE).count() == 1
    page.context.close()


@pytest.fixture
def demo(settings):
    settings.DEBUG = True  # setup_demo refuses to run otherwise
    call_command("setup_demo", stdout=StringIO())
    settings.DEBUG = False


def test_text_spacing_320_px_and_wide_tables(browser, live_server, demo, screenshot):
    users = {
        user.username: user
        for user in get_user_model().objects.filter(username__in=["werkgroep", "mt", "beheer"])
    }
    for name in ("werkgroep", "beheer"):
        page = open_page(browser, live_server, users[name], bypass_csp=True, password=DEMO)
        page.add_style_tag(content=TEXT_SPACING)
        sign_out = page.get_by_role("button", name="Afmelden")
        box = sign_out.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 1024, box
        on_top = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y).closest('button')?.textContent.trim()",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        assert on_top == "Afmelden"
        assert page.evaluate("document.documentElement.scrollWidth") <= 1024
        screenshot(page, f"tekstafstand-{name}")
        page.context.close()

    page = open_page(browser, live_server, users["mt"], width=320, height=640, password=DEMO)
    name = page.locator(".navbar-library")
    assert name.evaluate("e => e.getClientRects().length") >= 1
    box = name.bounding_box()
    assert box["x"] + box["width"] <= 320
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.goto(f"{live_server.url}/verwijzingen/cijfers/")
    wrapper = page.locator(".table-responsive:has(table.matrix-dept)")
    assert wrapper.get_attribute("tabindex") == "0"
    assert wrapper.get_attribute("role") == "region"
    label = page.locator(f"#{wrapper.get_attribute('aria-labelledby')}").inner_text()
    assert label == "Van afdeling naar aanbod"
    assert wrapper.evaluate("e => e.scrollWidth > e.clientWidth")  # the table scrolls, ...
    assert page.evaluate("document.documentElement.scrollWidth") <= 320  # ... the page not
    screenshot(page, "cijfers-320")
    page.context.close()
