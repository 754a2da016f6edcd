"""The Wegwijzer's daily reminders: assigned steps close to or past their due date.

Collected by `manage.py send_reminders`; one reminder per step, due date and stage (soon,
overdue), so running it again sends nothing new.
"""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from notifications.events import Event
from notifications.services import notify

from .models import StepProgress

DUE_SOON_DAYS = 3


def send_reminders(*, today: datetime.date) -> int:
    sent = 0
    rows = StepProgress.objects.filter(
        cycle__is_current=True,
        is_done=False,
        assigned_to__is_active=True,
        due_date__lte=today + datetime.timedelta(days=DUE_SOON_DAYS),
    ).select_related("assigned_to", "step__phase__theme")
    for row in rows:
        overdue = row.due_date < today
        step = row.step
        title = (
            _("Stap over de streefdatum: {title}")
            if overdue
            else _("Stap bijna aan de beurt: {title}")
        ).format(title=step.display_title)
        sent += len(
            notify(
                recipients=[row.assigned_to],
                event=Event.TASK_DUE,
                title=title,
                body=step.location
                + ". "
                + _("Streefdatum {date}.").format(date=row.due_date.strftime("%d-%m-%Y")),
                url=reverse("themes:phase", args=[step.phase.theme.slug, step.phase.kind])
                + f"#stap-{step.number}",
                key=f"step:{row.pk}:{row.due_date}:{'overdue' if overdue else 'soon'}",
            )
        )
    return sent
