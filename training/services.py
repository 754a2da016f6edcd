"""Writes for the leergang: courses, meetings, participants, attendance and e-learnings.

Writes about one course lock the course row first, so two trainers saving the same meeting's
attendance at once are handled one after the other and the last complete list stands.
"""

import datetime
from collections.abc import Iterable, Mapping

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.models import Branch, Library
from notifications.events import Event
from notifications.services import notify

from .models import Attendance, Completion, Course, Meeting, Module, Participant

# About three months; a typo in the year should not make a course of several years.
MAX_COURSE_DAYS = 366


def _check_period(starts_on: datetime.date, ends_on: datetime.date) -> None:
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("De einddatum ligt voor de begindatum.")})
    if (ends_on - starts_on).days > MAX_COURSE_DAYS:
        raise ValidationError({"ends_on": _("Een leergang duurt hoogstens een jaar.")})


def _lock(course: Course) -> Course:
    return Course.objects.select_for_update().get(pk=course.pk)


@transaction.atomic
def course_create(
    *,
    library: Library,
    name: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    branches: Iterable[Branch] = (),
    trainers: Iterable[User] = (),
    modules: Iterable[Module] | None = None,
    by: User | None = None,
) -> Course:
    """A new course; without a choice of modules it gets the default e-learnings."""
    _check_period(starts_on, ends_on)
    course = Course(
        library=library, name=name.strip(), starts_on=starts_on, ends_on=ends_on, created_by=by
    )
    course.full_clean()
    course.save()
    course.branches.set(branches)
    course.trainers.set(trainers)
    course.modules.set(Module.objects.filter(is_default=True) if modules is None else modules)
    return course


@transaction.atomic
def course_update(
    *,
    course: Course,
    name: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    branches: Iterable[Branch],
    trainers: Iterable[User],
    modules: Iterable[Module],
) -> Course:
    """Change a course. A module added later is needed by everyone, also by whoever had
    finished the others: the certificate rule reads the course's modules as they are now."""
    _check_period(starts_on, ends_on)
    course = _lock(course)
    course.name = name.strip()
    course.starts_on = starts_on
    course.ends_on = ends_on
    course.full_clean()
    course.save()
    course.branches.set(branches)
    course.trainers.set(trainers)
    course.modules.set(modules)
    return course


def _check_meeting(course: Course, date: datetime.date) -> None:
    if not course.starts_on <= date <= course.ends_on:
        raise ValidationError(
            {
                "date": _("Kies een datum binnen de leergang ({start} tot en met {end}).").format(
                    start=date_format(course.starts_on), end=date_format(course.ends_on)
                )
            }
        )


@transaction.atomic
def meeting_create(
    *,
    course: Course,
    kind: str,
    date: datetime.date,
    start_time: datetime.time,
    duration_minutes: int,
    topic: str,
) -> Meeting:
    course = _lock(course)
    _check_meeting(course, date)
    meeting = Meeting(
        course=course,
        kind=kind,
        date=date,
        start_time=start_time,
        duration_minutes=duration_minutes,
        topic=topic.strip(),
    )
    meeting.full_clean()
    meeting.save()
    return meeting


@transaction.atomic
def meeting_update(
    *,
    meeting: Meeting,
    kind: str,
    date: datetime.date,
    start_time: datetime.time,
    duration_minutes: int,
    topic: str,
    cancelled: bool,
) -> Meeting:
    course = _lock(meeting.course)
    _check_meeting(course, date)
    meeting = Meeting.objects.get(pk=meeting.pk)
    if cancelled and not meeting.cancelled and meeting.attendances.filter(present=True).exists():
        raise ValidationError(
            {
                "cancelled": _(
                    "Bij deze bijeenkomst is al aanwezigheid vastgelegd. Zet eerst iedereen op "
                    "afwezig als ze echt niet doorging."
                )
            }
        )
    meeting.kind = kind
    meeting.date = date
    meeting.start_time = start_time
    meeting.duration_minutes = duration_minutes
    meeting.topic = topic.strip()
    meeting.cancelled = cancelled
    meeting.full_clean()
    meeting.save()
    return meeting


@transaction.atomic
def participants_add(*, course: Course, users: Iterable[User], by: User) -> list[Participant]:
    """Add colleagues of the library to the course and tell them; who is in already stays."""
    course = _lock(course)
    present = set(Participant.objects.filter(course=course).values_list("user_id", flat=True))
    new = []
    for user in users:
        if user.pk in present:
            continue
        if user.profile.library_id != course.library_id:
            raise ValidationError(_("Alleen collega's van de eigen bibliotheek doen mee."))
        participant = Participant(course=course, user=user)
        participant.full_clean(exclude=["course", "user"])
        participant.save()
        new.append(participant)
    if new:
        notify(
            recipients=[p.user for p in new],
            event=Event.TRAINING_ADDED,
            title=_("Je doet mee aan de leergang {name}").format(name=course.name),
            body=_(
                "De leergang loopt van {start} tot en met {end}. Op je eigen pagina zie je de "
                "bijeenkomsten, de e-learnings en wat je nog nodig hebt voor het certificaat. "
                "Schrijf voor de kick-off alvast op wat je wilt leren."
            ).format(start=date_format(course.starts_on), end=date_format(course.ends_on)),
            url=reverse("training:mine"),
            actor=by,
        )
    return new


@transaction.atomic
def participant_remove(*, participant: Participant) -> None:
    """Take someone out of the course (added by mistake); their records go with them."""
    _lock(participant.course)
    participant.delete()


@transaction.atomic
def attendance_record(*, meeting: Meeting, present: Iterable[int], by: User) -> tuple[int, int]:
    """Record who was there: the participants in `present` (ids), everyone else absent.
    Returns (present, absent)."""
    _lock(meeting.course)
    meeting = Meeting.objects.get(pk=meeting.pk)
    if meeting.cancelled:
        raise ValidationError(_("Deze bijeenkomst ging niet door; er valt niets vast te leggen."))
    if meeting.date > timezone.localdate():
        raise ValidationError(
            _(
                "Deze bijeenkomst is nog niet geweest; leg de aanwezigheid vast op of na {date}."
            ).format(date=date_format(meeting.date))
        )
    participant_ids = set(
        Participant.objects.filter(course_id=meeting.course_id).values_list("pk", flat=True)
    )
    wanted = set(present)
    if not wanted <= participant_ids:
        raise ValidationError(_("Iemand in de lijst doet niet (meer) mee aan deze leergang."))
    existing = {a.participant_id: a for a in Attendance.objects.filter(meeting=meeting)}
    to_create, to_update = [], []
    for pid in participant_ids:
        is_present = pid in wanted
        row = existing.get(pid)
        if row is None:
            to_create.append(
                Attendance(meeting=meeting, participant_id=pid, present=is_present, recorded_by=by)
            )
        elif row.present != is_present:
            row.present = is_present
            row.recorded_by = by
            row.recorded_at = timezone.now()
            to_update.append(row)
    Attendance.objects.bulk_create(to_create)
    Attendance.objects.bulk_update(to_update, ["present", "recorded_by", "recorded_at"])
    return len(wanted), len(participant_ids) - len(wanted)


@transaction.atomic
def completions_update(
    *,
    participant: Participant,
    done: Mapping[int, datetime.date | None],
    by: User,
) -> None:
    """Set the e-learnings the participant finished: module id -> date, or None for not (yet)
    done. Only the course's modules; a date in the future is refused."""
    course = _lock(participant.course)
    module_ids = set(course.modules.values_list("pk", flat=True))
    today = timezone.localdate()
    if not set(done) <= module_ids:
        raise ValidationError(_("Die e-learning hoort niet (meer) bij deze leergang."))
    existing = {c.module_id: c for c in Completion.objects.filter(participant=participant)}
    for module_id, completed_on in done.items():
        row = existing.get(module_id)
        if completed_on is None:
            if row is not None:
                row.delete()
            continue
        if completed_on > today:
            raise ValidationError(_("Een e-learning afronden kan niet in de toekomst."))
        if row is None:
            Completion.objects.create(
                participant=participant,
                module_id=module_id,
                completed_on=completed_on,
                recorded_by=by,
            )
        elif row.completed_on != completed_on:
            row.completed_on = completed_on
            row.recorded_by = by
            row.save(update_fields=["completed_on", "recorded_by"])


@transaction.atomic
def learning_update(*, participant: Participant, learning_questions: str, learnt: str) -> None:
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    participant.learning_questions = learning_questions.strip()
    participant.learnt = learnt.strip()
    participant.full_clean(exclude=["course", "user"])
    participant.save(update_fields=["learning_questions", "learnt"])
