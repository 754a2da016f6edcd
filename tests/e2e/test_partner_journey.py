"""Front office refers to an external partner, the partner reports back through the link
without an account, and the referrer sees the outcome. Partner pages pass axe-core too."""

import pytest

from referrals.defaults import referral_options_create_defaults
from referrals.models import Offer, PartnerContact, Referral, ReferralEvent, Status
from tests.e2e.conftest import login
from tests.e2e.test_accessibility import AXE, TAGS
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def desk(library, users):
    referral_options_create_defaults(library=library)
    Offer.objects.get(library=library, name="Taalhuis").specialists.add(users["specialist"])
    contact = PartnerContact.objects.create(
        library=library,
        organisation="Consultatiebureau Testdorp",
        name="Anouk",
        email="anouk@consultatiebureau.example.org",
    )
    Offer.objects.filter(library=library, department="extern").update(partner_contact=contact)
    return contact


def axe_problems(page) -> list:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        (v["id"], v["help"]) for v in result["violations"] if v["impact"] in {"serious", "critical"}
    ]


def test_partner_link_closes_the_loop(browser, live_server, users, desk, screenshot):
    staff = browser.new_context(viewport={"width": 1024, "height": 768})
    page = staff.new_page()
    page.base_url = live_server.url

    # The front office refers a parent to the consultatiebureau.
    login(page, users["frontoffice"].username, PASSWORD)
    page.goto(f"{live_server.url}/verwijzingen/registreren/")
    page.locator("label", has_text="Consultatiebureau").click()
    page.locator("label", has_text="Ouder").click()
    page.locator("label", has_text="Warm: persoonlijk voorgesteld").click()
    page.locator("label", has_text="Voorlezen / opvoeding").click()
    page.select_option("select[name=place]", index=1)
    page.get_by_role("button", name="Verwijzing opslaan").click()
    assert "Verwijzing naar Consultatiebureau opgeslagen" in page.locator(".messages").inner_text()
    referral = Referral.objects.get()
    assert referral.status == Status.VERSTUURD

    # The referral shows the link for the partner.
    page.goto(f"{live_server.url}/verwijzingen/")
    page.locator(f"a[href='/verwijzingen/{referral.pk}/']").click()
    link = page.locator("#partnerlink").input_value()
    assert link.startswith(live_server.url + "/verwijzingen/partner/")
    screenshot(page, "verwijzer-met-partnerlink")
    page.get_by_role("button", name="Afmelden").click()

    # The partner, without an account, in a browser of their own.
    outside = browser.new_context(viewport={"width": 1024, "height": 768}, bypass_csp=True)
    partner = outside.new_page()
    partner.goto(link)
    assert "Verwijzing naar Consultatiebureau" in partner.locator("h1").inner_text()
    assert axe_problems(partner) == []
    screenshot(partner, "partner-link")
    partner.get_by_role("button", name="Ontvangen").click()
    partner.wait_for_url("**/bedankt/")
    assert "ontvangen" in partner.locator("main").inner_text()
    assert axe_problems(partner) == []
    partner.get_by_role("link", name="Terug naar de verwijzing").click()
    partner.get_by_label("Aangekomen").check()
    partner.get_by_role("button", name="Afronden").click()
    partner.wait_for_url("**/bedankt/")
    assert "afgerond" in partner.locator("main").inner_text()
    screenshot(partner, "partner-bedankt")

    # The same link again: nothing more to change.
    partner.goto(link)
    assert "kun je niets meer wijzigen" in partner.locator("main").inner_text()
    assert partner.get_by_role("button", name="Afwijzen").count() == 0
    # A link that was tampered with gets a clear page.
    partner.goto(link.rstrip("/")[:-2] + "xx/")
    assert "Deze link werkt niet" in partner.locator("h1").inner_text()
    assert axe_problems(partner) == []
    outside.close()

    referral.refresh_from_db()
    assert (referral.status, referral.outcome) == (Status.AFGEROND, "arrived")
    kinds = list(referral.events.values_list("kind", "by_partner"))
    assert kinds == [
        (ReferralEvent.Kind.RECEIVED, desk.pk),
        (ReferralEvent.Kind.COMPLETED, desk.pk),
    ]

    # The referrer sees the outcome in the list and on the referral.
    login(page, users["frontoffice"].username, PASSWORD)
    page.goto(f"{live_server.url}/verwijzingen/")
    assert "Afgerond: aangekomen" in page.locator("table").inner_text()
    page.goto(f"{live_server.url}/verwijzingen/{referral.pk}/")
    body = page.locator("main").inner_text()
    assert "Aangekomen" in body and "Consultatiebureau Testdorp" in body
    screenshot(page, "verwijzer-ziet-uitkomst")
    staff.close()
