from django import template
from django.utils.safestring import SafeString

from themes.links import ResourceLink, resource_link
from themes.models import Resource
from themes.text import render_step_text

register = template.Library()


@register.filter
def step_text(text: str, user=None) -> SafeString:
    """A step text as the page and the dossier PDF both show it (see themes/text.py); given the
    reader, links into this app that the reader's roles do not open become plain text."""
    return render_step_text(text, user=user)


@register.simple_tag(takes_context=True)
def link_for_reader(context, resource: Resource) -> ResourceLink:
    """Where a resource leads the reader of the page (see themes/links.py)."""
    return resource_link(resource, context["request"].user)
