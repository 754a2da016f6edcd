"""Fetching the leergang's objects for a request: one helper per kind (see core.access).

The coordinator (trekker) runs every course; a trainer runs the courses they teach; MT and
the workgroup read; a participant sees and keeps up their own progress, nobody else's.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.utils.translation import gettext as _

from core.access import get_in_library, require
from core.http import AuthenticatedHttpRequest
from core.roles import Role, has_role

from .models import Course, Meeting, Participant

# Who reads every course and its participants' progress.
READERS = (Role.WERKGROEP, Role.SPECIALIST, Role.MT)
# Who may run a course: the coordinator always, a specialist only as its trainer.
RUNNERS = (Role.TREKKER, Role.SPECIALIST)


def can_run(user: User | AnonymousUser, course: Course) -> bool:
    if has_role(user, Role.TREKKER):
        return True
    if not isinstance(user, User) or not has_role(user, Role.SPECIALIST):
        return False
    return course.trainers.filter(pk=user.pk).exists()


def _require_run(request: AuthenticatedHttpRequest, course: Course) -> None:
    require(
        can_run(request.user, course),
        _("Alleen de coördinator en de docenten van deze leergang leggen dit vast."),
    )


def get_course_for(request: AuthenticatedHttpRequest, pk: int) -> Course:
    return get_in_library(Course.objects.all(), library=request.library, pk=pk)


def get_course_to_run(request: AuthenticatedHttpRequest, pk: int) -> Course:
    course = get_course_for(request, pk)
    _require_run(request, course)
    return course


def get_meeting_to_run(request: AuthenticatedHttpRequest, pk: int) -> Meeting:
    meeting = get_in_library(
        Meeting.objects.select_related("course"),
        library=request.library,
        via="course__library",
        pk=pk,
    )
    _require_run(request, meeting.course)
    return meeting


def get_participant_for(request: AuthenticatedHttpRequest, pk: int) -> Participant:
    """A participant's progress: their own, or for those who read or run the course."""
    participant = get_in_library(
        Participant.objects.select_related("course", "user__profile__branch"),
        library=request.library,
        via="course__library",
        pk=pk,
    )
    require(
        participant.user_id == request.user.pk or has_role(request.user, *READERS, Role.TREKKER),
        _("Je ziet alleen je eigen voortgang in de leergang."),
    )
    return participant


def get_participant_to_update(request: AuthenticatedHttpRequest, pk: int) -> Participant:
    """Ticking e-learnings and writing learning questions: the participant or who runs it."""
    participant = get_participant_for(request, pk)
    require(
        participant.user_id == request.user.pk or can_run(request.user, participant.course),
        _("Alleen de deelnemer zelf, de docenten en de coördinator wijzigen dit."),
    )
    return participant
