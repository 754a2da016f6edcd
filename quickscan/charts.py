"""The Quickscan's charts, drawn with the shared SVG charts (core.charts)."""

from typing import TYPE_CHECKING

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from core.charts import Series, bar_chart, line_chart

if TYPE_CHECKING:
    from .comparison import Comparison
    from .results import RoundResults


def _short(text: str, length: int = 38) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def results_chart(results: "RoundResults") -> SafeString:
    """One round: a bar per section with its score."""
    items = [
        (_short(f"{s.number}. {s.section.title}", 34), s.score.percent or 0)
        for s in results.sections
        if s.score.percent is not None
    ]
    return bar_chart(
        items,
        title=_("Score per onderdeel, Quickscan {year}").format(year=results.round.year),
        description=_(
            "Score per onderdeel als percentage van het maximum; de tabel ernaast geeft "
            "dezelfde getallen."
        ),
        unit="%",
        max_value=100,
    )


def comparison_chart(comparison: "Comparison", *, width: int, height: int) -> SafeString:
    """Over the years: a line per section and one for the total."""
    series = [
        Series(
            _short(f"{s.number}. {s.section.title}"),
            [score.percent if score else None for score in s.scores],
        )
        for s in comparison.sections
    ]
    series.append(Series(_("Totaal"), [score.percent for score in comparison.overall]))
    return line_chart(
        series,
        [str(year) for year in comparison.years],
        title=_("Score per onderdeel over de jaren"),
        description=_(
            "Per onderdeel van de Quickscan de score als percentage van het maximum, per "
            "jaar; de tabel bij de grafiek geeft dezelfde getallen."
        ),
        width=width,
        height=height,
    )
