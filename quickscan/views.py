import csv
import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wegwijzer.pdf import pdf_response
from wegwijzer.roles import Role, has_role, role_required
from wegwijzer.spreadsheet import safe_cell

from . import selectors, services
from .forms import AgreedAnswerForm, AnswersForm, InviteForm, ReopenForm, RoundOpenForm
from .models import Respondent, Round, RoundItem

READERS = (Role.WERKGROEP, Role.MT)
# Answers by invitation: workgroup members and MT (the manager).
RESPONDENTS = (Role.WERKGROEP, Role.MT)


def _round(request: HttpRequest, pk: int) -> Round:
    """A round of the user's own library; any other is a 404."""
    return get_object_or_404(Round, library=request.library, pk=pk)


def _errors(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _round_url(rnd: Round, anchor: str = "") -> str:
    return reverse("quickscan:round", args=[rnd.pk]) + (f"#{anchor}" if anchor else "")


@require_GET
@role_required(*READERS)
def home(request: HttpRequest) -> HttpResponse:
    rounds = list(selectors.rounds_overview(library=request.library))
    mine = {
        r.round_id: r
        for r in Respondent.objects.filter(user=request.user, round__library=request.library)
    }
    for rnd in rounds:
        rnd.me = mine.get(rnd.pk)
    current = next((r for r in rounds if r.is_open), None)
    latest_closed = next((r for r in rounds if not r.is_open), None)
    return render(
        request,
        "quickscan/home.html",
        {
            "rounds": rounds,
            "current": current,
            "latest_closed": latest_closed,
            "summary": selectors.comparison(latest_closed) if latest_closed else None,
            "can_manage": has_role(request.user, Role.TREKKER),
            "this_year": timezone.localdate().year,
        },
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.TREKKER)
def round_open(request: HttpRequest) -> HttpResponse:
    candidates = selectors.candidates(library=request.library)
    taken = set(Round.objects.filter(library=request.library).values_list("year", flat=True))
    year = timezone.localdate().year
    while year in taken:
        year += 1
    members = selectors.workgroup_member_ids(library=request.library)
    form = RoundOpenForm(
        request.POST or None,
        candidates=candidates,
        initial={"year": year, "invitees": list(members)},
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
            form.add_error(None, exc)
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
    rnd = _round(request, pk)
    respondents = selectors.round_respondents(rnd)
    answered = selectors.answered_counts(rnd)
    for respondent in respondents:
        respondent.answered = answered.get(respondent.pk, 0)
    counts = selectors.rounds_overview(library=request.library).get(pk=rnd.pk)
    can_manage = has_role(request.user, Role.TREKKER)
    invite_form = None
    if can_manage and rnd.is_open:
        invite_form = InviteForm(
            candidates=selectors.candidates(library=request.library).exclude(
                pk__in=[r.user_id for r in respondents]
            )
        )
    return render(
        request,
        "quickscan/round.html",
        {
            "round": rnd,
            "counts": counts,
            "missing": counts.item_count - counts.agreed_count,
            "respondents": respondents,
            "me": next((r for r in respondents if r.user_id == request.user.pk), None),
            "events": rnd.events.select_related("user"),
            "can_manage": can_manage,
            "invite_form": invite_form,
            "reopen_form": ReopenForm() if can_manage and not rnd.is_open else None,
        },
    )


@require_POST
@role_required(Role.TREKKER)
def round_invite(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = _round(request, pk)
    invited = rnd.respondents.values_list("user_id", flat=True)
    form = InviteForm(
        request.POST,
        candidates=selectors.candidates(library=request.library).exclude(pk__in=invited),
    )
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(_round_url(rnd, "deelnemers"))
    try:
        new = services.round_invite(rnd=rnd, users=form.cleaned_data["users"], by=request.user)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        names = ", ".join(selectors.name_of(user) for user in new)
        messages.success(request, _("Uitgenodigd: {names}.").format(names=names))
    return redirect(_round_url(rnd, "deelnemers"))


@require_POST
@role_required(Role.TREKKER)
def respondent_remove(request: HttpRequest, pk: int, respondent_pk: int) -> HttpResponse:
    rnd = _round(request, pk)
    respondent = get_object_or_404(
        Respondent.objects.select_related("user"), round=rnd, pk=respondent_pk
    )
    try:
        services.respondent_remove(respondent=respondent, by=request.user)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(
            request, _("De uitnodiging van {name} is ingetrokken.").format(name=respondent)
        )
    return redirect(_round_url(rnd, "deelnemers"))


def _my_respondent(request: HttpRequest, rnd: Round) -> Respondent | None:
    return Respondent.objects.filter(round=rnd, user=request.user).first()


def _not_invited(request: HttpRequest, rnd: Round) -> HttpResponse:
    return render(request, "quickscan/not_invited.html", {"round": rnd}, status=403)


@require_http_methods(["GET", "POST"])
@role_required(*RESPONDENTS)
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    """The respondent's own answers: saved as they go (htmx), submitted when done."""
    rnd = _round(request, pk)
    respondent = _my_respondent(request, rnd)
    if respondent is None:
        return _not_invited(request, rnd)
    read_only = not rnd.is_open or respondent.has_submitted
    sections = selectors.my_answers(respondent)
    show_missing = False
    if request.method == "POST":
        if read_only:
            message = (
                _("Deze ronde is afgesloten; je antwoorden zijn niet gewijzigd.")
                if not rnd.is_open
                else _("Je hebt je antwoorden al ingeleverd; ze zijn niet gewijzigd.")
            )
            if request.htmx:
                return render(
                    request, "quickscan/_save_status.html", {"error": message}, status=200
                )
            messages.error(request, message)
            return redirect("quickscan:answer", pk=rnd.pk)
        form = AnswersForm(request.POST, sections=sections)
        if form.is_valid():
            try:
                services.responses_save(respondent=respondent, answers=form.answers())
            except ValidationError as exc:
                form.add_error(None, exc)
        if not form.is_valid():
            if request.htmx:
                return render(
                    request,
                    "quickscan/_save_status.html",
                    {
                        "error": " ".join(form.errors.get("__all__", []))
                        or _("Niet opgeslagen: controleer de gemarkeerde vragen.")
                    },
                )
            return render(
                request,
                "quickscan/answer.html",
                {"round": rnd, "respondent": respondent, "form": form, "read_only": False},
                status=400,
            )
        if request.htmx:
            return render(request, "quickscan/_save_status.html", {"saved_at": timezone.now()})
        if "inleveren" in request.POST:
            try:
                services.respondent_submit(respondent=respondent)
            except ValidationError as exc:
                show_missing = True
                messages.warning(
                    request,
                    _("Je antwoorden zijn opgeslagen, maar nog niet ingeleverd. {reason}").format(
                        reason=_errors(exc)
                    ),
                )
            else:
                messages.success(request, _("Je antwoorden zijn ingeleverd. Dank je wel!"))
                return redirect(_round_url(rnd))
        else:
            messages.success(
                request, _("Je antwoorden zijn opgeslagen. Je kunt later verder gaan.")
            )
            return redirect("quickscan:answer", pk=rnd.pk)
        sections = selectors.my_answers(respondent)
    form = AnswersForm(sections=sections, disabled=read_only)
    return render(
        request,
        "quickscan/answer.html",
        {
            "round": rnd,
            "respondent": respondent,
            "form": form,
            "read_only": read_only,
            "show_missing": show_missing,
        },
    )


@require_POST
@role_required(*RESPONDENTS)
def answer_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = _round(request, pk)
    respondent = _my_respondent(request, rnd)
    if respondent is None:
        return _not_invited(request, rnd)
    try:
        services.respondent_withdraw(respondent=respondent)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.info(
            request,
            _("Je kunt je antwoorden weer aanpassen. Vergeet niet ze opnieuw in te leveren."),
        )
    return redirect("quickscan:answer", pk=rnd.pk)


FILTERS = {
    "alle": lambda row: True,
    "verschil": lambda row: row.disagrees,
    "open": lambda row: not row.round_item.agreed,
}


@require_GET
@role_required(Role.WERKGROEP)
def agree(request: HttpRequest, pk: int) -> HttpResponse:
    """Every item with every individual answer, and the workgroup's agreed answer."""
    rnd = _round(request, pk)
    results = selectors.round_results(rnd)
    show = request.GET.get("toon", "alle")
    keep = FILTERS.get(show, FILTERS["alle"])
    staff = selectors.staff(library=request.library) if rnd.is_open else []
    sections = []
    for section in results.sections:
        rows = [
            (
                row,
                AgreedAnswerForm(round_item=row.round_item, number=row.number, staff=staff)
                if rnd.is_open
                else None,
            )
            for row in section.items
            if keep(row)
        ]
        if rows:
            sections.append((section, rows))
    return render(
        request,
        "quickscan/agree.html",
        {"round": rnd, "results": results, "sections": sections, "show": show},
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.WERKGROEP)
def agree_item(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Set the agreed answer of one item; a colleague's newer answer is shown, not overwritten."""
    rnd = _round(request, pk)
    round_item = get_object_or_404(RoundItem.objects.select_related("item"), round=rnd, pk=item_pk)
    results = selectors.round_results(rnd)
    row = next(r for r in results.items if r.round_item.pk == round_item.pk)
    staff = selectors.staff(library=request.library)
    form = AgreedAnswerForm(round_item=row.round_item, number=row.number, staff=staff)
    conflict = None
    error = None
    status = 200
    if request.method == "POST":
        form = AgreedAnswerForm(
            request.POST, round_item=row.round_item, number=row.number, staff=staff
        )
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.agreed_answer_set(
                    round_item=round_item,
                    user=request.user,
                    answer=data["agreed"],
                    explanation=data["agreed_explanation"],
                    action_what=data["action_what"],
                    action_owner=data["action_owner"],
                    action_due=data["action_due"],
                    expected_version=data["version"],
                )
            except services.AgreedAnswerConflict as exc:
                conflict = exc.current
                # Keep what the user chose; saving again, after comparing, goes through.
                post = request.POST.copy()
                post[form.add_prefix("version")] = str(conflict.version)
                form = AgreedAnswerForm(post, round_item=conflict, number=row.number, staff=staff)
                form.is_valid()
                status = 409
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    form.add_error(None, exc)
                else:
                    error = _errors(exc)
                status = 400
            else:
                if not request.htmx:
                    messages.success(
                        request,
                        _("Het afgesproken antwoord bij {number} is opgeslagen.").format(
                            number=row.number
                        ),
                    )
                    return redirect(
                        reverse("quickscan:agree", args=[rnd.pk]) + f"#vraag-{round_item.item.key}"
                    )
                results = selectors.round_results(rnd)
                row = next(r for r in results.items if r.round_item.pk == round_item.pk)
                form = AgreedAnswerForm(round_item=row.round_item, number=row.number, staff=staff)
                return render(
                    request,
                    "quickscan/_agree_item.html",
                    {
                        "round": rnd,
                        "row": row,
                        "form": form,
                        "saved": True,
                        "oob": True,
                        "results": results,
                    },
                )
        else:
            status = 400
    context = {
        "round": rnd,
        "row": row,
        "form": form if rnd.is_open else None,
        "conflict": conflict,
        "error": error,
        "results": results,
    }
    if request.htmx:
        # htmx swaps only 2xx answers: the warning travels inside the fragment.
        return render(request, "quickscan/_agree_item.html", context)
    return render(request, "quickscan/agree_item.html", context, status=status)


@require_POST
@role_required(Role.TREKKER)
def round_close(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = _round(request, pk)
    try:
        services.round_close(rnd=rnd, user=request.user)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(
            request,
            _("De Quickscan {year} is afgesloten. De uitkomst is nu alleen nog te lezen.").format(
                year=rnd.year
            ),
        )
    return redirect(_round_url(rnd))


@require_POST
@role_required(Role.TREKKER)
def round_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = _round(request, pk)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("reason", [])))
        return redirect(_round_url(rnd, "heropenen"))
    try:
        services.round_reopen(rnd=rnd, user=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(
            request,
            _("De Quickscan {year} is weer open. Dat is bij de ronde vastgelegd.").format(
                year=rnd.year
            ),
        )
    return redirect(_round_url(rnd))


@require_GET
@role_required(*READERS)
def results(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = _round(request, pk)
    return render(
        request,
        "quickscan/results.html",
        {
            "round": rnd,
            "results": selectors.round_results(rnd),
            "comparison": selectors.comparison(rnd),
        },
    )


@require_GET
@role_required(*READERS)
def comparison(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = _round(request, pk)
    return render(
        request,
        "quickscan/comparison.html",
        {
            "round": rnd,
            "comparison": selectors.comparison(rnd),
            "all_rounds": Round.objects.filter(library=request.library),
        },
    )


@require_GET
@role_required(*READERS)
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The MT report: cover, summary, a page per section, disagreement and actions."""
    rnd = _round(request, pk)
    return pdf_response(
        "quickscan/report_pdf.html",
        {
            "round": rnd,
            "results": selectors.round_results(rnd),
            "comparison": selectors.comparison(rnd),
            "recent": selectors.comparison(rnd, max_years=5),
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
    rnd = _round(request, pk)
    data = selectors.round_results(rnd)
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
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
        name = selectors.name_of(respondent.user)
        header += [
            _("{name}: antwoord").format(name=name),
            _("{name}: toelichting").format(name=name),
        ]
    writer.writerow([safe_cell(cell) for cell in header])
    for section in data.sections:
        for row in section.items:
            ri = row.round_item
            cells = [
                rnd.year,
                row.number,
                section.section.title,
                ri.item.key,
                ri.text,
                ri.get_agreed_display() if ri.agreed else "",
                ri.agreed_explanation,
                ri.action_what,
                selectors.name_of(ri.action_owner) if ri.action_owner else "",
                ri.action_due.isoformat() if ri.action_due else "",
                _("ja") if row.disagrees else _("nee"),
            ]
            for _respondent, response in row.answers:
                cells += [
                    response.get_answer_display() if response and response.answer else "",
                    response.explanation if response else "",
                ]
            writer.writerow([safe_cell(cell) for cell in cells])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    filename = f"quickscan-{rnd.year}-antwoorden.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
