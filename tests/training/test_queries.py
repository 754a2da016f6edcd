"""The leergang's pages run a fixed number of queries, however large the group."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.roles import Role
from tests.factories import make_staff
from training import services

from .conftest import add_meetings

pytestmark = pytest.mark.django_db

MAX_QUERIES = {
    "home": 12,
    "course": 25,
    "attendance": 14,
    "participant": 18,
    "overview": 20,
    "training_referrals": 14,
    "start": 40,
}


def build(course, library, users, size):
    """`size` front-office participants, five meetings (four held), everything recorded."""
    people = [make_staff(library, Role.FRONTOFFICE, username=f"balie{i}") for i in range(size)]
    participants = services.participants_add(course=course, users=people, by=users["trekker"])
    participants += services.participants_add(
        course=course, users=[users["frontoffice"]], by=users["trekker"]
    )
    meetings = add_meetings(course, [datetime.date(2026, 4, d) for d in (2, 9, 16, 23)])
    meetings += add_meetings(course, [datetime.date(2026, 6, 25)])
    for index, meeting in enumerate(meetings[:4]):
        services.attendance_record(
            meeting=meeting,
            present=[p.pk for n, p in enumerate(participants) if (n + index) % 4],
            by=users["trekker"],
        )
    modules = list(course.modules.all())
    for n, participant in enumerate(participants):
        services.completions_update(
            participant=participant,
            done={m.pk: datetime.date(2026, 5, 1) for m in modules[: n % 8]},
            by=users["trekker"],
        )
    return participants, meetings


def urls(participants, meetings, course, page):
    return {
        "home": reverse("training:home"),
        "course": reverse("training:course", args=[course.pk]),
        "attendance": reverse("training:attendance", args=[meetings[0].pk]),
        "participant": reverse("training:participant", args=[participants[0].pk]),
        "overview": reverse("training:overview"),
        "training_referrals": reverse("training_referrals"),
        "start": reverse("home"),
    }[page]


def _count(client, url) -> int:
    client.get(url)  # warm up: session and the like
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", list(MAX_QUERIES))
def test_pages_stay_within_a_fixed_number_of_queries(
    page, course, library, users, client, django_assert_max_num_queries
):
    participants, meetings = build(course, library, users, 3)
    client.force_login(users["trekker"])
    url = urls(participants, meetings, course, page)
    small = _count(client, url)
    more, _meetings = build(
        services.course_create(
            library=library,
            name="Tweede groep",
            starts_on=course.starts_on,
            ends_on=course.ends_on,
            by=users["trekker"],
        ),
        library,
        users,
        0,
    )
    extra = [make_staff(library, Role.FRONTOFFICE, username=f"extra{i}") for i in range(15)]
    services.participants_add(course=course, users=extra, by=users["trekker"])
    with django_assert_max_num_queries(MAX_QUERIES[page]):
        assert client.get(url).status_code == 200
    assert _count(client, url) == small
