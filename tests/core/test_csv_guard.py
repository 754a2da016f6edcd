"""CSV exports open safely in a spreadsheet, whatever staff typed into a cell."""

import pytest

from core.spreadsheet import safe_cell


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+31 6", "'+31 6"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tverborgen", "'\tverborgen"),
        ("＝1+1", "'＝1+1"),
        ("＋31 6", "'＋31 6"),
        ("－2", "'－2"),
        ("＠SUM(A1)", "'＠SUM(A1)"),
        ("  =1+1", "'  =1+1"),
        ("\u3000=1+1", "'\u3000=1+1"),
        ("\n=1+1", "'\n=1+1"),
        ("Taalhuis", "Taalhuis"),
        ("Taal＝huis", "Taal＝huis"),
        ("gewoon = tekst", "gewoon = tekst"),
        (2026, "2026"),
        ("", ""),
        (None, ""),
    ],
)
def test_formulas_are_neutralised_also_full_width_or_padded(value, expected):
    assert safe_cell(value) == expected
