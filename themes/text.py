"""How a step text is written and shown: a small, safe Markdown subset.

Paragraphs (a blank line), line breaks, **bold**, *italic*, lists (lines starting with "- " or
"1. ") and links ([text](https://…)). markdown-it-py renders only those rules (raw HTML is
escaped, not passed on) and nh3 then keeps only the tags that subset makes, so whatever a
text contains, the page and the PDF show the same harmless HTML.
"""

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

from .links import may_open

_MARKDOWN = MarkdownIt("zero", {"breaks": True}).enable(["emphasis", "list", "link", "newline"])

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}


def render_step_text(text: str, *, user=None) -> SafeString:
    """The text as safe HTML. Given the reader, a link into this app that the reader's roles do
    not open loses its address and reads as plain text (see themes/links.py)."""
    html = _MARKDOWN.render(text or "")

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "a" and attribute == "href" and value.startswith("/"):
            return value if may_open(value, user) else None
        return value

    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=keep if user is not None else None,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(clean)  # sanitised by nh3 just above
