"""Every page a role reaches: no inline style (the Content-Security-Policy allows none) and no
write to the database on a GET."""

import re
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

SKIP = (".pdf", ".csv", "/accounts/logout/", "/static/")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") if tag == "a" else None
        if href and href.startswith("/") and not href.startswith("//"):
            self.links.append(href.split("#")[0])


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("setup_demo", stdout=StringIO())
    settings.DEBUG = False


def test_policy_has_no_unsafe_inline(client_for):
    csp = client_for("mt").get("/")["Content-Security-Policy"]
    for directive in ("style-src", "script-src"):
        part = next(p for p in csp.split(";") if p.strip().startswith(directive))
        assert "unsafe-inline" not in part


@pytest.mark.parametrize("username", ["werkgroep", "mt", "specialist", "frontoffice", "beheer"])
def test_no_inline_style_and_no_write_on_any_page_a_role_reaches(client, demo, username):
    client.force_login(get_user_model().objects.get(username=username))
    queue, seen = ["/"], set()
    if username == "beheer":
        queue += ["/admin/", "/admin/auth/user/", "/admin/auth/user/add/"]
    while queue and len(seen) < 30:
        url = queue.pop(0)
        path = url.split("?")[0]
        if url in seen or path.endswith(SKIP) or any(s in url for s in SKIP):
            continue
        seen.add(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        writes = [
            q["sql"]
            for q in queries.captured_queries
            if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
            and "django_session" not in q["sql"]
        ]
        assert not writes, f"GET {url} writes: {writes}"
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        assert not re.search(r"<style[\s>]", html), f"<style> element on {url}"
        assert not re.search(r"\sstyle\s*=", html), f"style attribute on {url}"
        parser = _Links()
        parser.feed(html)
        queue += [link for link in parser.links if link not in seen]
    assert len(seen) > 5
