from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.forms import apply_validation_error, error_text
from core.pdf import pdf_response
from core.people import display_name, display_names
from core.roles import Role, has_role, role_required
from core.spreadsheet import csv_response

from . import selectors, services
from .access import (
    get_action_for,
    get_own_respondent_for,
    get_respondent_for,
    get_round_for,
    get_round_item_for,
)
from .forms import AgreedAnswerForm, AnswersForm, InviteForm, ReopenForm, RoundOpenForm
from .models import Respondent, Round
from .results import ItemRow, RoundResults

READERS = (Role.WERKGROEP, Role.MT)
# Answers by invitation: workgroup members and MT (the manager).
RESPONDENTS = (Role.WERKGROEP, Role.MT)


def _round_url(rnd: Round, anchor: str = "") -> str:
    return reverse("quickscan:round", args=[rnd.pk]) + (f"#{anchor}" if anchor else "")


def _report(request: HttpRequest, done: str, call, *args, **kwargs) -> None:
    """Run a service for a button without a form: its refusal or `done` as a message."""
    try:
        call(*args, **kwargs)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, done)


@require_GET
@role_required(*READERS)
def home(request: HttpRequest) -> HttpResponse:
    overview = selectors.quickscan_overview(library=request.library, user=request.user)
    return render(
        request,
        "quickscan/home.html",
        {
            "rounds": overview.rounds,
            "current": overview.current,
            "latest_closed": overview.latest_closed,
            "summary": overview.summary,
            "can_manage": has_role(request.user, Role.TREKKER),
            "this_year": timezone.localdate().year,
        },
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.TREKKER)
def round_open(request: HttpRequest) -> HttpResponse:
    year = selectors.first_free_year(library=request.library, from_year=timezone.localdate().year)
    form = RoundOpenForm(
        request.POST or None,
        candidates=selectors.candidates(library=request.library),
        initial={
            "year": year,
            "invitees": list(selectors.workgroup_member_ids(library=request.library)),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            rnd = services.round_open(
                library=request.library,
                year=form.cleaned_data["year"],
                user=request.user,
                invitees=form.cleaned_data["invitees"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                _(
                    "De Quickscan {year} is geopend; de uitgenodigden kunnen hem nu invullen."
                ).format(year=rnd.year),
            )
            return redirect(_round_url(rnd))
    return render(request, "quickscan/round_open.html", {"form": form})


@require_GET
@role_required(*READERS)
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = get_round_for(request, pk)
    respondents = selectors.round_respondents(rnd=rnd)
    answered = selectors.answered_counts(rnd=rnd)
    for respondent in respondents:
        respondent.answered = answered.get(respondent.pk, 0)
    counts = selectors.round_counts(rnd=rnd)
    can_manage = has_role(request.user, Role.TREKKER)
    return render(
        request,
        "quickscan/round.html",
        {
            "round": rnd,
            "counts": counts,
            "missing": counts.item_count - counts.agreed_count,
            "respondents": respondents,
            "me": next((r for r in respondents if r.user_id == request.user.pk), None),
            # Closing does not wait for them, but the coordinator should know who they are.
            "not_submitted": [r for r in respondents if not r.has_submitted],
            "events": selectors.round_events(rnd=rnd),
            "can_manage": can_manage,
            "invite_form": InviteForm(candidates=selectors.uninvited_candidates(rnd=rnd))
            if can_manage and rnd.is_open
            else None,
            "reopen_form": ReopenForm() if can_manage and not rnd.is_open else None,
        },
    )


@require_POST
@role_required(Role.TREKKER)
def round_invite(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = get_round_for(request, pk)
    form = InviteForm(request.POST, candidates=selectors.uninvited_candidates(rnd=rnd))
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(_round_url(rnd, "deelnemers"))
    try:
        new = services.round_invite(rnd=rnd, users=form.cleaned_data["users"], by=request.user)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("Uitgenodigd: {names}.").format(names=display_names(new)))
    return redirect(_round_url(rnd, "deelnemers"))


@require_POST
@role_required(Role.TREKKER)
def respondent_remove(request: HttpRequest, pk: int, respondent_pk: int) -> HttpResponse:
    rnd = get_round_for(request, pk)
    respondent = get_respondent_for(request, rnd, respondent_pk)
    _report(
        request,
        _("De uitnodiging van {name} is ingetrokken.").format(name=display_name(respondent.user)),
        services.respondent_remove,
        respondent=respondent,
        by=request.user,
    )
    return redirect(_round_url(rnd, "deelnemers"))


# ---------------------------------------------------------------------------------------
# Answering: the respondent's own answers, saved as they go (htmx), submitted when done


@require_http_methods(["GET", "POST"])
@role_required(*RESPONDENTS)
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = get_round_for(request, pk)
    respondent = get_own_respondent_for(request, rnd)
    read_only = not rnd.is_open or respondent.has_submitted
    if request.method == "GET":
        return _answer_page(request, rnd, respondent, read_only=read_only)
    if read_only:
        return _answers_refused(request, rnd)
    form = AnswersForm(request.POST, sections=selectors.my_answers(respondent=respondent))
    if form.is_valid():
        try:
            services.responses_save(respondent=respondent, answers=form.answers())
        except ValidationError as exc:
            apply_validation_error(form, exc)
    if form.errors:
        return _answers_not_saved(request, rnd, respondent, form)
    if request.htmx:
        return render(
            request,
            "quickscan/_save_status.html",
            {"saved_at": timezone.now(), "progress": form.progress(), "oob": True},
        )
    if "inleveren" in request.POST:
        return _answers_submit(request, rnd, respondent)
    messages.success(request, _("Je antwoorden zijn opgeslagen. Je kunt later verder gaan."))
    return redirect("quickscan:answer", pk=rnd.pk)


def _answer_page(
    request: HttpRequest,
    rnd: Round,
    respondent: Respondent,
    *,
    read_only: bool,
    submit_error: str = "",
) -> HttpResponse:
    sections = selectors.my_answers(respondent=respondent)
    form = AnswersForm(sections=sections, disabled=read_only)
    return render(
        request,
        "quickscan/answer.html",
        {
            "round": rnd,
            "respondent": respondent,
            "form": form,
            "progress": form.progress(),
            "read_only": read_only,
            "submit_error": submit_error,
        },
    )


def _answers_refused(request: HttpRequest, rnd: Round) -> HttpResponse:
    """A save after the round closed or the answers were handed in: nothing changes."""
    if not rnd.is_open:
        message = _("Deze ronde is afgesloten; je antwoorden zijn niet gewijzigd.")
    else:
        message = _("Je hebt je antwoorden al ingeleverd; ze zijn niet gewijzigd.")
    if request.htmx:
        return render(request, "quickscan/_save_status.html", {"error": message})
    messages.error(request, message)
    return redirect("quickscan:answer", pk=rnd.pk)


def _answers_not_saved(
    request: HttpRequest, rnd: Round, respondent: Respondent, form: AnswersForm
) -> HttpResponse:
    if request.htmx:
        error = " ".join(form.non_field_errors()) or _(
            "Niet opgeslagen: controleer de gemarkeerde stellingen."
        )
        return render(request, "quickscan/_save_status.html", {"error": error})
    return render(
        request,
        "quickscan/answer.html",
        {
            "round": rnd,
            "respondent": respondent,
            "form": form,
            "progress": form.progress(),
            "read_only": False,
        },
        status=400,
    )


def _answers_submit(request: HttpRequest, rnd: Round, respondent: Respondent) -> HttpResponse:
    """Hand in the (just saved) answers; with questions left open, say which and stay."""
    try:
        services.respondent_submit(respondent=respondent)
    except ValidationError as exc:
        # Said once, in the alert above the form that links to each open statement.
        return _answer_page(request, rnd, respondent, read_only=False, submit_error=error_text(exc))
    messages.success(request, _("Je antwoorden zijn ingeleverd. Dank je wel!"))
    return redirect(_round_url(rnd))


@require_POST
@role_required(*RESPONDENTS)
def answer_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = get_round_for(request, pk)
    respondent = get_own_respondent_for(request, rnd)
    try:
        services.respondent_withdraw(respondent=respondent)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.info(
            request,
            _("Je kunt je antwoorden weer aanpassen. Vergeet niet ze opnieuw in te leveren."),
        )
    return redirect("quickscan:answer", pk=rnd.pk)


# ---------------------------------------------------------------------------------------
# Agreeing: the workgroup's answer per item


FILTERS = {
    "alle": lambda row: True,
    "verschil": lambda row: row.disagrees,
    "open": lambda row: not row.round_item.agreed,
}


def _agreed_form(row: ItemRow, staff: list, data=None, round_item=None) -> AgreedAnswerForm:
    return AgreedAnswerForm(
        data, round_item=round_item or row.round_item, number=row.number, staff=staff
    )


@require_GET
@role_required(Role.WERKGROEP)
def agree(request: HttpRequest, pk: int) -> HttpResponse:
    """Every item with every individual answer, and the workgroup's agreed answer."""
    rnd = get_round_for(request, pk)
    results = selectors.round_results(rnd=rnd)
    show = request.GET.get("toon", "alle")
    keep = FILTERS.get(show, FILTERS["alle"])
    staff = selectors.staff(library=request.library) if rnd.is_open else []
    sections = []
    for section in results.sections:
        rows = [
            (row, _agreed_form(row, staff) if rnd.is_open else None)
            for row in section.items
            if keep(row)
        ]
        if rows:
            sections.append((section, rows))
    return render(
        request,
        "quickscan/agree.html",
        {
            "round": rnd,
            "results": results,
            "sections": sections,
            "show": show,
            "earlier_actions": list(selectors.open_actions_before(rnd=rnd)),
        },
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.WERKGROEP)
def agree_item(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Set the agreed answer of one item; a colleague's newer answer is shown, not overwritten."""
    rnd = get_round_for(request, pk)
    round_item = get_round_item_for(request, rnd, item_pk)
    results = selectors.round_results(rnd=rnd)
    row = results.row_for(round_item)
    staff = selectors.staff(library=request.library)
    if request.method == "GET":
        return _agree_item_page(request, results, row, _agreed_form(row, staff))
    form = _agreed_form(row, staff, request.POST)
    if not form.is_valid():
        return _agree_item_page(request, results, row, form, status=400)
    try:
        _agreed_answer_save(form, request)
    except services.AgreedAnswerConflict as exc:
        # Keep what the user chose; saving again, after comparing, goes through.
        post = request.POST.copy()
        post[form.add_prefix("version")] = str(exc.current.version)
        form = _agreed_form(row, staff, post, round_item=exc.current)
        form.is_valid()
        return _agree_item_page(request, results, row, form, conflict=exc.current, status=409)
    except ValidationError as exc:
        apply_validation_error(form, exc)
        return _agree_item_page(request, results, row, form, status=400)
    return _agree_item_saved(request, rnd, row, staff)


def _agreed_answer_save(form: AgreedAnswerForm, request: HttpRequest) -> None:
    data = form.cleaned_data
    services.agreed_answer_set(
        round_item=form.round_item,
        user=request.user,
        answer=data["agreed"],
        explanation=data["agreed_explanation"],
        action_what=data["action_what"],
        action_owner=data["action_owner"],
        action_due=data["action_due"],
        expected_version=data["version"],
    )


def _agree_item_page(
    request: HttpRequest,
    results: RoundResults,
    row: ItemRow,
    form: AgreedAnswerForm,
    *,
    conflict=None,
    status: int = 200,
) -> HttpResponse:
    is_open = results.round.is_open
    context = {
        "round": results.round,
        "row": row,
        "form": form if is_open else None,
        # Without a form (a closed round) its refusal still has to show.
        "error": None if is_open else " ".join(form.non_field_errors()),
        "conflict": conflict,
        "results": results,
    }
    if request.htmx:
        # htmx swaps only 2xx answers: the warning travels inside the fragment, and the
        # page's live region says it was not saved.
        return render(
            request, "quickscan/_agree_item.html", {**context, "oob": request.method == "POST"}
        )
    return render(request, "quickscan/agree_item.html", context, status=status)


def _agree_item_saved(request: HttpRequest, rnd: Round, row: ItemRow, staff: list) -> HttpResponse:
    if not request.htmx:
        messages.success(
            request,
            _("Het afgesproken antwoord bij {number} is opgeslagen.").format(number=row.number),
        )
        return redirect(
            reverse("quickscan:agree", args=[rnd.pk]) + f"#vraag-{row.round_item.item.key}"
        )
    results = selectors.round_results(rnd=rnd)
    row = results.row_for(row.round_item)
    return render(
        request,
        "quickscan/_agree_item.html",
        {
            "round": rnd,
            "row": row,
            "form": _agreed_form(row, staff),
            "saved": True,
            "oob": True,
            "results": results,
        },
    )


# ---------------------------------------------------------------------------------------
# Closing and reopening


@require_POST
@role_required(Role.TREKKER)
def round_close(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = get_round_for(request, pk)
    _report(
        request,
        _("De Quickscan {year} is afgesloten. De uitkomst is nu alleen nog te lezen.").format(
            year=rnd.year
        ),
        services.round_close,
        rnd=rnd,
        user=request.user,
    )
    return redirect(_round_url(rnd))


@require_POST
@role_required(Role.TREKKER)
def round_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = get_round_for(request, pk)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("reason", [])))
        return redirect(_round_url(rnd, "heropenen"))
    _report(
        request,
        _("De Quickscan {year} is weer open. Dat is bij de ronde vastgelegd.").format(
            year=rnd.year
        ),
        services.round_reopen,
        rnd=rnd,
        user=request.user,
        reason=form.cleaned_data["reason"],
    )
    return redirect(_round_url(rnd))


# ---------------------------------------------------------------------------------------
# Reading the outcome


@require_GET
@role_required(*READERS)
def results(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = get_round_for(request, pk)
    return render(
        request,
        "quickscan/results.html",
        {
            "round": rnd,
            "results": selectors.round_results(rnd=rnd),
            "comparison": selectors.comparison(rnd=rnd),
        },
    )


@require_GET
@role_required(*READERS)
def comparison(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = get_round_for(request, pk)
    return render(
        request,
        "quickscan/comparison.html",
        {
            "round": rnd,
            "comparison": selectors.comparison(rnd=rnd),
            "all_rounds": selectors.library_rounds(library=request.library),
        },
    )


@require_GET
@role_required(*READERS)
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The MT report: cover, summary, a page per section, disagreement and actions."""
    rnd = get_round_for(request, pk)
    return pdf_response(
        "quickscan/report_pdf.html",
        {
            "round": rnd,
            "results": selectors.round_results(rnd=rnd),
            "comparison": selectors.comparison(rnd=rnd),
            "recent": selectors.comparison(rnd=rnd, max_years=5),
            "library": request.library,
            "today": timezone.localdate(),
        },
        filename=f"quickscan-{request.library.name}-{rnd.year}",
        request=request,
    )


@require_GET
@role_required(*READERS)
def export_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """Every item with the agreed answer and every individual answer (Excel: UTF-8 with BOM)."""
    rnd = get_round_for(request, pk)
    data = selectors.round_results(rnd=rnd)
    return csv_response(
        filename=f"quickscan-{rnd.year}-antwoorden.csv",
        header=_csv_header(data),
        rows=_csv_rows(data),
    )


def _csv_header(data: RoundResults) -> list[str]:
    header = [
        _("jaar"),
        _("nummer"),
        _("onderdeel"),
        _("sleutel"),
        _("stelling"),
        _("afgesproken antwoord"),
        _("toelichting"),
        _("actie"),
        _("actiehouder"),
        _("actie klaar op"),
        _("verschil van mening"),
    ]
    for respondent in data.respondents:
        name = display_name(respondent.user)
        header += [
            _("{name}: antwoord").format(name=name),
            _("{name}: toelichting").format(name=name),
        ]
    return header


def _csv_rows(data: RoundResults):
    for section in data.sections:
        for row in section.items:
            ri = row.round_item
            cells = [
                data.round.year,
                row.number,
                section.section.title,
                ri.item.key,
                ri.text,
                ri.get_agreed_display() if ri.agreed else "",
                ri.agreed_explanation,
                ri.action_what,
                display_name(ri.action_owner) if ri.action_owner else "",
                ri.action_due.isoformat() if ri.action_due else "",
                _("ja") if row.disagrees else _("nee"),
            ]
            for _respondent, response in row.answers:
                cells += [
                    response.get_answer_display() if response and response.answer else "",
                    response.explanation if response else "",
                ]
            yield cells


# ---------------------------------------------------------------------------------------
# Actions: ticked off by their owner (Mijn taken) or the workgroup


@require_POST
@role_required(*Role)
def action_done(request: HttpRequest, pk: int) -> HttpResponse:
    """Tick an agreed action off, or open it again: its owner or the workgroup."""
    round_item = get_action_for(request, pk)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("my_tasks")
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        messages.error(request, _("Het formulier was onvolledig; probeer het opnieuw."))
        return redirect(back)
    try:
        row = services.action_set_done(
            round_item=round_item,
            user=request.user,
            done=request.POST.get("done") == "1",
            expected_version=version,
        )
    except services.StaleAction as exc:
        return render(
            request,
            "quickscan/action_conflict.html",
            {"current": exc.current, "back": back},
            status=409,
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect(back)
    if row.action_is_done:
        messages.success(request, _("De actie is afgevinkt."))
    else:
        messages.success(request, _("De actie staat weer open."))
    return redirect(back)
