"""Charts as inline SVG, drawn on the server.

The same markup goes into a page and into a PDF (WeasyPrint renders SVG), needs no
JavaScript and no third-party request. Every chart carries a title and a description for
screen readers; pages also show the numbers in a table next to it.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe

# Colours with at least 3:1 contrast against white (WCAG 1.4.11); lines also differ in dash.
PALETTE = ["#0b5ed7", "#b02a37", "#146c43", "#6f42c1", "#a05a00", "#0f6674", "#495057", "#d63384"]
DASHES = ["", "6 3", "2 3", "8 3 2 3", "4 4", "1 2", "10 4", "3 6"]

FONT = "DejaVu Sans, Arial, sans-serif"


def _text(value: object) -> str:
    return escape(str(value), {'"': "&quot;"})


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[float | None]


def _svg_open(width: int, height: int, title: str, description: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{_text(title)}" '
        f'class="chart" font-family="{FONT}">',
        f"<title>{_text(title)}</title>",
        f"<desc>{_text(description)}</desc>",
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
    """Horizontal bars with the value printed at the end of each bar."""
    bar_height, gap, label_width, top = 22, 8, 220, 10
    height = top * 2 + len(items) * (bar_height + gap)
    peak = max_value if max_value is not None else max((v for _, v in items), default=0)
    peak = peak or 1
    plot = width - label_width - 70
    parts = _svg_open(width, max(height, 40), title, description)
    for index, (label, value) in enumerate(items):
        y = top + index * (bar_height + gap)
        length = max(0.0, plot * (value / peak))
        shown = f"{value:g}{unit}"
        parts.append(
            f'<text x="{label_width - 8}" y="{y + bar_height * 0.7:.1f}" font-size="12" '
            f'text-anchor="end" fill="#212529">{_text(label[:34])}</text>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" '
            f'fill="{PALETTE[0]}"/>'
        )
        parts.append(
            f'<text x="{label_width + length + 6:.1f}" y="{y + bar_height * 0.7:.1f}" '
            f'font-size="12" fill="#212529">{_text(shown)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def line_chart(
    series: Sequence[Series],
    x_labels: Sequence[str],
    *,
    title: str,
    description: str = "",
    y_max: float = 100,
    unit: str = "%",
    width: int = 640,
    height: int = 300,
) -> SafeString:
    """Lines over time (for instance a score per section over the years), with a legend."""
    left, right, top, legend_row = 44, 16, 12, 18
    legend_height = legend_row * ((len(series) + 1) // 2) + 8
    bottom = 28 + legend_height
    plot_w = width - left - right
    plot_h = height - top - bottom
    count = max(len(x_labels), 1)

    def x_at(i: int) -> float:
        return left + (plot_w * (i + 0.5) / count)

    def y_at(v: float) -> float:
        return top + plot_h - plot_h * (max(0.0, min(v, y_max)) / (y_max or 1))

    # The numbers themselves, for whoever cannot see the lines.
    data = "; ".join(
        f"{item.label}: "
        + ", ".join(
            f"{x} {v:g}{unit}" for x, v in zip(x_labels, item.values, strict=False) if v is not None
        )
        for item in series
    )
    parts = _svg_open(width, height, title, f"{description} {data}".strip())
    for step in range(5):
        value = y_max * step / 4
        y = y_at(value)
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#ced4da" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end" '
            f'fill="#495057">{value:g}{_text(unit)}</text>'
        )
    for i, label in enumerate(x_labels):
        parts.append(
            f'<text x="{x_at(i):.1f}" y="{top + plot_h + 16}" font-size="11" '
            f'text-anchor="middle" fill="#212529">{_text(label)}</text>'
        )
    for index, item in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        dash = DASHES[index % len(DASHES)]
        points = [(x_at(i), y_at(v)) for i, v in enumerate(item.values) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" '
                f'stroke-width="2.5"{dash_attr}/>'
            )
        for i, v in enumerate(item.values):
            if v is None:
                continue
            # No tooltip per point: the page shows the numbers in a table, and WeasyPrint
            # spends a third of a report's time on a few dozen of them.
            parts.append(f'<circle cx="{x_at(i):.1f}" cy="{y_at(v):.1f}" r="3.5" fill="{colour}"/>')
        column, row = index % 2, index // 2
        lx = left + column * (plot_w / 2)
        ly = height - legend_height + row * legend_row + 10
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{lx:.1f}" x2="{lx + 22:.1f}" y1="{ly:.1f}" y2="{ly:.1f}" '
            f'stroke="{colour}" stroke-width="2.5"{dash_attr}/>'
        )
        parts.append(
            f'<text x="{lx + 28:.1f}" y="{ly + 4:.1f}" font-size="11" fill="#212529">'
            f"{_text(item.label[:40])}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
