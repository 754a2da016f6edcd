"""Cells for CSV exports that a spreadsheet opens safely."""

# A cell starting with one of these is run as a formula by Excel and LibreOffice.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The value as text; a leading quote keeps a formula-like value plain text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text
