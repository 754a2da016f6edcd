"""Participants and trainers hear two days ahead that a meeting is coming, once."""

import datetime

import pytest
from django_scopes import ScopeError

from core.library import library_scope, no_library_scope
from core.roles import Role
from notifications.events import Event
from notifications.models import Notification
from tests.factories import LibraryFactory, make_staff
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
    with library_scope(course.library):
        assert reminders.send_reminders(today=today) == 2  # the participant and the trainer
        assert reminders.send_reminders(today=today) == 0
    titles = set(Notification.objects.values_list("recipient__username", "title"))
    assert {who for who, _title in titles} == {"frontoffice", "specialist"}
    assert all(meeting.topic not in title for _who, title in titles)


def test_reminders_are_collected_within_one_library(course, users, frontoffice_participant):
    """send_reminders runs per library inside its scope: a meeting of another library is not
    announced from this library's run, and without a scope nothing is read at all."""
    add_meetings(course, [datetime.date(2026, 6, 12)])
    other_library = LibraryFactory(name="Bibliotheek Anderdorp")
    their_trekker = make_staff(other_library, Role.TREKKER, username="trekker_anderdorp")
    other_course = services.course_create(
        library=other_library,
        name="Leergang Anderdorp",
        starts_on=datetime.date(2026, 4, 1),
        ends_on=datetime.date(2026, 6, 30),
        by=their_trekker,
    )
    stranger = make_staff(other_library, Role.FRONTOFFICE, username="anderdorp")
    services.participants_add(course=other_course, users=[stranger], by=their_trekker)
    add_meetings(other_course, [datetime.date(2026, 6, 11)])
    today = datetime.date(2026, 6, 10)

    announced = Notification.objects.filter(recipient=stranger, event=Event.TRAINING_MEETING)
    with library_scope(course.library):
        assert reminders.send_reminders(today=today) == 2
    assert not announced.exists()
    with library_scope(other_library):
        assert reminders.send_reminders(today=today) == 1
    assert announced.count() == 1

    with no_library_scope(), pytest.raises(ScopeError):
        reminders.send_reminders(today=today)
