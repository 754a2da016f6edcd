"""CSV exports that a spreadsheet opens safely and correctly."""

import csv
import unicodedata
from collections.abc import Iterable

from django.http import StreamingHttpResponse

# A cell starting with one of these is run as a formula by Excel and LibreOffice.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")

# Every cell quoted: a value with a semicolon, comma or quote stays one cell, also in a
# spreadsheet that guesses another delimiter and would otherwise split "a,=cmd()" in two.
CSV_OPTIONS = {"delimiter": ";", "quoting": csv.QUOTE_ALL, "lineterminator": "\r\n"}


def safe_cell(value: object) -> str:
    """The value as text; a leading quote keeps a formula-like value plain text.

    Spreadsheets fold full-width ＝＋－＠ into their ASCII forms and skip leading spaces
    before they look for a formula, so the check does the same.
    """
    text = "" if value is None else str(value)
    probe = unicodedata.normalize("NFKC", text).lstrip(" \u3000\u00a0")
    return "'" + text if probe.startswith(FORMULA_START) else text


class _Echo:
    """A file that hands back what is written to it, so csv.writer yields lines."""

    def write(self, value: str) -> str:
        return value


def csv_response(
    *, filename: str, header: Iterable[object], rows: Iterable[Iterable[object]]
) -> StreamingHttpResponse:
    """Stream rows as a CSV download: UTF-8 with a BOM, `;` between quoted cells (as Dutch
    Excel expects), every cell through `safe_cell`. `rows` may be a generator: nothing is held
    in memory, so a large export starts at once."""
    writer = csv.writer(_Echo(), **CSV_OPTIONS)

    def lines():
        yield "\ufeff" + writer.writerow([safe_cell(cell) for cell in header])
        for row in rows:
            yield writer.writerow([safe_cell(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
