"""The referral log's daily reminders, collected by `manage.py send_reminders` per library.

A referral still *verstuurd* two working days after it was logged reminds its receivers;
after five working days the coordinator hears it too. Each reminder has its own key per
referral, so running the command again (the same day or later) sends it nobody twice.
"""

import datetime

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.library import active_library
from core.roles import Role
from notifications.events import Event
from notifications.services import notify

from .models import Referral, Status
from .selectors import offers_without_receivers
from .services import offer_without_receivers_notify
from .workdays import add_working_days

NOT_RECEIVED_WORKING_DAYS = 2
STALLED_WORKING_DAYS = 5


def send_reminders(*, today: datetime.date) -> int:
    return _offers_without_receivers(today=today) + _not_received(today=today)


def _offers_without_receivers(*, today: datetime.date) -> int:
    """Active offers that nobody receives: beheer and the coordinator hear it once a week."""
    year, week, _weekday = today.isocalendar()
    sent = 0
    for offer in offers_without_receivers(library=active_library()):
        sent += offer_without_receivers_notify(offer=offer, today=today, key=f"{year}-W{week:02d}")
    return sent


def _due(referral: Referral, working_days: int, today: datetime.date) -> bool:
    return timezone.localdate(add_working_days(referral.created_at, working_days)) <= today


def _not_received(*, today: datetime.date) -> int:
    User = get_user_model()
    # Two working days span at least two calendar days: older ones only, the rest in Python.
    cutoff = timezone.make_aware(
        datetime.datetime.combine(
            today - datetime.timedelta(days=NOT_RECEIVED_WORKING_DAYS - 1), datetime.time.min
        )
    )
    waiting = (
        Referral.objects.filter(status=Status.VERSTUURD, created_at__lt=cutoff)
        .select_related("offer")
        .order_by("pk")
    )
    coordinators: dict[int, list] = {}
    specialists: dict[int, list] = {}
    sent = 0
    for referral in waiting:
        if not _due(referral, NOT_RECEIVED_WORKING_DAYS, today):
            continue
        offer = referral.offer
        if referral.library_id not in coordinators:
            coordinators[referral.library_id] = list(
                User.objects.filter(
                    is_active=True,
                    profile__library_id=referral.library_id,
                    groups__name=Role.TREKKER.value,
                ).distinct()
            )
        if offer.pk not in specialists:
            specialists[offer.pk] = list(
                offer.specialists.filter(
                    is_active=True, groups__name=Role.SPECIALIST.value
                ).distinct()
            )
        logged = timezone.localdate(referral.created_at).strftime("%d-%m-%Y")
        url = reverse("referrals:detail", args=[referral.pk])
        # Without a specialist (no receiver, or only a partner contact without an account) the
        # coordinator is the one who can chase it.
        receivers = specialists[offer.pk] or coordinators[referral.library_id]
        sent += len(
            notify(
                recipients=receivers,
                event=Event.REFERRAL_NOT_RECEIVED,
                title=_("Verwijzing naar {offer} nog niet ontvangen").format(offer=offer.name),
                body=_(
                    "Verwezen op {date} en na {days} werkdagen nog niet als ontvangen "
                    "gemarkeerd. Neem contact op en zet hem op ontvangen."
                ).format(date=logged, days=NOT_RECEIVED_WORKING_DAYS),
                url=url,
                key=f"referral:{referral.pk}",
            )
        )
        if _due(referral, STALLED_WORKING_DAYS, today):
            sent += len(
                notify(
                    recipients=coordinators[referral.library_id],
                    event=Event.REFERRAL_STALLED,
                    title=_("Verwijzing naar {offer} ligt al {days} werkdagen stil").format(
                        offer=offer.name, days=STALLED_WORKING_DAYS
                    ),
                    body=_(
                        "Verwezen op {date} en nog steeds niet ontvangen. Vraag de ontvanger "
                        "ernaar of stuur hem door naar een ander aanbod."
                    ).format(date=logged),
                    url=url,
                    key=f"referral:{referral.pk}",
                )
            )
    return sent
