"""Demo leergang for `setup_demo`: one group that finished last winter, with certificates
(and two colleagues who fell short), and one group half-way, in which the demo front-office
account takes part.

The participants are front-office colleagues spread over the branches; they have no
password of their own (nobody signs in as them), apart from the demo account `frontoffice`.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from core.models import Branch, Department, Library, StaffProfile
from core.roles import Role, set_user_roles, users_with_role

from . import services
from .models import Course, MeetingKind, Module

# Front-office colleagues of the demo library (username, first name, last name).
COLLEAGUES = [
    ("balie-anouk", "Anouk", "de Groot"),
    ("balie-bas", "Bas", "Hendriks"),
    ("balie-chantal", "Chantal", "Wijaya"),
    ("balie-daan", "Daan", "Kok"),
    ("balie-emine", "Emine", "Yıldız"),
    ("balie-floor", "Floor", "van Dam"),
    ("balie-gerrit", "Gerrit", "Mulder"),
    ("balie-hanneke", "Hanneke", "Bos"),
    ("balie-ilse", "Ilse", "Vermeulen"),
    ("balie-jasper", "Jasper", "Smit"),
    ("balie-karin", "Karin", "Peters"),
    ("balie-lotte", "Lotte", "Dijkstra"),
    ("balie-mohamed", "Mohamed", "Ouali"),
    ("balie-nina", "Nina", "Brouwer"),
    ("balie-olaf", "Olaf", "Willems"),
    ("balie-priya", "Priya", "Ramdin"),
    ("balie-quinten", "Quinten", "de Wit"),
    ("balie-romy", "Romy", "Koster"),
    ("balie-sanne", "Sanne", "Meijer"),
    ("balie-thijs", "Thijs", "Verhoeven"),
    ("balie-ursula", "Ursula", "Schouten"),
    ("balie-vera", "Vera", "Huisman"),
    # New this year: not in a group yet.
    ("balie-wessel", "Wessel", "Jacobs"),
    ("balie-yara", "Yara", "Bakker"),
]
# The educational specialist who teaches the BoekStart meeting with the Basisvaardigheden one.
EDUCATION_SPECIALIST = ("educatie", "Esther", "Mulder")

# (kind, days after the start, start time, minutes, topic)
MEETINGS = [
    (MeetingKind.KICK_OFF, 0, datetime.time(19, 0), 90, "Kick-off: leervragen en planning"),
    (
        MeetingKind.GROUP,
        14,
        datetime.time(9, 30),
        90,
        "BoekStart en de Bibliotheek op school bij ons",
    ),
    (MeetingKind.GROUP, 35, datetime.time(9, 30), 90, "Ons netwerk en de opdracht van de gemeente"),
    (
        MeetingKind.GROUP,
        56,
        datetime.time(13, 0),
        180,
        "Klanten herkennen, aanspreken en warm doorverwijzen",
    ),
    (MeetingKind.GROUP, 70, datetime.time(13, 0), 180, "Het Taalhuis: wie doet wat?"),
    (
        MeetingKind.CLOSING,
        84,
        datetime.time(19, 0),
        90,
        "Slotbijeenkomst: terug naar de leervragen",
    ),
]
LENGTH_DAYS = 88

QUESTIONS = [
    "Hoe merk ik aan de balie dat iemand moeite heeft met lezen, zonder dat het pijnlijk wordt?",
    "Wat doet het Taalhuis precies, en wie bel ik als een klant daar heen wil?",
    "Welke boeken raad ik ouders van een baby aan, en wanneer is de BoekStart-koffer er?",
    "Hoe verwijs ik iemand door zonder dat het voelt als afschuiven?",
]
LEARNT = [
    "Ik let nu op signalen zoals een vergeten bril of een formulier dat mee naar huis moet, en "
    "ik weet bij wie ik iemand meteen kan introduceren.",
    "Ik ken de spreekuren van het Taalhuis en loop met een klant mee naar de specialist.",
]


def _user(library: Library, branch: Branch, username: str, first: str, last: str, role: Role):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
    )
    if created:
        user.set_unusable_password()
        user.save()
        set_user_roles(user, [role])
    StaffProfile.objects.get_or_create(
        user=user,
        defaults={
            "library": library,
            "branch": branch,
            "department": Department.PUBLIEKSSERVICE
            if role == Role.FRONTOFFICE
            else Department.JEUGD_EDUCATIE,
        },
    )
    return user


def _meetings(course: Course) -> list:
    return [
        services.meeting_create(
            course=course,
            kind=kind,
            date=course.starts_on + datetime.timedelta(days=offset),
            start_time=start,
            duration_minutes=minutes,
            topic=topic,
        )
        for kind, offset, start, minutes, topic in MEETINGS
    ]


def _record(
    course, meetings, participants, coordinator, today, *, absent, modules_done, skip=()
) -> None:
    """Attendance of the meetings so far and e-learnings; `absent(i, m)` says who missed
    meeting m, `modules_done(i)` how many e-learnings participant i finished; the meetings
    in `skip` are left for the trainer to fill in."""
    modules = list(course.modules.order_by("order"))
    for m, meeting in enumerate(meetings):
        if meeting.date > today or meeting.cancelled or m in skip:
            continue
        present = [p.pk for i, p in enumerate(participants) if not absent(i, m)]
        services.attendance_record(meeting=meeting, present=present, by=coordinator)
    for i, participant in enumerate(participants):
        done = {}
        for n, module in enumerate(modules[: modules_done(i)]):
            day = course.starts_on + datetime.timedelta(days=7 + 9 * n + i % 5)
            done[module.pk] = min(day, today)
        services.completions_update(participant=participant, done=done, by=participant.user)
        services.learning_update(
            participant=participant,
            learning_questions=QUESTIONS[i % len(QUESTIONS)],
            learnt=LEARNT[i % len(LEARNT)] if course.ends_on < today else "",
        )


@transaction.atomic
def load_demo(*, library: Library) -> None:
    if Course.objects.filter(library=library).exists():
        return
    if not Module.objects.exists():
        call_command("loaddata", "leergang_e-learnings", verbosity=0)
    branches = list(library.branches.order_by("pk"))
    coordinator = users_with_role(library=library, roles=[Role.TREKKER]).first()
    if not branches or coordinator is None:
        return
    colleagues = [
        _user(library, branches[i % len(branches)], username, first, last, Role.FRONTOFFICE)
        for i, (username, first, last) in enumerate(COLLEAGUES)
    ]
    trainers = list(users_with_role(library=library, roles=[Role.SPECIALIST]))
    trainers.append(_user(library, branches[0], *EDUCATION_SPECIALIST, Role.SPECIALIST))
    today = timezone.localdate()

    finished_start = today - datetime.timedelta(days=LENGTH_DAYS + 120)
    finished = services.course_create(
        library=library,
        name=f"Leergang frontoffice {finished_start.year}, groep 1",
        starts_on=finished_start,
        ends_on=finished_start + datetime.timedelta(days=LENGTH_DAYS),
        branches=branches,
        trainers=trainers,
        by=coordinator,
    )
    meetings = _meetings(finished)
    group = services.participants_add(course=finished, users=colleagues[:15], by=coordinator)
    # Most came to five or six meetings; two missed too many or skipped an e-learning.
    _record(
        finished,
        meetings,
        group,
        coordinator,
        today,
        absent=lambda i, m: (i % 4 == 1 and m == 3) or (i == 6 and m in (2, 3, 4)),
        modules_done=lambda i: 6 if i == 11 else 7,
    )

    running_start = today - datetime.timedelta(days=40)
    running = services.course_create(
        library=library,
        name=f"Leergang frontoffice {running_start.year}, groep 2",
        starts_on=running_start,
        ends_on=running_start + datetime.timedelta(days=LENGTH_DAYS),
        branches=branches,
        trainers=trainers,
        by=coordinator,
    )
    meetings = _meetings(running)
    front_office = get_user_model().objects.filter(username="frontoffice").first()
    newcomers = colleagues[15:22] + ([front_office] if front_office else [])
    group = services.participants_add(course=running, users=newcomers, by=coordinator)
    _record(
        running,
        meetings,
        group,
        coordinator,
        today,
        absent=lambda i, m: i % 3 == 2 and m == 1,
        modules_done=lambda i: 2 + i % 3,
        # The latest meeting was last week; its attendance is still to be entered.
        skip={2},
    )
