from django import template

from quickscan import scoring

register = template.Library()


@register.filter
def signed(value) -> str:
    """A difference with its sign: +12, -5, 0; empty when there is none."""
    if value is None or value == "":
        return ""
    number = int(value)
    return f"+{number}" if number > 0 else str(number)


@register.filter
def at(sequence, index):
    """sequence[index] in a template; None when out of range."""
    try:
        return sequence[int(index)]
    except (IndexError, TypeError, ValueError):
        return None


@register.filter
def change_label(kind) -> str:
    return scoring.change_label(kind)


@register.filter
def change_symbol(kind) -> str:
    return scoring.change_symbol(kind)
