"""WCAG 2.1 AA with axe-core on every page each role can reach.

Each demo user starts on the home page and follows every link it is shown (same site, GET
pages; a couple of pages per view, so 28 phase pages do not all get checked). axe-core comes
from the npm registry into tests/e2e/axe/ and is injected by the test only: it is never
served to users.
"""

import json
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve

from tests.e2e.conftest import login

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PER_VIEW = 2
SKIP_SUFFIXES = (".pdf", ".csv")
SKIP_VIEWS = {"logout", "admin:logout", "admin:password_change", "admin:view_on_site"}
ROLES = ["werkgroep", "frontoffice", "specialist", "mt", "beheer"]


@pytest.fixture
def demo(settings):
    settings.DEBUG = True  # setup_demo refuses to run otherwise
    from io import StringIO

    call_command("setup_demo", stdout=StringIO())
    settings.DEBUG = False


def _view_name(path: str) -> str | None:
    try:
        return resolve(urlsplit(path).path).view_name
    except Resolver404:
        return None


def crawl(page, limit: int = 80) -> dict[str, list]:
    """Visit every reachable page; return the serious and critical violations per path."""
    per_view: Counter = Counter()
    queue, seen = ["/"], {"/"}
    found: dict[str, list] = {}
    while queue and len(found) < limit:
        path = queue.pop(0)
        response = page.goto(page.base_url + path)
        assert response.status < 400, f"{path} answered {response.status}"
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
            TAGS,
        )
        found[path] = [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "targets": [n["target"] for n in v["nodes"][:3]],
            }
            for v in result["violations"]
            if v["impact"] in {"serious", "critical"}
        ]
        for href in page.eval_on_selector_all(
            "a[href]", "els => els.map(e => e.getAttribute('href'))"
        ):
            if not href.startswith("/") or href.startswith("//"):
                continue
            target = href.split("#")[0]
            if not target or target in seen or urlsplit(target).path.endswith(SKIP_SUFFIXES):
                continue
            seen.add(target)
            view = _view_name(target)
            if view is None or view in SKIP_VIEWS or per_view[view] >= PER_VIEW:
                continue
            per_view[view] += 1
            queue.append(target)
    return found


@pytest.mark.parametrize("role", ROLES)
def test_every_reachable_page_passes_axe(browser, live_server, demo, role):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make setup-test` (npm ci in tests/e2e/axe).")
    context = browser.new_context(viewport={"width": 1024, "height": 768}, bypass_csp=True)
    page = context.new_page()
    page.base_url = live_server.url
    login(page, role, "wegwijzer-demo")
    found = crawl(page)
    context.close()
    # The list of pages checked, for the record (test-artifacts/ is not in git).
    report = Path(__file__).resolve().parents[2] / "test-artifacts" / f"axe-{role}.json"
    report.parent.mkdir(exist_ok=True)
    report.write_text(json.dumps(found, indent=1))
    assert len(found) >= 3, f"{role} reached too few pages: {sorted(found)}"
    problems = {path: v for path, v in found.items() if v}
    assert not problems, f"{role}: {problems}"
