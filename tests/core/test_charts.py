from core.charts import Series, bar_chart, line_chart


def test_bar_chart_is_accessible_svg_with_escaped_labels():
    svg = bar_chart([("Taalhuis <script>", 12), ("BoekStart", 3)], title="Per aanbod")
    assert svg.startswith("<svg")
    assert 'role="img"' in svg and "<title>Per aanbod</title>" in svg
    assert "<script>" not in svg
    assert "Taalhuis &lt;script&gt;" in svg
    assert ">12<" in svg and ">3<" in svg


def test_line_chart_draws_a_line_per_series_and_skips_missing_years():
    svg = line_chart(
        [Series("Algemeen", [50, 75, None]), Series("Profilering", [None, 20, 40])],
        ["2024", "2025", "2026"],
        title="Score per onderdeel",
    )
    assert svg.count("<polyline") == 2
    assert svg.count("<circle") == 4
    assert "<desc>Algemeen: 2024 50%, 2025 75%; Profilering: 2025 20%, 2026 40%</desc>" in svg
