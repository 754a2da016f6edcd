import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wegwijzer.charts import bar_chart
from wegwijzer.pdf import pdf_response
from wegwijzer.roles import Role, has_role, role_required
from wegwijzer.spreadsheet import safe_cell

from . import selectors, services
from .forms import CloseForm, ReferralForm, ReopenForm
from .models import Referral

LOGGERS = (Role.FRONTOFFICE, Role.SPECIALIST)
READERS = (Role.FRONTOFFICE, Role.SPECIALIST, Role.MT)
FIGURE_READERS = (Role.SPECIALIST, Role.MT, Role.WERKGROEP)
SESSION_LAST_PLACE = "referrals_last_place"
PAGE_SIZE = 50


def _may_close(request: HttpRequest, referral: Referral) -> bool:
    """Only a specialist of the offer closes or reopens its referrals."""
    return has_role(request.user, Role.SPECIALIST) and any(
        user.pk == request.user.pk for user in referral.offer.specialists.all()
    )


def _department_of(request: HttpRequest) -> str:
    profile = getattr(request.user, "profile", None)
    return getattr(profile, "department", "") or "publieksservice"


@require_http_methods(["GET", "POST"])
@role_required(*LOGGERS)
def log(request: HttpRequest) -> HttpResponse:
    """The desk form: one screen, one submit, then an empty form for the next referral."""
    library = request.library
    initial = {
        "referred_at": timezone.localtime().replace(second=0, microsecond=0),
        "place": request.session.get(SESSION_LAST_PLACE)
        or (f"b:{request.user.profile.branch_id}" if _profile_branch(request) else ""),
        "from_department": _department_of(request),
    }
    form = ReferralForm(
        request.POST if request.method == "POST" else None, library=library, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        branch, outreach = form.place_objects()
        try:
            referral = services.referral_create(
                library=library,
                user=request.user,
                offer=data["offer"],
                audience=data["audience"],
                signals=data["signals"],
                handover=data["handover"],
                from_department=data["from_department"],
                referred_at=data["referred_at"],
                branch=branch,
                outreach_location=outreach,
                note=data["note"],
                contact_consent=data["contact_consent"],
                contact_first_name=data["contact_first_name"],
                contact_phone=data["contact_phone"],
                contact_email=data["contact_email"],
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            request.session[SESSION_LAST_PLACE] = data["place"]
            messages.success(
                request,
                _("Verwijzing naar {offer} opgeslagen. Je kunt de volgende registreren.").format(
                    offer=referral.offer.name
                ),
            )
            return redirect("referrals:log")
    return render(
        request,
        "referrals/log.html",
        {
            "form": form,
            "today_count": selectors.logged_today_count(library=library, user=request.user),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


def _profile_branch(request: HttpRequest) -> bool:
    profile = getattr(request.user, "profile", None)
    return bool(profile and profile.branch_id)


@require_GET
@role_required(*READERS)
def referral_list(request: HttpRequest) -> HttpResponse:
    filterset = selectors.referral_filter(request)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "referrals/list.html",
        {
            "filter": filterset,
            "page": page,
            "query": query.urlencode(),
            "today": timezone.localdate(),
            "can_export": has_role(request.user, Role.MT, Role.SPECIALIST),
        },
    )


@require_GET
@role_required(Role.SPECIALIST)
def incoming(request: HttpRequest) -> HttpResponse:
    referrals = selectors.incoming_for(library=request.library, user=request.user)
    page = Paginator(referrals, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "referrals/incoming.html", {"page": page, "today": timezone.localdate()})


@require_GET
@role_required(*READERS)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    referral = selectors.referral_detail(request=request, pk=pk)
    return _render_detail(request, referral)


def _render_detail(
    request: HttpRequest,
    referral: Referral,
    *,
    close_form: CloseForm | None = None,
    reopen_form: ReopenForm | None = None,
    stale: bool = False,
    status: int = 200,
) -> HttpResponse:
    may_close = _may_close(request, referral)
    return render(
        request,
        "referrals/detail.html",
        {
            "referral": referral,
            "may_close": may_close,
            # Contact details are for the specialist who follows up, not for everyone.
            "show_contact": may_close,
            "close_form": close_form or CloseForm(initial={"version": referral.version}),
            "reopen_form": reopen_form or ReopenForm(initial={"version": referral.version}),
            "stale": stale,
            "today": timezone.localdate(),
        },
        status=status,
    )


@require_POST
@role_required(Role.SPECIALIST)
def close(request: HttpRequest, pk: int) -> HttpResponse:
    referral = selectors.referral_detail(request=request, pk=pk)
    if not _may_close(request, referral):
        raise PermissionDenied
    form = CloseForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, referral, close_form=form, status=400)
    try:
        services.referral_close(
            referral=referral,
            user=request.user,
            outcome=form.cleaned_data["outcome"],
            reason=form.cleaned_data["reason"],
            version=form.cleaned_data["version"],
        )
    except services.StaleReferral:
        fresh = selectors.referral_detail(request=request, pk=pk)
        return _render_detail(request, fresh, close_form=form, stale=True, status=409)
    except ValidationError as exc:
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return _render_detail(request, referral, close_form=form, status=400)
    messages.success(request, _("De verwijzing is afgesloten."))
    return redirect("referrals:incoming")


@require_POST
@role_required(Role.SPECIALIST)
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    referral = selectors.referral_detail(request=request, pk=pk)
    if not _may_close(request, referral):
        raise PermissionDenied
    form = ReopenForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, referral, reopen_form=form, status=400)
    try:
        services.referral_reopen(
            referral=referral,
            user=request.user,
            reason=form.cleaned_data["reason"],
            version=form.cleaned_data["version"],
        )
    except services.StaleReferral:
        fresh = selectors.referral_detail(request=request, pk=pk)
        return _render_detail(request, fresh, reopen_form=form, stale=True, status=409)
    messages.success(request, _("De verwijzing is heropend."))
    return redirect(reverse("referrals:detail", args=[pk]))


class _Echo:
    def write(self, value: str) -> str:
        return value


@require_GET
@role_required(Role.MT, Role.SPECIALIST)
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    """The filtered list as CSV, without contact details or notes."""
    filterset = selectors.referral_filter(request)
    header = [
        _("nummer"),
        _("moment"),
        _("aanbod"),
        _("afdeling aanbod"),
        _("vanuit afdeling"),
        _("voor wie"),
        _("signalen"),
        _("overdracht"),
        _("warm"),
        _("plek"),
        _("geregistreerd door"),
        _("status"),
        _("reden"),
        _("opvolgen vóór"),
    ]

    def rows():
        writer = csv.writer(_Echo(), delimiter=";")
        yield "\ufeff" + writer.writerow(header)
        for r in filterset.qs:
            yield writer.writerow(
                [
                    safe_cell(value)
                    for value in [
                        r.pk,
                        timezone.localtime(r.referred_at).strftime("%Y-%m-%d %H:%M"),
                        r.offer.name,
                        r.offer.get_department_display(),
                        r.get_from_department_display(),
                        r.get_audience_display(),
                        ", ".join(s.name for s in r.signals.all()),
                        r.get_handover_display(),
                        _("ja") if r.is_warm else _("nee"),
                        r.place,
                        (r.logged_by.get_full_name() or r.logged_by.get_username())
                        if r.logged_by
                        else "",
                        r.get_outcome_display(),
                        r.outcome_reason,
                        r.follow_up_date.isoformat(),
                    ]
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="verwijzingen.csv"'
    return response


def _figures_context(request: HttpRequest) -> dict:
    filterset = selectors.referral_filter(request, default_to_last_year=True)
    if filterset.is_valid():
        # Everyone who may see figures sees all of the library's referrals, so the filter
        # alone decides what is counted.
        key = "|".join(f"{k}={v}" for k, v in sorted(filterset.form.cleaned_data.items()))
        data = selectors.figures_cached(filterset.qs, library=request.library, key=key)
    else:
        data = selectors.figures(filterset.qs)
    charts = {
        "per_month": bar_chart(
            data.per_month, title=_("Verwijzingen per maand"), description=_("Aantal per maand")
        ),
        "per_offer": bar_chart(data.per_offer, title=_("Verwijzingen per aanbod")),
        "per_place": bar_chart(data.per_place, title=_("Verwijzingen per plek")),
    }
    start, end = filterset.period
    return {"filter": filterset, "figures": data, "charts": charts, "start": start, "end": end}


@require_GET
@role_required(*FIGURE_READERS)
def figures(request: HttpRequest) -> HttpResponse:
    return render(request, "referrals/figures.html", _figures_context(request))


@require_GET
@role_required(*FIGURE_READERS)
def report_pdf(request: HttpRequest) -> HttpResponse:
    """For the municipality and partners: figures only, no names of staff or visitors."""
    context = _figures_context(request)
    context["figures"].per_staff = []
    return pdf_response(
        "referrals/report_pdf.html",
        {**context, "library": request.library, "today": timezone.localdate()},
        filename=f"verwijzingen-{request.library.name}-{context['start']}-{context['end']}",
        request=request,
    )
