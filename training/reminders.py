"""The leergang's reminders, collected by `manage.py send_reminders`: participants and
trainers hear two days ahead that a meeting is coming, once per meeting."""

import datetime

from django.urls import reverse
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from notifications.events import Event
from notifications.services import notify

from .models import Meeting

DAYS_AHEAD = 2


def send_reminders(*, today: datetime.date) -> int:
    sent = 0
    meetings = Meeting.objects.filter(
        cancelled=False, date__gte=today, date__lte=today + datetime.timedelta(days=DAYS_AHEAD)
    ).select_related("course")
    for meeting in meetings:
        course = meeting.course
        people = [p.user for p in course.participants.select_related("user")]
        people += list(course.trainers.all())
        sent += len(
            notify(
                recipients=people,
                event=Event.TRAINING_MEETING,
                title=_("{course}: bijeenkomst op {date} om {time}").format(
                    course=course.name,
                    date=date_format(meeting.date, "l j F"),
                    time=time_format(meeting.start_time, "H:i"),
                ),
                body=meeting.topic,
                url=reverse("training:mine"),
                key=f"meeting-{meeting.pk}",
            )
        )
    return sent
