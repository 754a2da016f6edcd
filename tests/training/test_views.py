"""Attendance entry, ticking e-learnings, learning questions, access per role and the PDF."""

import datetime
import io

import pytest
from django.urls import reverse

from core.roles import Role
from notifications.models import Notification
from tests.factories import make_staff
from training import services
from training.models import Attendance, Completion, Participant

from .conftest import add_meetings

pytestmark = pytest.mark.django_db


def _meeting(course):
    return add_meetings(course, [datetime.date(2026, 6, 3)])[0]


def test_attendance_one_screen_a_row_per_participant_saved_without_js(
    client_for, course, frontoffice_participant, other_participant, users
):
    meeting = _meeting(course)
    url = reverse("training:attendance", args=[meeting.pk])
    page = client_for("specialist").get(url)
    assert page.status_code == 200
    html = page.content.decode()
    for participant in (frontoffice_participant, other_participant):
        assert f'name="aanwezig_{participant.pk}"' in html
    assert "<script" not in html.split("<main", 1)[-1].split("</main>")[0]

    response = client_for("specialist").post(url, {f"aanwezig_{frontoffice_participant.pk}": "on"})
    assert response.status_code == 302
    recorded = dict(Attendance.objects.values_list("participant_id", "present"))
    assert recorded == {frontoffice_participant.pk: True, other_participant.pk: False}
    assert Attendance.objects.get(participant=other_participant).recorded_by == users["specialist"]

    # The screen shows what was saved; saving again changes only what changed.
    page = client_for("specialist").get(url).content.decode()
    assert (
        f'name="aanwezig_{frontoffice_participant.pk}" '
        f'id="id_aanwezig_{frontoffice_participant.pk}" checked' in page
    )
    client_for("specialist").post(url, {f"aanwezig_{other_participant.pk}": "on"})
    recorded = dict(Attendance.objects.values_list("participant_id", "present"))
    assert recorded == {frontoffice_participant.pk: False, other_participant.pk: True}


def test_attendance_for_a_future_meeting_is_refused_with_a_reason(
    client_for, course, frontoffice_participant
):
    meeting = add_meetings(course, [datetime.date(2026, 6, 24)])[0]
    response = client_for("trekker").post(
        reverse("training:attendance", args=[meeting.pk]),
        {f"aanwezig_{frontoffice_participant.pk}": "on"},
    )
    assert response.status_code == 200
    assert "nog niet geweest" in response.content.decode()
    assert not Attendance.objects.exists()


def test_a_specialist_who_does_not_teach_the_course_cannot_record(
    client, library, course, frontoffice_participant
):
    meeting = _meeting(course)
    client.force_login(make_staff(library, Role.SPECIALIST, username="andere"))
    response = client.post(
        reverse("training:attendance", args=[meeting.pk]),
        {f"aanwezig_{frontoffice_participant.pk}": "on"},
    )
    assert response.status_code == 403
    assert not Attendance.objects.exists()


def test_front_office_sees_only_their_own_progress(
    client_for, course, frontoffice_participant, other_participant
):
    client = client_for("frontoffice")
    mine = client.get(reverse("training:mine"))
    assert mine.status_code == 302
    assert mine.url == reverse("training:participant", args=[frontoffice_participant.pk])
    assert client.get(mine.url).status_code == 200
    assert (
        client.get(reverse("training:participant", args=[other_participant.pk])).status_code == 403
    )
    assert client.get(reverse("training:course", args=[course.pk])).status_code == 403
    assert client.get(reverse("training:overview")).status_code == 403
    response = client.post(
        reverse("training:completions", args=[other_participant.pk]),
        {
            f"klaar_{course.modules.first().pk}": "on",
            f"datum_{course.modules.first().pk}": "2026-06-01",
        },
    )
    assert response.status_code == 403
    assert not Completion.objects.exists()


def test_mt_reads_but_does_not_change(client_for, course, frontoffice_participant):
    client = client_for("mt")
    assert client.get(reverse("training:course", args=[course.pk])).status_code == 200
    page = client.get(reverse("training:participant", args=[frontoffice_participant.pk]))
    assert page.status_code == 200
    assert "E-learnings bewaren" not in page.content.decode()
    module = course.modules.first()
    response = client.post(
        reverse("training:completions", args=[frontoffice_participant.pk]),
        {f"klaar_{module.pk}": "on", f"datum_{module.pk}": "2026-06-01"},
    )
    assert response.status_code == 403


def test_a_course_of_another_library_is_not_found(client, course, frontoffice_participant):
    from tests.factories import LibraryFactory

    other = LibraryFactory()
    client.force_login(make_staff(other, Role.TREKKER, username="elders"))
    assert client.get(reverse("training:course", args=[course.pk])).status_code == 404
    assert (
        client.get(reverse("training:participant", args=[frontoffice_participant.pk])).status_code
        == 404
    )


def test_participant_ticks_own_elearning_and_sees_what_is_missing(
    client_for, course, frontoffice_participant
):
    _meeting(course)
    modules = list(course.modules.order_by("order"))
    client = client_for("frontoffice")
    url = reverse("training:participant", args=[frontoffice_participant.pk])
    assert "nog 7 e-learnings, nog 1 bijeenkomst" in client.get(url).content.decode()
    data = {}
    for module in modules[:6]:
        data[f"klaar_{module.pk}"] = "on"
        data[f"datum_{module.pk}"] = "2026-06-02"
    response = client.post(reverse("training:completions", args=[frontoffice_participant.pk]), data)
    assert response.status_code == 302
    assert Completion.objects.filter(participant=frontoffice_participant).count() == 6
    assert "nog 1 e-learning, nog 1 bijeenkomst" in client.get(url).content.decode()


def test_elearning_with_a_date_in_the_future_or_without_a_date_is_refused(
    client_for, course, frontoffice_participant
):
    module = course.modules.order_by("order").first()
    url = reverse("training:completions", args=[frontoffice_participant.pk])
    client = client_for("frontoffice")
    response = client.post(url, {f"klaar_{module.pk}": "on", f"datum_{module.pk}": "2026-07-01"})
    assert response.status_code == 400
    assert "toekomst" in response.content.decode()
    response = client.post(url, {f"klaar_{module.pk}": "on", f"datum_{module.pk}": ""})
    assert response.status_code == 400
    assert "Vul in wanneer" in response.content.decode()
    response = client.post(url, {f"klaar_{module.pk}": "on", f"datum_{module.pk}": "1899-01-01"})
    assert response.status_code == 400
    assert not Completion.objects.exists()


def test_learning_questions_and_what_was_learnt(client_for, frontoffice_participant):
    client = client_for("frontoffice")
    response = client.post(
        reverse("training:learning", args=[frontoffice_participant.pk]),
        {"learning_questions": "Hoe spreek ik iemand aan?", "learnt": ""},
    )
    assert response.status_code == 302
    frontoffice_participant.refresh_from_db()
    assert frontoffice_participant.learning_questions == "Hoe spreek ik iemand aan?"
    page = client_for("mt").get(reverse("training:participant", args=[frontoffice_participant.pk]))
    assert "Hoe spreek ik iemand aan?" in page.content.decode()


def test_adding_participants_tells_them(client_for, course, users, library):
    colleague = make_staff(library, Role.FRONTOFFICE, username="nieuw")
    response = client_for("specialist").post(
        reverse("training:participants_add", args=[course.pk]), {"users": [colleague.pk]}
    )
    assert response.status_code == 302
    assert Participant.objects.filter(course=course, user=colleague).exists()
    notification = Notification.objects.get(recipient=colleague)
    assert course.name in notification.title
    assert notification.url == reverse("training:mine")


def test_new_course_gets_the_seven_default_elearnings(client_for, modules):
    response = client_for("trekker").post(
        reverse("training:course_new"),
        {
            "name": "Najaar",
            "starts_on": "2026-09-01",
            "ends_on": "2026-08-01",
            "modules": [m.pk for m in modules],
        },
    )
    assert response.status_code == 200
    assert "De einddatum ligt voor de begindatum." in response.content.decode()
    response = client_for("trekker").post(
        reverse("training:course_new"),
        {
            "name": "Najaar",
            "starts_on": "2026-09-01",
            "ends_on": "2026-11-30",
            "modules": [m.pk for m in modules],
        },
    )
    assert response.status_code == 302
    from training.models import Course

    assert Course.objects.get(name="Najaar").modules.count() == 7


def _qualify(participant, course, by):
    meeting = _meeting(course)
    services.attendance_record(meeting=meeting, present=[participant.pk], by=by)
    services.completions_update(
        participant=participant,
        done={m.pk: datetime.date(2026, 5, 1) for m in course.modules.all()},
        by=by,
    )


def test_participation_pdf_says_the_certificate_comes_from_the_kb(
    client_for, course, frontoffice_participant, users
):
    from pypdf import PdfReader

    url = reverse("training:participation_pdf", args=[frontoffice_participant.pk])
    refused = client_for("frontoffice").get(url)
    assert refused.status_code == 403
    assert "Nog nodig" in refused.content.decode()

    _qualify(frontoffice_participant, course, users["trekker"])
    response = client_for("frontoffice").get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "Deelnamebewijs" in text
    assert "Dit is geen certificaat" in text
    assert "officiële certificaat wordt verstrekt door de KB" in text
    assert users["frontoffice"].get_full_name() in text
    assert "BoekStart" in text
