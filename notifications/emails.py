"""The e-mails: Dutch, plain text with an HTML alternative, a link into the app and a link to
the preferences at the end. They carry what the notification carries and nothing more."""

from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Notification


def absolute_url(path: str) -> str:
    """A path inside the app as a full address, from WEGWIJZER_BASE_URL."""
    if not path or "://" in path:
        return path
    return settings.WEGWIJZER_BASE_URL.rstrip("/") + path


def build_message(*, user, notifications: Sequence[Notification]) -> EmailMultiAlternatives:
    """One message to `user`: a single notification, or a digest when there are several."""
    with translation.override(settings.LANGUAGE_CODE):
        items = [
            {"title": n.title, "body": n.body, "link": absolute_url(n.url)} for n in notifications
        ]
        if len(items) == 1:
            subject = _("Wegwijzer: {title}").format(title=notifications[0].title)
        else:
            subject = ngettext(
                "Wegwijzer: je dagelijkse overzicht ({n} melding)",
                "Wegwijzer: je dagelijkse overzicht ({n} meldingen)",
                len(items),
            ).format(n=len(items))
        context = {
            "name": user.first_name or user.get_username(),
            "items": items,
            "is_digest": len(items) > 1,
            "list_link": absolute_url(reverse("notifications:list")),
            "preferences_link": absolute_url(reverse("notifications:preferences")),
        }
        text = render_to_string("notifications/email/message.txt", context)
        html = render_to_string("notifications/email/message.html", context)
    # Header lines cannot hold line breaks; titles are short already.
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split())[:200], body=text, to=[user.email]
    )
    message.attach_alternative(html, "text/html")
    return message


def build_address_message(*, to: str, subject: str, body: str, link: str) -> EmailMultiAlternatives:
    """A message to someone without an account: their text and link, no preferences footer
    (they have none), only a line saying where it comes from."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {"body": body, "link": link}
        text = render_to_string("notifications/email/address.txt", context)
        html = render_to_string("notifications/email/address.html", context)
    message = EmailMultiAlternatives(subject=" ".join(subject.split())[:200], body=text, to=[to])
    message.attach_alternative(html, "text/html")
    return message
