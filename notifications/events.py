"""What the app can tell people about, and how they want to hear it by e-mail.

The catalogue lives here and holds only names, so the domain apps can refer to it without
this app knowing them: each app calls `notify(event=Event.…)` from its own services.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    REFERRAL_NEW = "referral_new", _("Nieuwe verwijzing voor jouw aanbod")
    REFERRAL_NOT_RECEIVED = "referral_not_received", _("Verwijzing nog niet ontvangen")
    REFERRAL_STALLED = "referral_stalled", _("Verwijzing blijft liggen (voor de coördinator)")
    REFERRAL_COMPLETED = "referral_completed", _("Jouw verwijzing is afgerond")
    OFFER_WITHOUT_RECEIVERS = "offer_without_receivers", _("Aanbod zonder ontvanger")
    QUICKSCAN_OPENED = "quickscan_opened", _("Quickscan-ronde geopend")
    QUICKSCAN_REMINDER = "quickscan_reminder", _("Herinnering: Quickscan nog inleveren")
    QUICKSCAN_CLOSED = "quickscan_closed", _("Quickscan-ronde afgesloten")
    TASK_ASSIGNED = "task_assigned", _("Taak aan jou toegewezen")
    TASK_DUE = "task_due", _("Taak bijna of over de streefdatum")
    TRAINING_ADDED = "training_added", _("Je doet mee aan een leergang")
    TRAINING_MEETING = "training_meeting", _("Bijeenkomst van je leergang komt eraan")


class EmailChoice(models.TextChoices):
    IMMEDIATE = "immediate", _("Direct per e-mail")
    DIGEST = "digest", _("In een dagelijks overzicht")
    NONE = "none", _("Geen e-mail")
