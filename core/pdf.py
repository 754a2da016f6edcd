"""PDF rendering: a PDF is an ordinary template plus print CSS, turned into PDF by WeasyPrint.

Only files the app itself serves may be loaded into a PDF: a template can never make the
server fetch something from the network.
"""

import contextlib
import fcntl
import functools
import mimetypes
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.text import slugify

# Templates link print CSS relatively ("css/print.css"); this base turns that into a URL the
# fetcher below recognises and answers from the app's own static files.
STATIC_BASE = "file:///wegwijzer-static/"


@functools.cache
def _fetcher_class():
    # Imported on first use: WeasyPrint is slow to import and most requests make no PDF.
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith(STATIC_BASE):
                raise ValueError(f"a PDF may not load {url!r}")
            relative = url[len(STATIC_BASE) :].split("?")[0]
            found = finders.find(relative)
            if not found:
                raise ValueError(f"static file {relative!r} not found")
            path = Path(found)
            mime_type, _encoding = mimetypes.guess_type(path.name)
            return URLFetcherResponse(
                url,
                body=path.read_bytes(),
                headers={"Content-Type": mime_type or "application/octet-stream"},
            )

    return StaticOnlyFetcher


def _xmp(title: str, language: str, authors: list[str]) -> bytes:
    """XMP metadata: what assistive technology and archives read for title and language."""
    rdf, dc = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://purl.org/dc/elements/1.1/"
    ET.register_namespace("rdf", rdf)
    ET.register_namespace("dc", dc)
    root = ET.Element(f"{{{rdf}}}RDF")
    description = ET.SubElement(root, f"{{{rdf}}}Description", {f"{{{rdf}}}about": ""})
    for name, container, values in (
        ("title", "Alt", [title]),
        ("language", "Bag", [language]),
        ("creator", "Seq", authors),
    ):
        if not any(values):
            continue
        holder = ET.SubElement(
            ET.SubElement(description, f"{{{dc}}}{name}"), f"{{{rdf}}}{container}"
        )
        for value in values:
            item = ET.SubElement(holder, f"{{{rdf}}}li")
            if container == "Alt":
                item.set("{http://www.w3.org/XML/1998/namespace}lang", "x-default")
            item.text = value
    return (
        b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        + ET.tostring(root, encoding="utf-8", xml_declaration=False)
        + b'</x:xmpmeta>\n<?xpacket end="r"?>'
    )


def _finish(document, pdf) -> None:
    """What WeasyPrint leaves out of a tagged PDF: the scope of each table header cell (row or
    column, from the HTML `scope`, else from where the cell stands), XMP metadata with title and
    language, and the title rather than the file name in the viewer's title bar."""
    import pydyf  # type: ignore[import-untyped]

    def header_cells(box, in_head=False):
        tag = getattr(box, "element_tag", None)
        if tag == "th" and hasattr(box, "mark"):  # `mark`: its structure element, once tagged
            yield box, in_head
        for child in getattr(box, "children", ()):
            yield from header_cells(child, in_head or tag == "thead")

    for page in document.pages:
        for cell, in_head in header_cells(page._page_box):
            scope = cell.element.get("scope") or ("col" if in_head else "row")
            cell.mark["A"]["Scope"] = "/Column" if scope == "col" else "/Row"

    metadata = document.metadata
    xmp = pydyf.Stream(
        [_xmp(metadata.title or "", metadata.lang or "", list(metadata.authors or []))],
        {"Type": "/Metadata", "Subtype": "/XML"},
    )
    pdf.add_object(xmp)
    pdf.catalog["Metadata"] = xmp.reference
    pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})


def render_pdf_bytes(template: str, context: dict, request: HttpRequest | None = None) -> bytes:
    from weasyprint import HTML

    html = render_to_string(template, context, request=request)
    fetcher = _fetcher_class()()
    # Tagged PDF: screen readers get the structure (headings, tables), not just the text.
    return HTML(string=html, base_url=STATIC_BASE, url_fetcher=fetcher).write_pdf(
        pdf_tags=True, finisher=_finish
    )


@contextlib.contextmanager
def _slot(name: str, count: int) -> Iterator[bool]:
    """One of `count` slots called `name`, shared by every worker process on this host (file
    locks, released by the kernel even when a worker dies); False when all are taken."""
    directory = Path(settings.WEGWIJZER_LOCK_DIR)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    for index in range(count):
        descriptor = os.open(directory / f"{name}-{index}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            continue
        try:
            yield True
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
            os.close(descriptor)
        return
    yield False


@contextlib.contextmanager
def render_slot(user_id: int | None) -> Iterator[str | None]:
    """Room to render a PDF: None when there is, else why not ("user" or "server").

    A PDF takes a worker for seconds. Limiting renders per user and in total keeps workers
    free for the desk and for the health check, however often someone clicks.
    """
    with _slot(f"pdf-user-{user_id}", settings.WEGWIJZER_PDF_RENDERS_PER_USER) as mine:
        if not mine:
            yield "user"
            return
        with _slot("pdf-all", settings.WEGWIJZER_PDF_RENDERS_TOTAL) as any_free:
            yield None if any_free else "server"


PDF_RETRY_AFTER_SECONDS = 10


def pdf_response(
    template: str, context: dict, *, filename: str, request: HttpRequest | None = None
) -> HttpResponse:
    user_id = request.user.pk if request is not None else None
    with render_slot(user_id) as busy:
        if busy:
            response = render(
                request,
                "pdf_busy.html",
                {"busy": busy, "retry_after": PDF_RETRY_AFTER_SECONDS},
                status=429 if busy == "user" else 503,
            )
            response["Retry-After"] = str(PDF_RETRY_AFTER_SECONDS)
            return response
        pdf = render_pdf_bytes(template, context, request)
    response = HttpResponse(pdf, "application/pdf")
    safe = slugify(filename.removesuffix(".pdf")) or "document"
    response["Content-Disposition"] = f'attachment; filename="{safe}.pdf"'
    return response
