"""In-app notifications and each person's e-mail preferences.

A notification holds a short title and text written by the app that raised it, never a
parent's or child's personal data, and a path inside the app to the thing it is about.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.managers import LibraryScopedManager

from .events import EmailChoice, Event


class EmailStatus(models.TextChoices):
    PENDING = "pending", _("wordt verstuurd")
    DIGEST = "digest", _("wacht op het dagelijkse overzicht")
    SENT = "sent", _("verstuurd")
    SKIPPED = "skipped", _("niet per e-mail")
    FAILED = "failed", _("mislukt")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("ontvanger"),
    )
    event = models.CharField(_("soort"), max_length=40, choices=Event.choices)
    title = models.CharField(_("titel"), max_length=200)
    body = models.TextField(_("tekst"), blank=True, max_length=1000)
    url = models.CharField(_("link in de app"), max_length=500, blank=True)
    # Reminders carry a key per (event, object, period): the database refuses a second one for
    # the same recipient, which is what makes `send_reminders` safe to run twice.
    key = models.CharField(_("sleutel"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    read_at = models.DateTimeField(_("gelezen op"), null=True, blank=True)
    email_status = models.CharField(
        _("e-mail"), max_length=10, choices=EmailStatus.choices, default=EmailStatus.SKIPPED
    )
    email_sent_at = models.DateTimeField(_("e-mail verstuurd op"), null=True, blank=True)
    email_attempts = models.PositiveSmallIntegerField(_("verzendpogingen"), default=0)
    email_error = models.CharField(_("laatste fout bij verzenden"), max_length=300, blank=True)

    objects = LibraryScopedManager("recipient__profile__library")

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["recipient", "-created_at"]),
            models.Index(fields=["email_status", "created_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"],
                condition=~Q(key=""),
                name="notification_once_per_key",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class Preference(models.Model):
    """How someone wants to hear about one kind of event by e-mail; in the app they always do."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("gebruiker"),
    )
    event = models.CharField(_("soort"), max_length=40, choices=Event.choices)
    email = models.CharField(
        _("e-mail"), max_length=10, choices=EmailChoice.choices, default=EmailChoice.IMMEDIATE
    )

    objects = LibraryScopedManager("user__profile__library")

    class Meta:
        verbose_name = _("meldingsvoorkeur")
        verbose_name_plural = _("meldingsvoorkeuren")
        constraints = [
            models.UniqueConstraint(fields=["user", "event"], name="preference_once_per_event"),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_event_display()}"
