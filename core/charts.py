"""Charts as inline SVG, drawn on the server.

The same markup goes into a page and into a PDF (WeasyPrint renders SVG), needs no
JavaScript and no third-party request. Every chart carries a title and a description for
screen readers; pages also show the numbers in a table next to it.
"""

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe

# Colours with at least 3:1 contrast against white (WCAG 1.4.11).
PALETTE = ["#0b5ed7", "#b02a37", "#146c43", "#6f42c1", "#a05a00", "#0f6674", "#495057", "#d63384"]

FONT = "DejaVu Sans, Arial, sans-serif"
# What fits a bar chart's 212 px label column at 12 px (DejaVu Sans, about 7.4 px a character).
LABEL_CHARS = 28


def _text(value: object) -> str:
    return escape(str(value), {'"': "&quot;"})


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[float | str | None]


def _svg_open(width: int, height: int, title: str, description: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{_text(title)}" '
        f'class="chart" font-family="{FONT}">',
        f"<title>{_text(title)}</title>",
        *([f"<desc>{_text(description)}</desc>"] if description else []),
    ]


def bar_chart(
    items: Sequence[tuple[str, float]],
    *,
    title: str,
    description: str = "",
    unit: str = "",
    max_value: float | None = None,
    width: int = 640,
) -> SafeString:
    """Horizontal bars with the value printed at the end of each bar. A label too long for its
    column wraps onto more lines (the row grows) rather than being cut off."""
    bar_height, gap, label_width, top, line = 22, 8, 220, 10, 14
    rows = [(textwrap.wrap(label, LABEL_CHARS) or [""], value) for label, value in items]
    heights = [max(bar_height, line * len(lines) + 6) for lines, _value in rows]
    height = top * 2 + sum(h + gap for h in heights)
    peak = max_value if max_value is not None else max((v for _, v in items), default=0)
    peak = peak or 1
    plot = width - label_width - 70
    parts = _svg_open(width, max(height, 40), title, description)
    y = top
    for (lines, value), row_height in zip(rows, heights, strict=True):
        middle = y + row_height / 2
        length = max(0.0, plot * (value / peak))
        shown = f"{value:g}{unit}"
        first = middle - line * (len(lines) - 1) / 2 + 4
        spans = "".join(
            f'<tspan x="{label_width - 8}" y="{first + i * line:.1f}">{_text(text)}</tspan>'
            for i, text in enumerate(lines)
        )
        parts.append(f'<text font-size="12" text-anchor="end" fill="#212529">{spans}</text>')
        parts.append(
            f'<rect x="{label_width}" y="{middle - bar_height / 2:.1f}" width="{length:.1f}" '
            f'height="{bar_height}" fill="{PALETTE[0]}"/>'
        )
        parts.append(
            f'<text x="{label_width + length + 6:.1f}" y="{middle + 4:.1f}" '
            f'font-size="12" fill="#212529">{_text(shown)}</text>'
        )
        y += row_height + gap
    parts.append("</svg>")
    return mark_safe("".join(parts))


# Small multiples: drawn at their own size (never scaled down on a phone, where the panels
# stack), so 12 px text stays 12 px on screen and 9 pt in a PDF (12 px = 9 pt).
MULTIPLE_FONT = 12
MULTIPLE_LABEL = 40  # the year column
MULTIPLE_VALUE = 48  # the value column, room for "100%"
EARLIER = "#6c757d"  # earlier years grey, the latest in PALETTE[0]: both 3:1 against white


def small_multiples(
    series: Sequence[Series],
    row_labels: Sequence[str],
    *,
    title: str,
    unit: str = "%",
    max_value: float = 100,
    missing: str = "–",
    width: int = 260,
    row_height: int = 22,
) -> SafeString:
    """A small bar chart per series (one per chapter), a bar per row label (a year), the last
    row highlighted. A value may be a number, None (shows `missing`) or a short note shown in
    place of the bar. Each panel's label is HTML, so it wraps instead of being cut off."""
    plot = width - MULTIPLE_LABEL - MULTIPLE_VALUE
    height = row_height * max(len(row_labels), 1)
    last = len(row_labels) - 1
    parts = [f'<div class="chart-multiples" role="group" aria-label="{_text(title)}">']
    for item in series:
        shown = []
        for label, value in zip(row_labels, item.values, strict=False):
            if isinstance(value, int | float):
                shown.append(f"{label} {value:g}{unit}")
            else:
                shown.append(f"{label} {value if value is not None else missing}")
        parts.append('<figure class="chart-multiple">')
        parts.append(f'<figcaption aria-hidden="true">{_text(item.label)}</figcaption>')
        # The panel's name and numbers in one: what a screen reader says and the PDF's alt text.
        parts += _svg_open(width, height, f"{item.label}: {', '.join(shown)}", "")
        for index, (label, value) in enumerate(zip(row_labels, item.values, strict=False)):
            y = index * row_height
            baseline = y + row_height / 2 + MULTIPLE_FONT * 0.35
            weight = ' font-weight="bold"' if index == last else ""
            parts.append(
                f'<text x="0" y="{baseline:.1f}" font-size="{MULTIPLE_FONT}" fill="#212529"'
                f"{weight}>{_text(label)}</text>"
            )
            if not isinstance(value, int | float):
                parts.append(
                    f'<text x="{MULTIPLE_LABEL}" y="{baseline:.1f}" font-size="{MULTIPLE_FONT}" '
                    f'fill="#495057">{_text(value if value is not None else missing)}</text>'
                )
                continue
            bar_y, bar_h = y + 3, row_height - 6
            length = plot * max(0.0, min(value, max_value)) / (max_value or 1)
            colour = PALETTE[0] if index == last else EARLIER
            parts.append(
                f'<rect x="{MULTIPLE_LABEL}" y="{bar_y}" width="{plot}" height="{bar_h}" '
                f'fill="#e9ecef"/>'
            )
            parts.append(
                f'<rect x="{MULTIPLE_LABEL}" y="{bar_y}" width="{length:.1f}" height="{bar_h}" '
                f'fill="{colour}"/>'
            )
            parts.append(
                f'<text x="{width}" y="{baseline:.1f}" font-size="{MULTIPLE_FONT}" '
                f'text-anchor="end" fill="#212529"{weight}>{value:g}{_text(unit)}</text>'
            )
        parts.append("</svg></figure>")
    parts.append("</div>")
    return mark_safe("".join(parts))
