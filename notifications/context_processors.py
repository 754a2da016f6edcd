from django.http import HttpRequest

from . import selectors


def bell(request: HttpRequest) -> dict:
    """The unread count for the bell in the top bar, counted only when a page shows it."""
    user = request.user
    return {"unread_notifications": lambda: selectors.unread_count(user=user)}
