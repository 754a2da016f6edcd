"""The yearly Quickscan in the browser: two respondents answer differently, the coordinator sets
the agreed answers and closes the round, MT downloads the PDF and reads both years in it."""

import io
import re
from pathlib import Path

import pytest
from django.utils import timezone
from pypdf import PdfReader

from quickscan.models import Item, Rating, Respondent, Round, RoundItem, Section
from tests.e2e.conftest import download, follow, login
from tests.factories import PASSWORD
from tests.quickscan.helpers import make_round

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
ACTION = "Actieplan laten vaststellen door het MT"
WHY = "We hebben nog geen vaste trekker."


@pytest.fixture
def year():
    return timezone.localdate().year


@pytest.fixture
def last_year(library, users, year):
    """A small questionnaire and last year's closed round: 1 + 0 + 2 of 6 points, 50%."""
    general = Section.objects.create(
        key="gezinsaanpak-algemeen", title="Gezinsaanpak algemeen", order=1
    )
    programme = Section.objects.create(key="programmering", title="Programmering", order=2)
    for order, (section, key, text, phase) in enumerate(
        [
            (
                general,
                "alg-trekker-werkgroep",
                "Er is een interne trekker en een werkgroep met Jeugd & Educatie en "
                "Basisvaardigheden.",
                "creatie",
            ),
            (general, "alg-actieplan", "Er is een actieplan waar het MT achter staat.", "creatie"),
            (programme, "pr-overzicht", "Er is een overzicht van het aanbod.", "orientatie"),
        ],
        start=1,
    ):
        Item.objects.create(
            section=section,
            key=key,
            text=text,
            order=order,
            theme_slug=section.key,
            phase_kind=phase,
            introduced_in=year - 1,
        )
    return make_round(
        library,
        year - 1,
        users["trekker"],
        {
            "alg-trekker-werkgroep": Rating.DEELS,
            "alg-actieplan": Rating.NOG_NIET,
            "pr-overzicht": Rating.OP_ORDE,
        },
    )


def signed_in(browser, live_server, user, *, javascript=True):
    context = browser.new_context(
        viewport={"width": 1024, "height": 768},
        locale="nl-NL",
        accept_downloads=True,
        java_script_enabled=javascript,
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.base_url = live_server.url
    # No page may need inline script: the CSP (script-src 'self') would block it.
    page.csp_errors = []
    page.on(
        "console",
        lambda m: page.csp_errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    login(page, user.username, PASSWORD)
    return page


def close(page):
    assert page.csp_errors == []
    page.context.close()


def check_axe(page):
    """WCAG 2.1 AA on the page in front of us: no serious or critical violations."""
    if not AXE.exists():
        return  # tests/e2e/test_accessibility.py reports the missing axe-core
    page.wait_for_load_state("load")
    # Evaluated through the browser's debugging protocol: the page's CSP stays in force.
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    serious = [
        (v["id"], [n["target"] for n in v["nodes"][:3]])
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert not serious, f"{page.url}: {serious}"


def answer_item(page, number, label):
    group = page.get_by_role("group", name=re.compile(rf"^{re.escape(number)} "))
    group.get_by_label(label, exact=True).check()


def fill_in(page, answers, *, explanation=None):
    """Answer on the answer page; with JavaScript every change is saved as it goes."""
    for number, label in answers.items():
        answer_item(page, number, label)
        page.locator("#opslag-status", has_text="Opgeslagen om").wait_for()
    if explanation:
        number, text = explanation
        page.get_by_text(f"Toelichting bij {number}", exact=True).click()
        field = page.get_by_label(f"Toelichting bij {number} (niet verplicht)")
        field.fill(text)
        # Leaving the field saves it in the background. Hand in after that save: the test's
        # in-memory database refuses a second writer at once, where a real one makes it wait.
        with page.expect_response(lambda response: response.request.method == "POST"):
            field.blur()
    follow(page, page.get_by_role("button", name="Opslaan en inleveren"))
    assert "Je antwoorden zijn ingeleverd" in page.locator(".messages").inner_text()


def pdf_text(download) -> list[str]:
    pdf = download.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def test_two_respondents_agree_close_and_mt_reads_the_pdf(
    browser, live_server, users, last_year, year, screenshot
):
    # The coordinator opens this year's round; the workgroup is invited by default.
    trekker = signed_in(browser, live_server, users["trekker"])
    trekker.goto(f"{live_server.url}/quickscan/")
    trekker.get_by_role("link", name="Nieuwe ronde openen").click()
    assert trekker.get_by_label("Jaar").input_value() == str(year)
    trekker.get_by_role("button", name="Ronde openen").click()
    trekker.wait_for_load_state()
    assert f"De Quickscan {year} is geopend" in trekker.locator(".messages").inner_text()
    screenshot(trekker, "ronde-geopend")
    rnd = Round.objects.get(year=year)
    assert {r.user.username for r in Respondent.objects.filter(round=rnd)} == {
        "werkgroep",
        "trekker",
    }

    # Each answers on their own, differently on 1.1.
    follow(trekker, trekker.get_by_role("link", name="Quickscan invullen"))
    check_axe(trekker)
    fill_in(trekker, {"1.1": "op orde", "1.2": "deels", "2.1": "op orde"})
    werkgroep = signed_in(browser, live_server, users["werkgroep"])
    werkgroep.goto(f"{live_server.url}/quickscan/")
    werkgroep.get_by_role("link", name=f"Quickscan {year} invullen").click()
    fill_in(
        werkgroep, {"1.1": "nog niet", "1.2": "deels", "2.1": "op orde"}, explanation=("1.1", WHY)
    )
    screenshot(werkgroep, "ingeleverd")
    close(werkgroep)

    # The workgroup sees every answer, the disagreement highlighted, and agrees.
    trekker.goto(f"{live_server.url}/quickscan/")
    follow(trekker, trekker.get_by_role("link", name="Antwoorden afstemmen"))
    first = trekker.locator("#vraag-alg-trekker-werkgroep")
    assert "Verschil van mening: van op orde tot nog niet" in first.inner_text()
    assert WHY in first.inner_text()
    assert "Verschil van mening" not in trekker.locator("#vraag-alg-actieplan").inner_text()
    check_axe(trekker)
    screenshot(trekker, "afstemmen")
    trekker.evaluate("window.__noReload = true")

    first.get_by_label("op orde", exact=True).check()
    first.get_by_role("button", name="Afgesproken antwoord opslaan").click()
    trekker.locator("#vraag-alg-trekker-werkgroep", has_text="is opgeslagen").wait_for()

    plan = trekker.locator("#vraag-alg-actieplan")
    plan.get_by_label("deels", exact=True).check()
    plan.get_by_label(re.compile(r"Actie: wat gaat er gebeuren")).fill(ACTION)
    plan.get_by_label(re.compile(r"Wie pakt het op")).select_option(str(users["werkgroep"].pk))
    plan.get_by_label(re.compile(r"Klaar op")).fill(f"{year + 1}-03-01")
    plan.get_by_role("button", name="Afgesproken antwoord opslaan").click()
    trekker.locator("#vraag-alg-actieplan", has_text="is opgeslagen").wait_for()

    overview = trekker.locator("#vraag-pr-overzicht")
    overview.get_by_label("op orde", exact=True).check()
    overview.get_by_role("button", name="Afgesproken antwoord opslaan").click()
    trekker.locator("#vraag-pr-overzicht", has_text="is opgeslagen").wait_for()
    assert trekker.evaluate("window.__noReload") is True  # swapped in place, no page load
    assert (
        "3 van 3 stellingen hebben een afgesproken antwoord"
        in trekker.locator("#afstem-voortgang").inner_text()
    )
    screenshot(trekker, "afgesproken")

    # The coordinator closes the round.
    trekker.get_by_role("link", name=f"Ronde {year}").click()
    trekker.get_by_role("button", name=f"Quickscan {year} afsluiten").click()
    trekker.wait_for_load_state()
    assert "is afgesloten" in trekker.locator(".messages").inner_text()
    close(trekker)
    rnd.refresh_from_db()
    assert not rnd.is_open
    agreed = dict(RoundItem.objects.filter(round=rnd).values_list("item__key", "agreed"))
    assert agreed == {
        "alg-trekker-werkgroep": Rating.OP_ORDE,
        "alg-actieplan": Rating.DEELS,
        "pr-overzicht": Rating.OP_ORDE,
    }

    # MT reads the outcome and downloads the PDF: 5 of 6 points, 83%, was 50%.
    mt = signed_in(browser, live_server, users["mt"])
    mt.goto(f"{live_server.url}/quickscan/")
    outcome = mt.get_by_role("region", name=f"Uitkomst {year}")
    assert "83%" in outcome.inner_text()
    assert f"+33 procentpunt ten opzichte van {year - 1}" in outcome.inner_text()
    follow(mt, mt.get_by_role("link", name="Vergelijking met eerdere jaren").first)
    check_axe(mt)
    screenshot(mt, "vergelijking")
    follow(mt, mt.get_by_role("link", name=f"Resultaten {year}"))
    check_axe(mt)
    download_info = download(mt, mt.get_by_role("link", name="Rapport voor het MT (PDF)"))
    pages = pdf_text(download_info)
    close(mt)

    text = " ".join(pages)
    assert f"Quickscan gezinsaanpak {year}" in pages[0]
    summary = pages[1]
    assert "Totaalscore 83%" in summary
    assert f"In {year - 1} was dat 50%" in summary
    assert "+33 procentpunt (verbeterd)" in summary
    assert f"Onderdeel {year - 1} {year} Verandering" in summary
    assert "1. Gezinsaanpak algemeen 25% 75% ▲ verbeterd (+50)" in summary
    assert "2. Programmering 100% 100% = gelijk gebleven" in summary
    assert "Totaal 50% 83%" in summary
    # The disagreement on 1.1, counted (who said what, and why, is in the app and the CSV).
    assert "Waar de werkgroep het oneens was" in text
    assert "op orde: 1 · nog niet: 1" in text
    assert ACTION in pages[-1] and users["werkgroep"].get_full_name() in pages[-1]
    assert f"Pagina 2 van {len(pages)}" in summary


def test_answering_and_agreeing_work_without_javascript(
    browser, live_server, users, last_year, year
):
    rnd = make_round(
        last_year.library, year, users["trekker"], close=False, invitees=[users["werkgroep"]]
    )
    page = signed_in(browser, live_server, users["werkgroep"], javascript=False)
    page.goto(f"{live_server.url}/quickscan/ronde/{rnd.pk}/invullen/")
    answer_item(page, "1.1", "deels")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.wait_for_load_state()
    assert "Je antwoorden zijn opgeslagen" in page.locator(".messages").inner_text()
    page.get_by_role("button", name="Opslaan en inleveren").click()
    page.wait_for_load_state()
    assert "nog niet ingeleverd" in page.locator("#inlever-fouten").inner_text()
    assert page.locator(".qs-missing").count() == 2
    answer_item(page, "1.2", "weet ik niet")
    answer_item(page, "2.1", "n.v.t.")
    page.get_by_role("button", name="Opslaan en inleveren").click()
    page.wait_for_load_state()
    assert "Je antwoorden zijn ingeleverd" in page.locator(".messages").inner_text()

    page.goto(f"{live_server.url}/quickscan/ronde/{rnd.pk}/afstemmen/")
    item = page.locator("#vraag-alg-actieplan")
    item.get_by_label("op orde", exact=True).check()
    item.get_by_label(re.compile(r"Actie: wat gaat er gebeuren")).fill("Niet nodig")
    item.get_by_role("button", name="Afgesproken antwoord opslaan").click()
    page.wait_for_load_state()
    assert "hoort bij een antwoord dat ‘deels’ of ‘nog niet’ is" in page.content()
    page.get_by_label(re.compile(r"Actie: wat gaat er gebeuren")).fill("")
    page.get_by_role("button", name="Afgesproken antwoord opslaan").click()
    page.wait_for_load_state()
    assert "is opgeslagen" in page.locator(".messages").inner_text()
    assert RoundItem.objects.get(round=rnd, item__key="alg-actieplan").agreed == Rating.OP_ORDE
    close(page)
