"""MT's overview per branch, and the referral figures of trained and not-yet-trained staff."""

import datetime

import pytest
from django.urls import reverse

from core.models import Branch
from core.roles import Role
from tests.factories import make_staff
from training import selectors, services
from wegwijzer.training_referrals import referrals_by_training

from .conftest import add_meetings

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished(library, users, modules):
    """A course from January to March 2026 in which the front-office user earned the
    certificate and a colleague fell one meeting short."""
    course = services.course_create(
        library=library,
        name="Winter",
        starts_on=datetime.date(2026, 1, 5),
        ends_on=datetime.date(2026, 3, 31),
        by=users["trekker"],
    )
    short = make_staff(library, Role.FRONTOFFICE, username="bijna")
    trained, almost = services.participants_add(
        course=course, users=[users["frontoffice"], short], by=users["trekker"]
    )
    for participant in (trained, almost):
        services.completions_update(
            participant=participant,
            done={m.pk: datetime.date(2026, 2, 1) for m in modules},
            by=users["trekker"],
        )
    meetings = add_meetings(course, [datetime.date(2026, 1, d) for d in (6, 13, 20, 27)])
    for index, meeting in enumerate(meetings):
        present = [trained.pk] + ([almost.pk] if index < 2 else [])
        services.attendance_record(meeting=meeting, present=present, by=users["trekker"])
    return course


def test_branch_overview_counts_certificates_running_groups_and_never(
    library, users, finished, course
):
    centrale, noord = Branch.objects.filter(library=library).order_by("name")
    profile = users["frontoffice"].profile
    profile.branch = centrale
    profile.save()
    newcomer = make_staff(library, Role.FRONTOFFICE, username="nieuw")
    newcomer.profile.branch = noord
    newcomer.profile.save()
    never = make_staff(library, Role.FRONTOFFICE, username="nooit")
    never.profile.branch = noord
    never.profile.save()
    services.participants_add(course=course, users=[newcomer], by=users["trekker"])

    lines = {
        line.name: line
        for line in selectors.branch_overview(library=library, today=datetime.date(2026, 6, 10))
    }
    assert (lines["Centrale"].staff, lines["Centrale"].certified) == (1, 1)
    assert lines["Centrale"].certified_percent == 100
    assert (lines["Noord"].staff, lines["Noord"].in_running, lines["Noord"].never) == (2, 1, 1)
    assert lines["Noord"].people_never == [never]
    # "bijna" has no branch and fell short: no certificate.
    assert (lines[""].staff, lines[""].certified, lines[""].never) == (1, 0, 0)


def test_mt_sees_the_overview(client_for, finished, users):
    page = client_for("mt").get(reverse("training:overview"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Met certificaat" in html
    assert "Winter" not in html  # finished: not a running group


def test_referrals_are_split_by_trained_and_not_yet_trained_staff(
    library, users, finished, make_referral
):
    make_referral(user="frontoffice", days_ago=1)  # June, after the certificate
    make_referral(user="frontoffice", days_ago=2)
    make_referral(user="specialist", days_ago=1)  # never followed the course
    make_referral(user="frontoffice", days_ago=140)  # January: not yet trained
    lines = {
        line.month: line
        for line in referrals_by_training(library=library, today=datetime.date(2026, 6, 10))
    }
    assert len(lines) == 12
    june = lines[datetime.date(2026, 6, 1)]
    assert (june.trained, june.not_trained) == (2, 1)
    january = lines[datetime.date(2026, 1, 1)]
    assert (january.trained, january.not_trained) == (0, 1)


def test_the_referral_page_shows_counts_and_no_names(client_for, users, finished, make_referral):
    make_referral(user="frontoffice", days_ago=1)
    page = client_for("mt").get(reverse("training_referrals"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Met leergang" in html
    assert users["frontoffice"].last_name not in html
