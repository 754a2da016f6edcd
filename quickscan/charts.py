"""The Quickscan's charts, drawn with the shared SVG charts (core.charts)."""

from typing import TYPE_CHECKING

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from core.charts import Series, bar_chart, small_multiples

if TYPE_CHECKING:
    from .comparison import Comparison
    from .results import RoundResults
    from .scoring import Score


def results_chart(results: "RoundResults") -> SafeString:
    """One round: a bar per section with its score."""
    items = [
        (f"{s.number}. {s.section.title}", s.score.percent or 0)
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


def comparison_chart(comparison: "Comparison", *, width: int, row_height: int) -> SafeString:
    """Over the years: a small chart per section and one for the total, years side by side."""

    def value(score: "Score | None") -> float | str:
        if score is None:
            return _("niet gevraagd")
        if score.percent is not None:
            return score.percent
        return _("nog open") if score.open else _("n.v.t.")

    series = [
        Series(f"{s.number}. {s.section.title}", [value(score) for score in s.scores])
        for s in comparison.sections
    ]
    series.append(Series(_("Totaal"), [value(score) for score in comparison.overall]))
    return small_multiples(
        series,
        [str(year) for year in comparison.years],
        title=_("Score per onderdeel over de jaren"),
        width=width,
        row_height=row_height,
    )
