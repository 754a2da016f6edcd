import datetime

import pytest

from core.roles import Role
from tests.factories import make_staff

# The referral log's fixtures, for the figures of trained and not-yet-trained colleagues.
from tests.referrals.conftest import colleague, make_referral, options, partner  # noqa: F401
from training import services
from training.models import Module


@pytest.fixture
def modules(db):
    from django.core.management import call_command

    if not Module.objects.exists():
        call_command("loaddata", "leergang_e-learnings", verbosity=0)
    return list(Module.objects.order_by("order"))


@pytest.fixture
def course(library, users, modules):
    """A course from 1 April to 30 June 2026 (the clock stands at 10 June), taught by the
    specialist, with the seven default e-learnings and no meetings yet."""
    return services.course_create(
        library=library,
        name="Leergang voorjaar",
        starts_on=datetime.date(2026, 4, 1),
        ends_on=datetime.date(2026, 6, 30),
        branches=list(library.branches.all()),
        trainers=[users["specialist"]],
        by=users["trekker"],
    )


def add_meetings(course, dates, cancelled=()):
    meetings = []
    for index, date in enumerate(dates):
        meeting = services.meeting_create(
            course=course,
            kind="group",
            date=date,
            start_time=datetime.time(9, 30),
            duration_minutes=90,
            topic=f"Bijeenkomst {index + 1}",
        )
        meetings.append(meeting)
    return meetings


@pytest.fixture
def frontoffice_participant(course, users):
    return services.participants_add(
        course=course, users=[users["frontoffice"]], by=users["trekker"]
    )[0]


@pytest.fixture
def other_participant(course, users, library):
    person = make_staff(library, Role.FRONTOFFICE, username="deelnemer2")
    return services.participants_add(course=course, users=[person], by=users["trekker"])[0]
