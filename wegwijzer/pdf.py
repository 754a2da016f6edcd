"""PDF rendering: a PDF is an ordinary template plus print CSS, turned into PDF by WeasyPrint.

Only files the app itself serves may be loaded into a PDF: a template can never make the
server fetch something from the network.
"""

import functools
import mimetypes
from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
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


def render_pdf_bytes(template: str, context: dict, request: HttpRequest | None = None) -> bytes:
    from weasyprint import HTML

    html = render_to_string(template, context, request=request)
    fetcher = _fetcher_class()()
    # Tagged PDF: screen readers get the structure (headings, tables), not just the text.
    return HTML(string=html, base_url=STATIC_BASE, url_fetcher=fetcher).write_pdf(pdf_tags=True)


def pdf_response(
    template: str, context: dict, *, filename: str, request: HttpRequest | None = None
) -> HttpResponse:
    response = HttpResponse(render_pdf_bytes(template, context, request), "application/pdf")
    safe = slugify(filename.removesuffix(".pdf")) or "document"
    response["Content-Disposition"] = f'attachment; filename="{safe}.pdf"'
    return response
