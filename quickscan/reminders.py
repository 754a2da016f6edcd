"""The Quickscan's daily reminders, collected by `manage.py send_reminders`.

Each reminder has a key per person, subject and period, so a second run on the same day (or
the next day, for the same period) finds it already sent.
"""

import datetime

from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext as _

from notifications.events import Event
from notifications.services import notify

from .models import Respondent, RoundItem, RoundStatus

# Invitees who have not handed in hear it after one week and after two, and then no more.
REMINDER_WEEKS = (1, 2)
DUE_SOON_DAYS = 3


def _answer_reminders(today: datetime.date) -> int:
    sent = 0
    waiting = Respondent.objects.filter(
        round__status=RoundStatus.OPEN, submitted_at__isnull=True, user__is_active=True
    ).select_related("round", "user")
    for respondent in waiting:
        weeks = (today - respondent.invited_at.date()).days // 7
        due = [n for n, week in enumerate(REMINDER_WEEKS, start=1) if weeks >= week]
        if not due:
            continue
        number = due[-1]
        rnd = respondent.round
        sent += len(
            notify(
                recipients=[respondent.user],
                event=Event.QUICKSCAN_REMINDER,
                title=_("Herinnering: je Quickscan {year} is nog niet ingeleverd").format(
                    year=rnd.year
                ),
                body=_(
                    "Wat je al invulde is bewaard. Lever je antwoorden in, dan kan de werkgroep "
                    "ze meenemen bij het afstemmen."
                ),
                url=reverse("quickscan:answer", args=[rnd.pk]),
                key=f"respondent:{respondent.pk}:{number}",
            )
        )
    return sent


def _action_reminders(today: datetime.date) -> int:
    sent = 0
    actions = (
        RoundItem.objects.exclude(action_what="")
        .filter(
            action_done_at__isnull=True,
            action_owner__is_active=True,
            action_due__lte=today + datetime.timedelta(days=DUE_SOON_DAYS),
        )
        .select_related("round", "action_owner")
        .order_by(F("action_due").asc())
    )
    for row in actions:
        overdue = row.action_due < today
        title = (
            _("Quickscan-actie over de datum: {what}")
            if overdue
            else _("Quickscan-actie bijna aan de beurt: {what}")
        ).format(what=row.action_what[:120])
        sent += len(
            notify(
                recipients=[row.action_owner],
                event=Event.TASK_DUE,
                title=title,
                body=_("Afgesproken in de Quickscan {year}, klaar op {date}.").format(
                    year=row.round.year, date=row.action_due.strftime("%d-%m-%Y")
                ),
                url=reverse("my_tasks"),
                key=f"action:{row.pk}:{row.action_due}:{'overdue' if overdue else 'soon'}",
            )
        )
    return sent


def send_reminders(*, today: datetime.date) -> int:
    return _answer_reminders(today) + _action_reminders(today)
