import re

from core.charts import Series, bar_chart, small_multiples


def test_bar_chart_is_accessible_svg_with_escaped_labels():
    svg = bar_chart([("Taalhuis <script>", 12), ("BoekStart", 3)], title="Per aanbod")
    assert svg.startswith("<svg")
    assert 'role="img"' in svg and "<title>Per aanbod</title>" in svg
    assert "<script>" not in svg
    assert "Taalhuis &lt;script&gt;" in svg
    assert ">12<" in svg and ">3<" in svg


LONG = "7. Profilering bij gemeentelijke gezinsaanpak en nog veel meer woorden <b>"


def test_small_multiples_draw_a_panel_per_series_and_a_bar_per_year():
    html = small_multiples(
        [Series("1. Algemeen", [50, 75, "niet gevraagd"]), Series(LONG, [None, 20, 40])],
        ["2024", "2025", "2026"],
        title="Score per onderdeel",
    )
    assert html.count('<figure class="chart-multiple">') == 2
    # The label is HTML text that wraps: whole, escaped, never cut short.
    assert (
        "7. Profilering bij gemeentelijke gezinsaanpak en nog veel meer woorden &lt;b&gt;" in html
    )
    # A bar and a track per number; a note or a dash where there is none.
    assert html.count("<rect") == 2 * 4
    assert ">niet gevraagd</text>" in html and ">–</text>" in html
    # What a screen reader reads, per panel.
    assert 'aria-label="1. Algemeen: 2024 50%, 2025 75%, 2026 niet gevraagd"' in html
    assert 'role="group" aria-label="Score per onderdeel"' in html


def test_small_multiples_keep_their_drawn_size_and_readable_text():
    html = small_multiples([Series("Totaal", [40, 60])], ["2025", "2026"], title="T", width=200)
    # Drawn at its own size (no scaling to a page width), so 12 px text stays 12 px on screen
    # and 9 pt in a PDF.
    assert 'viewBox="0 0 200 44" width="200" height="44"' in html
    sizes = {int(size) for size in re.findall(r'font-size="(\d+)"', html)}
    assert sizes == {12}
    # The value column is right-aligned at the edge: a full bar never runs into its label.
    assert '<text x="200"' in html and 'text-anchor="end"' in html


def test_small_multiples_in_a_first_year_are_one_bar_each_not_dots():
    html = small_multiples([Series("A", [40]), Series("B", [10])], ["2023"], title="T")
    assert html.count("<rect") == 2 * 2
    assert "<circle" not in html and "<polyline" not in html


def test_bar_chart_wraps_a_long_label_instead_of_cutting_it_off():
    label = "Zwembad De Wering (buiten de bibliotheek), ingang aan de achterkant"
    svg = bar_chart([(label, 23), ("Centrale", 88)], title="Per plek")
    spans = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)
    assert " ".join(spans[:-1]) == label  # every word, over more lines
    assert len(spans) > 2 and spans[-1] == "Centrale"
    assert all(len(text) <= 28 for text in spans)
