"""Every PDF: extractable Dutch text, embedded fonts, a title, the language and tags, table
headers marked as row or column headers, and XMP metadata with title and language."""

import io
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from quickscan.models import Round

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("setup_demo", stdout=StringIO())
    settings.DEBUG = False


def _fonts(reader: PdfReader) -> set[tuple[str, bool]]:
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts.add((str(font.get("/BaseFont")), embedded))
    return fonts


def _header_scopes(reader: PdfReader) -> list[str | None]:
    """The /Scope of every table header cell (TH) in the structure tree."""
    scopes: list[str | None] = []
    pending: list[Any] = [reader.root_object["/StructTreeRoot"]]
    while pending:
        element = pending.pop().get_object()
        if not isinstance(element, DictionaryObject):
            continue
        if element.get("/S") == "/TH":
            attributes = element.get("/A")
            scopes.append(str(attributes.get_object().get("/Scope")) if attributes else None)
        kids = element.get("/K")
        pending.extend(kids if isinstance(kids, list) else [kids] if kids is not None else [])
    return scopes


def test_all_pdfs_are_accessible_documents(client, demo):
    client.force_login(get_user_model().objects.get(username="mt"))
    closed = Round.objects.filter(status="closed").order_by("-year").first()
    urls = {
        "/wegwijzer/dossier.pdf": "Oriëntatie",
        "/verwijzingen/rapport.pdf": "Warme verwijzingen",
        f"/quickscan/ronde/{closed.pk}/rapport.pdf": "Quickscan",
    }
    for url, expected_text in urls.items():
        response = client.get(url)
        assert response["Content-Type"] == "application/pdf", url
        reader = PdfReader(io.BytesIO(response.content))
        root = reader.trailer["/Root"]
        assert reader.metadata.title and "Demobibliotheek Oostermeer" in reader.metadata.title
        assert root.get("/Lang") == "nl", url
        assert "/StructTreeRoot" in root, url  # tagged PDF
        scopes = _header_scopes(reader)
        assert {"/Row", "/Column"} <= set(scopes), (url, set(scopes))
        assert all(scope in ("/Row", "/Column") for scope in scopes), (url, set(scopes))
        xmp = reader.xmp_metadata
        assert xmp is not None, url
        assert xmp.dc_title["x-default"] == reader.metadata.title, url
        assert xmp.dc_language == ["nl"], url
        assert root["/ViewerPreferences"]["/DisplayDocTitle"], url  # the title, not a file name
        fonts = _fonts(reader)
        assert fonts and all(embedded for _name, embedded in fonts), (url, fonts)
        text = " ".join(page.extract_text() for page in reader.pages)
        assert expected_text in text, url
        assert "Pagina 1 van" not in text  # the cover carries no page number
        assert "Pagina 2 van" in text, url
