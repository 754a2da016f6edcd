"""Every page, PDF and export the demo roles can reach by following links shows text, never
template source or a bare None (a comment that spans lines, a misspelt variable); no PDF page
holds a single line cut off from the rest."""

import html
import io
import re
from io import StringIO
from urllib.parse import urldefrag, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import Resolver404, resolve
from pypdf import PdfReader

from core.demo import DEMO_USERS
from tests.pdftext import page_lines

pytestmark = pytest.mark.django_db

# Leaving the app (logout), the framework's own admin, files: not pages the app writes.
SKIP = ("/accounts/logout/", "/admin/", "/static/", "/media/")
# Enough variety per kind of page (a list, a detail, each round's PDF) to keep the walk short.
PER_VIEW = 2
TEMPLATE_SYNTAX = re.compile(r"\{#|#\}|\{%|%\}|\{\{|\}\}")
BARE_NONE = re.compile(r"\bNone\b")
FOOTER = re.compile(r"Pagina \d+ van \d+$")


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("setup_demo", stdout=StringIO())
    settings.DEBUG = False


def _visible_text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    # Attribute values (labels, titles, values) are read out too: keep them.
    attributes = " ".join(re.findall(r'(?:aria-label|title|value|alt|placeholder)="([^"]*)"', page))
    return html.unescape(re.sub(r"<[^>]+>", " ", page) + " " + attributes)


def _links(page: str) -> list[str]:
    found = []
    for href in re.findall(r'<a\b[^>]*\bhref="([^"]+)"', page):
        url = urldefrag(html.unescape(href))[0]
        if url.startswith("/") and not url.startswith("//") and not url.startswith(SKIP):
            found.append(url)
    return found


def _view_name(url: str) -> str | None:
    try:
        return resolve(urlsplit(url).path).view_name
    except Resolver404:
        return None


def _lone_lines(pdf: bytes) -> list[str]:
    """Pages whose only text, besides the footer (title and page number), is one line."""
    pages = page_lines(pdf)
    lone = []
    for number, lines in enumerate(pages[1:], start=2):
        body = [line for line in lines if not FOOTER.search(line)]
        if len(body) == 1:
            lone.append(f"page {number}: {body[0]}")
    return lone


def _text_of(response) -> tuple[str, str]:
    kind = response.get("Content-Type", "")
    if kind.startswith("application/pdf"):
        reader = PdfReader(io.BytesIO(response.content))
        return "pdf", "\n".join(page.extract_text() for page in reader.pages)
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode("utf-8", errors="replace")
    if kind.startswith("text/html"):
        return "html", _visible_text(body)
    return "other", body


def test_no_page_or_pdf_shows_template_source_or_none(client, demo):
    checked: dict[str, str] = {}
    problems: list[str] = []
    pdfs = 0
    for spec in DEMO_USERS:
        client.force_login(get_user_model().objects.get(username=spec.username))
        seen: set[str] = set()
        per_view: dict[str, int] = {}
        queue = ["/"]
        while queue:
            url = queue.pop(0)
            name = _view_name(url)
            if url in seen or name is None or per_view.get(name, 0) >= PER_VIEW:
                continue
            seen.add(url)
            per_view[name] = per_view.get(name, 0) + 1
            if url in checked:  # a PDF or export is the same for every role that reaches it
                continue
            response = client.get(url)
            if response.status_code != 200:
                continue
            kind, text = _text_of(response)
            if kind != "html":
                checked[url] = kind
            if kind == "pdf":
                pdfs += 1
                problems += [f"{url} {lone}" for lone in _lone_lines(response.content)]
            for pattern in (TEMPLATE_SYNTAX, BARE_NONE):
                for match in pattern.finditer(text):
                    context = " ".join(text[max(0, match.start() - 60) : match.end() + 60].split())
                    problems.append(f"{spec.username} {url}: …{context}…")
            if kind == "html":
                queue += _links(response.content.decode())
    assert pdfs >= 3  # dossier, referral report, a Quickscan report per round
    assert not problems, "\n".join(problems[:20])
