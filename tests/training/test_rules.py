"""The certificate rule: every e-learning of the course, and at least 75% of its meetings."""

import datetime

import pytest

from training import selectors, services
from training.rules import meetings_needed, progress

from .conftest import add_meetings

pytestmark = pytest.mark.django_db

APRIL = [datetime.date(2026, 4, d) for d in (2, 9, 16, 23, 30)]


def _all_modules(participant, by, modules):
    services.completions_update(
        participant=participant,
        done={m.pk: datetime.date(2026, 5, 1) for m in modules},
        by=by,
    )


def _progress(participant):
    return selectors.progress_by_participant([participant])[participant.pk]


@pytest.mark.parametrize(
    ("meetings", "needed"), [(1, 1), (3, 3), (4, 3), (5, 4), (6, 5), (8, 6), (0, 0)]
)
def test_meetings_needed_is_at_least_three_quarters(meetings, needed):
    assert meetings_needed(meetings) == needed


def test_exactly_75_percent_qualifies_and_one_less_does_not(
    course, users, frontoffice_participant, modules
):
    meetings = add_meetings(course, APRIL[:4])
    _all_modules(frontoffice_participant, users["frontoffice"], modules)
    for meeting in meetings[:3]:
        services.attendance_record(
            meeting=meeting, present=[frontoffice_participant.pk], by=users["specialist"]
        )
    services.attendance_record(meeting=meetings[3], present=[], by=users["specialist"])
    result = _progress(frontoffice_participant)
    assert (result.meetings_attended, result.meetings_total) == (3, 4)
    assert result.qualifies

    services.attendance_record(meeting=meetings[2], present=[], by=users["specialist"])
    result = _progress(frontoffice_participant)
    assert not result.qualifies
    assert result.missing_text == "nog 1 bijeenkomst"


def test_a_cancelled_meeting_does_not_count(course, users, frontoffice_participant, modules):
    meetings = add_meetings(course, APRIL[:5])
    _all_modules(frontoffice_participant, users["frontoffice"], modules)
    for meeting in meetings[:3]:
        services.attendance_record(
            meeting=meeting, present=[frontoffice_participant.pk], by=users["specialist"]
        )
    # 3 of 5 is 60%: one more needed.
    assert _progress(frontoffice_participant).missing_text == "nog 1 bijeenkomst"
    for meeting in meetings[3:]:
        services.meeting_update(
            meeting=meeting,
            kind=meeting.kind,
            date=meeting.date,
            start_time=meeting.start_time,
            duration_minutes=meeting.duration_minutes,
            topic=meeting.topic,
            cancelled=True,
        )
    # 3 of the 3 that took place.
    result = _progress(frontoffice_participant)
    assert (result.meetings_attended, result.meetings_total) == (3, 3)
    assert result.qualifies


def test_a_module_added_later_is_needed_by_everyone(
    course, users, frontoffice_participant, modules
):
    meetings = add_meetings(course, APRIL[:1])
    services.attendance_record(
        meeting=meetings[0], present=[frontoffice_participant.pk], by=users["trekker"]
    )
    services.course_update(
        course=course,
        name=course.name,
        starts_on=course.starts_on,
        ends_on=course.ends_on,
        branches=[],
        trainers=[users["specialist"]],
        modules=modules[:6],
    )
    _all_modules(frontoffice_participant, users["frontoffice"], modules[:6])
    assert _progress(frontoffice_participant).qualifies

    services.course_update(
        course=course,
        name=course.name,
        starts_on=course.starts_on,
        ends_on=course.ends_on,
        branches=[],
        trainers=[users["specialist"]],
        modules=modules,
    )
    result = _progress(frontoffice_participant)
    assert not result.qualifies
    assert result.missing_text == "nog 1 e-learning"


def test_a_completion_of_a_module_dropped_from_the_course_does_not_count():
    result = progress(module_ids={1, 2}, done_module_ids={2, 3}, meeting_ids={10}, present_ids={10})
    assert (result.modules_done, result.modules_missing) == (1, 1)
    assert result.missing_text == "nog 1 e-learning"


def test_missing_names_both_and_uses_plurals():
    result = progress(
        module_ids={1, 2, 3}, done_module_ids={1}, meeting_ids={1, 2, 3, 4}, present_ids={1}
    )
    assert result.missing_text == "nog 2 e-learnings, nog 2 bijeenkomsten"


def test_an_empty_course_qualifies_nobody():
    result = progress(module_ids=set(), done_module_ids=set(), meeting_ids=set(), present_ids=set())
    assert not result.qualifies
