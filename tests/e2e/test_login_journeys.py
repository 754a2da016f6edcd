import pytest

from tests.e2e.conftest import login
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("werkgroep", "Werkgroep"),
        ("trekker", "Trekker"),
        ("frontoffice", "Frontoffice"),
        ("specialist", "Specialist"),
        ("mt", "MT"),
        ("beheer", "Beheer"),
    ],
)
def test_each_role_logs_in_and_lands_on_its_home(page, users, screenshot, who, expected):
    login(page, users[who].username, PASSWORD)
    assert page.url == f"{page.base_url}/"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Welkom")
    assert expected in page.locator("main").inner_text()
    screenshot(page, "home")
    page.get_by_role("button", name="Afmelden").click()
    page.wait_for_url(f"{page.base_url}/accounts/login/")


def test_wrong_password_gives_a_dutch_message(page, users, screenshot):
    login(page, "mt", "fout-wachtwoord")
    assert (
        "combinatie van gebruikersnaam en wachtwoord klopt niet"
        in page.locator("main").inner_text()
    )
    screenshot(page, "login-fout")


def test_skip_link_is_first_on_the_page_and_moves_focus_to_main(page, users):
    login(page, "mt", PASSWORD)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Direct naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
