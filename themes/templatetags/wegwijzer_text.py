from django import template
from django.utils.safestring import SafeString

from themes.text import render_step_text

register = template.Library()


@register.filter
def step_text(text: str) -> SafeString:
    """A step text as the page and the dossier PDF both show it (see themes/text.py)."""
    return render_step_text(text)
