from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.access import require
from core.forms import apply_validation_error, error_text
from core.http import AuthenticatedHttpRequest
from core.pdf import pdf_response
from core.people import display_name
from core.roles import Role, has_role, role_required

from . import selectors, services
from .access import (
    READERS,
    RUNNERS,
    can_run,
    get_course_for,
    get_course_to_run,
    get_meeting_to_run,
    get_participant_for,
    get_participant_to_update,
)
from .forms import (
    AttendanceForm,
    CompletionsForm,
    CourseForm,
    LearningForm,
    MeetingForm,
    ParticipantsAddForm,
)
from .models import Course, Meeting, MeetingKind

# Who sees the list of courses and a group's progress: readers, and whoever runs a course.
COURSE_READERS = (*READERS, Role.TREKKER)
OVERVIEW_READERS = (Role.MT, Role.TREKKER, Role.WERKGROEP)


def _course_form(request: AuthenticatedHttpRequest, **kwargs) -> CourseForm:
    return CourseForm(
        request.POST or None,
        branches=request.library.branches.filter(is_active=True),
        trainers=selectors.trainer_candidates(library=request.library),
        modules=selectors.all_modules(),
        **kwargs,
    )


@require_GET
@role_required(*COURSE_READERS)
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "training/home.html",
        {
            "courses": selectors.courses(library=request.library),
            "today": today,
            "can_create": has_role(request.user, Role.TREKKER),
            "can_overview": has_role(request.user, *OVERVIEW_READERS),
        },
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.TREKKER)
def course_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = _course_form(
        request, initial={"modules": list(selectors.default_modules().values_list("pk", flat=True))}
    )
    if request.method == "POST" and form.is_valid():
        try:
            course = services.course_create(
                library=request.library, by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("De leergang is aangemaakt. Zet er nu de bijeenkomsten en deelnemers in."),
            )
            return redirect(course)
    return render(request, "training/course_form.html", {"form": form, "course": None})


@require_http_methods(["GET", "POST"])
@role_required(*RUNNERS)
def course_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    course = get_course_to_run(request, pk)
    form = _course_form(
        request,
        initial={
            "name": course.name,
            "starts_on": course.starts_on,
            "ends_on": course.ends_on,
            "branches": list(course.branches.values_list("pk", flat=True)),
            "trainers": list(course.trainers.values_list("pk", flat=True)),
            "modules": list(course.modules.values_list("pk", flat=True)),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.course_update(course=course, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("De leergang is bijgewerkt."))
            return redirect(course)
    return render(request, "training/course_form.html", {"form": form, "course": course})


@require_GET
@role_required(*COURSE_READERS)
def course_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    course = get_course_for(request, pk)
    rows = selectors.course_rows(course=course)
    may_run = can_run(request.user, course)
    return render(
        request,
        "training/course.html",
        {
            "course": course,
            "rows": rows,
            "meetings": list(selectors.course_meetings(course=course)),
            "modules": list(selectors.course_modules(course=course)),
            "trainers": list(course.trainers.all()),
            "branches": list(course.branches.all()),
            "qualified": sum(1 for row in rows if row.progress.qualifies),
            "can_run": may_run,
            "add_form": ParticipantsAddForm(
                candidates=selectors.participant_candidates(course=course)
            )
            if may_run
            else None,
            "today": timezone.localdate(),
        },
    )


@require_POST
@role_required(*RUNNERS)
def participants_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    course = get_course_to_run(request, pk)
    form = ParticipantsAddForm(
        request.POST, candidates=selectors.participant_candidates(course=course)
    )
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    else:
        try:
            new = services.participants_add(
                course=course, users=form.cleaned_data["users"], by=request.user
            )
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(
                request,
                ngettext("%(n)d deelnemer toegevoegd.", "%(n)d deelnemers toegevoegd.", len(new))
                % {"n": len(new)},
            )
    return redirect(reverse("training:course", args=[course.pk]) + "#deelnemers")


@require_POST
@role_required(*RUNNERS)
def participant_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    participant = get_participant_to_update(request, pk)
    require(
        can_run(request.user, participant.course),
        _("Alleen de coördinator en de docenten halen iemand uit de groep."),
    )
    course = participant.course
    services.participant_remove(participant=participant)
    messages.success(
        request,
        _("{name} doet niet meer mee aan deze leergang.").format(
            name=display_name(participant.user)
        ),
    )
    return redirect(reverse("training:course", args=[course.pk]) + "#deelnemers")


def _meeting_form_page(
    request: AuthenticatedHttpRequest, course: Course, meeting: Meeting | None
) -> HttpResponse:
    initial = (
        {
            "kind": meeting.kind,
            "topic": meeting.topic,
            "date": meeting.date,
            "start_time": meeting.start_time,
            "duration_minutes": meeting.duration_minutes,
            "cancelled": meeting.cancelled,
        }
        if meeting
        else {"kind": MeetingKind.GROUP, "date": course.starts_on}
    )
    form = MeetingForm(request.POST or None, initial=initial)
    if meeting is None:
        del form.fields["cancelled"]
    if request.method == "POST" and form.is_valid():
        try:
            if meeting is None:
                services.meeting_create(course=course, **form.cleaned_data)
            else:
                services.meeting_update(meeting=meeting, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("De bijeenkomst is bewaard."))
            return redirect(reverse("training:course", args=[course.pk]) + "#bijeenkomsten")
    return render(
        request, "training/meeting_form.html", {"form": form, "course": course, "meeting": meeting}
    )


@require_http_methods(["GET", "POST"])
@role_required(*RUNNERS)
def meeting_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    course = get_course_to_run(request, pk)
    return _meeting_form_page(request, course, None)


@require_http_methods(["GET", "POST"])
@role_required(*RUNNERS)
def meeting_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_to_run(request, pk)
    return _meeting_form_page(request, meeting.course, meeting)


@require_http_methods(["GET", "POST"])
@role_required(*RUNNERS)
def attendance(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """One meeting, a row per participant: tick who was there and save once."""
    meeting = get_meeting_to_run(request, pk)
    participants, recorded = selectors.attendance_for(meeting=meeting)
    form = AttendanceForm(request.POST or None, participants=participants, recorded=recorded)
    if request.method == "POST" and form.is_valid():
        try:
            present, absent = services.attendance_record(
                meeting=meeting, present=form.present_ids(), by=request.user
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("Aanwezigheid bewaard: {present} aanwezig, {absent} afwezig.").format(
                    present=present, absent=absent
                ),
            )
            return redirect(reverse("training:course", args=[meeting.course_id]) + "#bijeenkomsten")
    return render(
        request,
        "training/attendance.html",
        {
            "meeting": meeting,
            "course": meeting.course,
            "form": form,
            "is_recorded": bool(recorded),
            "is_future": meeting.date > timezone.localdate(),
        },
    )


@require_GET
@role_required(*Role)
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The user's own courses and what they still need for the certificate."""
    rows = selectors.participations_of(library=request.library, user=request.user)
    if len(rows) == 1:
        return redirect("training:participant", rows[0].participant.pk)
    return render(request, "training/mine.html", {"rows": rows})


def _participant_context(request: AuthenticatedHttpRequest, participant, **forms) -> dict:
    course = participant.course
    row = selectors.participant_row(participant=participant)
    is_self = participant.user_id == request.user.pk
    may_update = is_self or can_run(request.user, course)
    modules = list(selectors.course_modules(course=course))
    context = {
        "participant": participant,
        "course": course,
        "row": row,
        "modules": modules,
        "module_rows": [(m, row.completed.get(m.pk)) for m in modules],
        "meeting_rows": [
            (m, row.attendance.get(m.pk)) for m in selectors.course_meetings(course=course)
        ],
        "is_self": is_self,
        "may_update": may_update,
        "today": timezone.localdate(),
    }
    if may_update:
        context["completions_form"] = forms.get("completions_form") or CompletionsForm(
            modules=modules, completed=row.completed, today=timezone.localdate()
        )
        context["learning_form"] = forms.get("learning_form") or LearningForm(
            initial={
                "learning_questions": participant.learning_questions,
                "learnt": participant.learnt,
            }
        )
    return context


@require_GET
@role_required(*Role)
def participant_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    participant = get_participant_for(request, pk)
    return render(request, "training/participant.html", _participant_context(request, participant))


@require_POST
@role_required(*Role)
def completions_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    participant = get_participant_to_update(request, pk)
    modules = list(selectors.course_modules(course=participant.course))
    form = CompletionsForm(request.POST, modules=modules, completed={}, today=timezone.localdate())
    if form.is_valid():
        try:
            services.completions_update(participant=participant, done=form.done(), by=request.user)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("De e-learnings zijn bijgewerkt."))
            return redirect(reverse("training:participant", args=[participant.pk]) + "#e-learnings")
    context = _participant_context(request, participant, completions_form=form)
    return render(request, "training/participant.html", context, status=400)


@require_POST
@role_required(*Role)
def learning_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    participant = get_participant_to_update(request, pk)
    form = LearningForm(request.POST)
    if form.is_valid():
        services.learning_update(participant=participant, **form.cleaned_data)
        messages.success(request, _("Je leervragen zijn bewaard."))
        return redirect(reverse("training:participant", args=[participant.pk]) + "#leervragen")
    context = _participant_context(request, participant, learning_form=form)
    return render(request, "training/participant.html", context, status=400)


@require_GET
@role_required(*Role)
def participation_pdf(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A letter of participation for whoever meets the requirements; the certificate itself
    comes from the KB, and the PDF says so."""
    participant = get_participant_for(request, pk)
    row = selectors.participant_row(participant=participant)
    require(
        row.progress.qualifies,
        _(
            "Een deelnamebewijs is er voor wie alle e-learnings heeft afgerond en bij minstens "
            "75% van de bijeenkomsten was. Nog nodig: {missing}."
        ).format(missing=row.progress.missing_text),
    )
    course = participant.course
    return pdf_response(
        "training/participation_pdf.html",
        {
            "participant": participant,
            "course": course,
            "row": row,
            "module_rows": [
                (m, row.completed[m.pk]) for m in selectors.course_modules(course=course)
            ],
            "meeting_rows": [
                (m, row.attendance.get(m.pk, False))
                for m in selectors.course_meetings(course=course)
                if not m.cancelled
            ],
            "trainers": list(course.trainers.all()),
            "library": request.library,
            "today": timezone.localdate(),
        },
        filename=_("deelname {course} {name}").format(
            course=course.name, name=display_name(participant.user)
        ),
        request=request,
    )


@require_GET
@role_required(*OVERVIEW_READERS)
def overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Per branch: front-office colleagues with a certificate, in a running course, never."""
    today = timezone.localdate()
    lines = selectors.branch_overview(library=request.library, today=today)
    running = list(selectors.running_courses(library=request.library, today=today))
    progress = selectors.course_progress_summaries(courses=running, today=today)
    return render(
        request,
        "training/overview.html",
        {
            "lines": lines,
            "totals": selectors.overview_totals(lines),
            "running": [(course, progress[course.pk]) for course in running],
            "today": today,
        },
    )
