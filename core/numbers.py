"""Percentages: one rounding rule for every page, PDF and export."""

from decimal import ROUND_HALF_UP, Decimal


def percent(part: int, whole: int, *, empty: int | None = 0) -> int | None:
    """`part` as a whole percentage of `whole`, half rounding up (12.5 % shows as 13 %).

    Python's `round()` rounds half to even (12.5 → 12), which made the same share read
    differently on two pages. Without a whole there is no share: `empty` is returned.
    """
    if not whole:
        return empty
    value = Decimal(100 * part) / Decimal(whole)
    return int(value.quantize(Decimal("1"), rounding=ROUND_HALF_UP))
