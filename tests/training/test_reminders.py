"""Participants and trainers hear two days ahead that a meeting is coming, once."""

import datetime

import pytest

from notifications.models import Notification
from training import reminders, services

from .conftest import add_meetings

pytestmark = pytest.mark.django_db


def test_a_meeting_in_two_days_is_announced_once(course, users, frontoffice_participant):
    meeting = add_meetings(course, [datetime.date(2026, 6, 12)])[0]
    cancelled = add_meetings(course, [datetime.date(2026, 6, 11)])[0]
    services.meeting_update(
        meeting=cancelled,
        kind=cancelled.kind,
        date=cancelled.date,
        start_time=cancelled.start_time,
        duration_minutes=cancelled.duration_minutes,
        topic=cancelled.topic,
        cancelled=True,
    )
    today = datetime.date(2026, 6, 10)
    assert reminders.send_reminders(today=today) == 2  # the participant and the trainer
    assert reminders.send_reminders(today=today) == 0
    titles = set(Notification.objects.values_list("recipient__username", "title"))
    assert {who for who, _title in titles} == {"frontoffice", "specialist"}
    assert all(meeting.topic not in title for _who, title in titles)
