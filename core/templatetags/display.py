"""Filters that show shared values the same way everywhere: {% load display %}."""

from django import template

from .. import people

register = template.Library()


@register.filter
def display_name(user) -> str:
    """{{ user|display_name }}: full name, else username; a dash for no one."""
    return people.display_name(user or None)


@register.filter
def display_name_with_department(user) -> str:
    """{{ user|display_name_with_department }}: "Sanne de Vries (Jeugd & Educatie)"."""
    return people.display_name_with_department(user) if user else people.NOBODY


@register.filter
def as_percent(value) -> str:
    """{{ score.percent|as_percent }}: "13%", or a dash when there is no percentage."""
    if value is None or value == "":
        return people.NOBODY
    return f"{int(value)}%"
