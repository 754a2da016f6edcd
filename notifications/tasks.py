"""Background tasks (django-tasks). The worker (`manage.py db_worker`) runs them.

A task runs outside any request, so it enters the scope of the library it works for: the
library of the notification's (or user's) staff profile, looked up first.
"""

import datetime

from django.contrib.auth import get_user_model
from django_tasks import task

from core.library import library_scope, scopes_disabled

from . import services
from .models import Notification


def _notification_library(notification_id: int) -> int | None:
    # The id comes from our own enqueue, not from a visitor; finding which library it belongs
    # to is the one lookup that has to look across libraries.
    with scopes_disabled():
        return (
            Notification.objects.filter(pk=notification_id)
            .values_list("recipient__profile__library_id", flat=True)
            .first()
        )


def _user_library(user_id: int) -> int | None:
    return (
        get_user_model()
        .objects.filter(pk=user_id)
        .values_list("profile__library_id", flat=True)
        .first()
    )


# Gone since it was enqueued, or for an account without a library: nothing to send.
NOTHING = "niets te versturen"


@task()
def send_notification_email(notification_id: int, attempt: int = 1) -> str:
    library_id = _notification_library(notification_id)
    if library_id is None:
        return NOTHING
    with library_scope(library_id):
        return services.notification_email_send(notification_id=notification_id, attempt=attempt)


@task()
def send_digest(user_id: int, before: str, attempt: int = 1) -> str:
    library_id = _user_library(user_id)
    if library_id is None:
        return NOTHING
    with library_scope(library_id):
        return services.digest_send(
            user_id=user_id, before=datetime.datetime.fromisoformat(before), attempt=attempt
        )


@task()
def send_address_email(to: str, subject: str, body: str, link: str, attempt: int = 1) -> str:
    # A plain address and a text the caller wrote: no library-owned row is read.
    return services.address_email_send(
        to=to, subject=subject, body=body, link=link, attempt=attempt
    )
