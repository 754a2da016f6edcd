"""Reads for the leergang: keyword arguments in, querysets or dataclasses out.

Progress is computed for many participants at once with a fixed number of queries (the
courses' modules and meetings, and the participants' completions and attendance), then
combined by `rules.progress`.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db.models import Count, Q, QuerySet

from core.models import Branch, Library
from core.numbers import percent
from core.roles import Role, active_staff, users_with_role

from .models import Attendance, Completion, Course, Meeting, Module, Participant
from .rules import Progress, progress


def courses(*, library: Library) -> QuerySet[Course]:
    return (
        Course.objects.filter(library=library)
        .annotate(participant_count=Count("participants", distinct=True))
        .prefetch_related("branches")
    )


def course_meetings(*, course: Course) -> QuerySet[Meeting]:
    return Meeting.objects.filter(course=course)


def course_modules(*, course: Course) -> QuerySet[Module]:
    return course.modules.order_by("order", "pk")


def default_modules() -> QuerySet[Module]:
    return Module.objects.filter(is_default=True)


def all_modules() -> QuerySet[Module]:
    return Module.objects.all()


def trainer_candidates(*, library: Library) -> QuerySet:
    return users_with_role(library=library, roles=[Role.SPECIALIST])


def participant_candidates(*, course: Course) -> QuerySet:
    """Active colleagues not yet in the course, front office first in the list's help text."""
    return active_staff(library=course.library).exclude(course_participations__course=course)


def is_trainer(*, course: Course, user: User) -> bool:
    return course.trainers.filter(pk=user.pk).exists()


def participant_of(*, course: Course, user: User) -> Participant | None:
    return Participant.objects.filter(course=course, user=user).first()


def progress_by_participant(participants: Iterable[Participant]) -> dict[int, Progress]:
    """Each participant's progress towards the certificate (4 queries, however many)."""
    participants = list(participants)
    course_ids = {p.course_id for p in participants}
    ids = [p.pk for p in participants]
    modules: dict[int, set[int]] = defaultdict(set)
    for course_id, module_id in Course.modules.through.objects.filter(
        course_id__in=course_ids
    ).values_list("course_id", "module_id"):
        modules[course_id].add(module_id)
    meetings: dict[int, set[int]] = defaultdict(set)
    for course_id, meeting_id in Meeting.objects.filter(
        course_id__in=course_ids, cancelled=False
    ).values_list("course_id", "pk"):
        meetings[course_id].add(meeting_id)
    done: dict[int, set[int]] = defaultdict(set)
    for participant_id, module_id in Completion.objects.filter(participant_id__in=ids).values_list(
        "participant_id", "module_id"
    ):
        done[participant_id].add(module_id)
    present: dict[int, set[int]] = defaultdict(set)
    for participant_id, meeting_id in Attendance.objects.filter(
        participant_id__in=ids, present=True
    ).values_list("participant_id", "meeting_id"):
        present[participant_id].add(meeting_id)
    return {
        p.pk: progress(
            module_ids=modules[p.course_id],
            done_module_ids=done[p.pk],
            meeting_ids=meetings[p.course_id],
            present_ids=present[p.pk],
        )
        for p in participants
    }


@dataclass
class ParticipantRow:
    participant: Participant
    progress: Progress
    completed: dict[int, Completion] = field(default_factory=dict)  # by module id
    attendance: dict[int, bool] = field(default_factory=dict)  # by meeting id


def course_rows(*, course: Course) -> list[ParticipantRow]:
    """The group at a glance: each participant with completions and attendance (7 queries)."""
    participants = list(
        Participant.objects.filter(course=course).select_related("user__profile__branch")
    )
    progress_of = progress_by_participant(participants)
    rows = {p.pk: ParticipantRow(participant=p, progress=progress_of[p.pk]) for p in participants}
    for completion in Completion.objects.filter(participant__course=course):
        rows[completion.participant_id].completed[completion.module_id] = completion
    for participant_id, meeting_id, present in Attendance.objects.filter(
        participant__course=course
    ).values_list("participant_id", "meeting_id", "present"):
        rows[participant_id].attendance[meeting_id] = present
    return list(rows.values())


def participant_row(*, participant: Participant) -> ParticipantRow:
    row = ParticipantRow(
        participant=participant, progress=progress_by_participant([participant])[participant.pk]
    )
    for completion in Completion.objects.filter(participant=participant).select_related(
        "recorded_by"
    ):
        row.completed[completion.module_id] = completion
    for meeting_id, present in Attendance.objects.filter(participant=participant).values_list(
        "meeting_id", "present"
    ):
        row.attendance[meeting_id] = present
    return row


def participations_of(*, library: Library, user: User) -> list[ParticipantRow]:
    """The user's own courses, newest first, each with progress (5 queries)."""
    participants = list(
        Participant.objects.filter(course__library=library, user=user)
        .select_related("course")
        .order_by("-course__starts_on", "pk")
    )
    progress_of = progress_by_participant(participants)
    return [ParticipantRow(participant=p, progress=progress_of[p.pk]) for p in participants]


def attendance_for(*, meeting: Meeting) -> tuple[list[Participant], dict[int, bool]]:
    """The meeting's participants and what is recorded for each so far (2 queries)."""
    participants = list(
        Participant.objects.filter(course_id=meeting.course_id).select_related("user")
    )
    recorded = dict(
        Attendance.objects.filter(meeting=meeting).values_list("participant_id", "present")
    )
    return participants, recorded


def certified_since(*, library: Library) -> dict[int, datetime.date]:
    """Per colleague who earned the certificate: the end date of the first course in which
    they did (5 queries). Counts and figures build on this; it ranks nobody."""
    participants = list(
        Participant.objects.filter(course__library=library).select_related("course")
    )
    progress_of = progress_by_participant(participants)
    since: dict[int, datetime.date] = {}
    for p in participants:
        if progress_of[p.pk].qualifies:
            ends = p.course.ends_on
            if p.user_id not in since or ends < since[p.user_id]:
                since[p.user_id] = ends
    return since


@dataclass(frozen=True)
class BranchLine:
    branch: Branch | None
    staff: int  # front-office colleagues of the branch
    certified: int
    in_running: int
    never: int
    people_running: list = field(default_factory=list)
    people_never: list = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.branch.name if self.branch else ""

    @property
    def certified_percent(self) -> int | None:
        return percent(self.certified, self.staff, empty=None)


def branch_overview(*, library: Library, today: datetime.date) -> list[BranchLine]:
    """Per branch, the front-office colleagues: how many have the certificate, who is in a
    running course and who never followed one (8 queries)."""
    staff = list(
        users_with_role(library=library, roles=[Role.FRONTOFFICE]).select_related("profile__branch")
    )
    participants = list(
        Participant.objects.filter(course__library=library).select_related("course")
    )
    progress_of = progress_by_participant(participants)
    certified, running, ever = set(), set(), set()
    for p in participants:
        ever.add(p.user_id)
        if progress_of[p.pk].qualifies and p.course.ends_on <= today:
            certified.add(p.user_id)
        if p.course.starts_on <= today <= p.course.ends_on:
            running.add(p.user_id)
    by_branch: dict[int | None, list] = defaultdict(list)
    for user in staff:
        by_branch[user.profile.branch_id].append(user)
    branches = {b.pk: b for b in Branch.objects.filter(library=library)}
    lines = []
    for branch_id in sorted(
        by_branch, key=lambda pk: (pk is None, branches[pk].name if pk in branches else "")
    ):
        people = by_branch[branch_id]
        lines.append(
            BranchLine(
                branch=branches.get(branch_id) if branch_id is not None else None,
                staff=len(people),
                certified=sum(1 for u in people if u.pk in certified),
                in_running=sum(1 for u in people if u.pk in running),
                never=sum(1 for u in people if u.pk not in ever),
                people_running=[u for u in people if u.pk in running],
                people_never=[u for u in people if u.pk not in ever],
            )
        )
    return lines


def running_courses(*, library: Library, today: datetime.date) -> QuerySet[Course]:
    return courses(library=library).filter(starts_on__lte=today, ends_on__gte=today)


def upcoming_meetings(*, library: Library, user: User, today: datetime.date):
    """The user's next meetings, as participant or trainer."""
    return (
        Meeting.objects.filter(course__library=library, cancelled=False, date__gte=today)
        .filter(Q(course__participants__user=user) | Q(course__trainers=user))
        .select_related("course")
        .distinct()
        .order_by("date", "start_time")
    )


@dataclass(frozen=True)
class OverviewTotals:
    staff: int
    certified: int
    in_running: int
    never: int

    @property
    def certified_percent(self) -> int | None:
        return percent(self.certified, self.staff, empty=None)


def overview_totals(lines: list[BranchLine]) -> OverviewTotals:
    return OverviewTotals(
        staff=sum(line.staff for line in lines),
        certified=sum(line.certified for line in lines),
        in_running=sum(line.in_running for line in lines),
        never=sum(line.never for line in lines),
    )


@dataclass(frozen=True)
class CourseSummary:
    participants: int
    modules_done: int  # over all participants
    modules_possible: int
    meetings_held: int
    meetings_total: int
    qualified: int


def course_progress_summaries(
    *, courses: list[Course], today: datetime.date | None = None
) -> dict[int, CourseSummary]:
    """A group's progress at a glance, for each of `courses` (5 queries)."""
    participants = list(Participant.objects.filter(course__in=courses))
    progress_of = progress_by_participant(participants)
    by_course: dict[int, list[Progress]] = defaultdict(list)
    for p in participants:
        by_course[p.course_id].append(progress_of[p.pk])
    held: dict[int, int] = defaultdict(int)
    total: dict[int, int] = defaultdict(int)
    for course_id, date in Meeting.objects.filter(course__in=courses, cancelled=False).values_list(
        "course_id", "date"
    ):
        total[course_id] += 1
        if today is None or date <= today:
            held[course_id] += 1
    return {
        course.pk: CourseSummary(
            participants=len(by_course[course.pk]),
            modules_done=sum(p.modules_done for p in by_course[course.pk]),
            modules_possible=sum(p.modules_total for p in by_course[course.pk]),
            meetings_held=held[course.pk],
            meetings_total=total[course.pk],
            qualified=sum(1 for p in by_course[course.pk] if p.qualifies),
        )
        for course in courses
    }
