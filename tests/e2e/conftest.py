"""Browser journeys: Playwright driving Debian's Chromium against pytest-django's live_server."""

import os
import re
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM is fine with that here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium package (make setup-test)."
        if os.environ.get("CI"):
            pytest.fail(message)  # in CI a browser test may never be skipped
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, request):
    context = browser.new_context(
        viewport={"width": 1024, "height": 768}, locale="nl-NL", accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.base_url = live_server.url
    yield page
    context.close()


@pytest.fixture
def screenshot(request):
    """screenshot(page, "step") saves test-artifacts/screenshots/<test>-<step>.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    test_name = re.sub(r"[^a-zA-Z0-9_-]+", "-", request.node.name)

    def _take(page, step: str) -> Path:
        path = ARTIFACTS / f"{test_name}-{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return _take


def login(page, username: str, password: str) -> None:
    page.goto(f"{page.base_url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    follow(page, page.get_by_role("button", name="Aanmelden"))


# A PDF renders in a second on a quiet machine, but the CI machine may be busy with other work.
PDF_TIMEOUT_MS = 90_000


def download(page, target):
    """Click a link to a file (a PDF) and return the finished download."""
    with page.expect_download(timeout=PDF_TIMEOUT_MS) as info:
        target.click(timeout=PDF_TIMEOUT_MS)
    return info.value


def follow(page, target) -> None:
    """Click a link or plain submit button and wait until the next page has loaded.

    A click only starts the navigation; code that reads or evaluates the page right after it
    can meet the old document or none at all (axe then fails on a null document).
    """
    with page.expect_navigation(wait_until="load"):
        target.click()
