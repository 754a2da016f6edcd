"""Reading a PDF as a reader sees it: text runs with their printed size, lines per page."""

import io
import math
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.generic import ContentStream

Matrix = tuple[float, ...]  # a, b, c, d, e, f
IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)


def _times(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


@dataclass(frozen=True)
class Run:
    size: float  # in points, as printed
    in_drawing: bool  # inside a Form XObject: WeasyPrint draws SVG (the charts) that way


def text_sizes(pdf: bytes, page_number: int) -> list[Run]:
    """Every text-showing operation on a page with the size it prints at, following the
    transformations into Form XObjects (pypdf's own text visitor does not enter them)."""
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[page_number]
    runs: list[Run] = []

    def walk(content, resources, ctm: Matrix, in_drawing: bool) -> None:
        stack: list[Matrix] = []
        tm: Matrix = IDENTITY
        size = 0.0
        for operands, operator in ContentStream(content, reader).operations:
            if operator == b"q":
                stack.append(ctm)
            elif operator == b"Q":
                ctm = stack.pop() if stack else ctm
            elif operator == b"cm":
                ctm = _times(tuple(float(x) for x in operands), ctm)
            elif operator == b"BT":
                tm = IDENTITY
            elif operator == b"Tm":
                tm = tuple(float(x) for x in operands)
            elif operator == b"Tf":
                size = float(operands[1])
            elif operator in (b"Tj", b"TJ", b"'", b'"'):
                a, b, c, d, _e, _f = _times(tm, ctm)
                runs.append(Run(round(size * math.sqrt(abs(a * d - b * c)), 2), in_drawing))
            elif operator == b"Do":
                xobject = resources["/XObject"][operands[0]].get_object()
                if xobject.get("/Subtype") == "/Form":
                    matrix = tuple(float(x) for x in xobject.get("/Matrix", IDENTITY))
                    walk(
                        xobject,
                        xobject.get("/Resources", resources),
                        _times(matrix, ctm),
                        True,
                    )

    walk(page.get_contents(), page["/Resources"], IDENTITY, False)
    return runs


def page_lines(pdf: bytes) -> list[list[str]]:
    """Per page, its non-empty text lines."""
    reader = PdfReader(io.BytesIO(pdf))
    return [
        [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        for page in reader.pages
    ]
