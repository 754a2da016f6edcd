"""Reads for notifications."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet

from .events import EmailChoice, Event
from .models import EmailStatus, Notification, Preference


def unread_count(*, user: AbstractBaseUser) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notifications_for(*, user: AbstractBaseUser) -> QuerySet[Notification]:
    """The user's notifications, newest first."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


@dataclass(frozen=True)
class PreferenceRow:
    event: str
    label: str
    email: str


def preferences_for(*, user: AbstractBaseUser) -> list[PreferenceRow]:
    """Every event with the user's e-mail choice (direct unless they chose otherwise)."""
    chosen = dict(Preference.objects.filter(user=user).values_list("event", "email"))
    return [
        PreferenceRow(
            event=event.value,
            label=event.label,
            email=chosen.get(event.value, EmailChoice.IMMEDIATE),
        )
        for event in Event
    ]


def email_problems() -> QuerySet[Notification]:
    """E-mails that failed for good, or failed once and wait for a retry; newest first."""
    return (
        Notification.objects.filter(
            Q(email_status=EmailStatus.FAILED)
            | Q(email_status=EmailStatus.PENDING, email_attempts__gt=0)
        )
        .select_related("recipient")
        .order_by("-created_at", "-pk")
    )
