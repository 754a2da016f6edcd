import functools
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.charts import bar_chart
from core.forms import apply_validation_error
from core.library import library_scope, no_library_scope
from core.pdf import pdf_response
from core.people import display_name
from core.roles import Role, has_role, role_required
from core.spreadsheet import csv_response

from . import partner_links, selectors, services
from .forms import ReferralForm, TransitionForm
from .lifecycle import TRANSITIONS, Party, Transition, allowed_transitions, may_correct
from .models import Referral

LOGGERS = (Role.FRONTOFFICE, Role.SPECIALIST)
READERS = (Role.FRONTOFFICE, Role.SPECIALIST, Role.MT)
# The coordinator receives the referrals of offers that lost their last receiver.
DETAIL_READERS = (*READERS, Role.TREKKER)
FIGURE_READERS = (Role.SPECIALIST, Role.MT, Role.WERKGROEP)
SESSION_LAST_PLACE = "referrals_last_place"
PAGE_SIZE = 50


def _department_of(request: HttpRequest) -> str:
    profile = getattr(request.user, "profile", None)
    return getattr(profile, "department", "") or "publieksservice"


def _profile_branch(request: HttpRequest) -> bool:
    profile = getattr(request.user, "profile", None)
    return bool(profile and profile.branch_id)


def _desk_kwargs(form: ReferralForm) -> services.DeskInput:
    data = form.cleaned_data
    branch, outreach = form.place_objects()
    return {
        "offer": data["offer"],
        "audience": data["audience"],
        "signals": data["signals"],
        "is_latent": data["is_latent"],
        "handover": data["handover"],
        "from_department": data["from_department"],
        "referred_at": data["referred_at"],
        "branch": branch,
        "outreach_location": outreach,
        "note": data["note"],
        "contact_consent": data["contact_consent"],
        "contact_first_name": data["contact_first_name"],
        "contact_phone": data["contact_phone"],
        "contact_email": data["contact_email"],
        "confirm_old": data["confirm_old"],
    }


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
    initial["submission"] = uuid.uuid4()
    form = ReferralForm(
        request.POST if request.method == "POST" else None, library=library, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.referral_create(
                library=library,
                user=request.user,
                submission_token=form.cleaned_data["submission"],
                **_desk_kwargs(form),
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        except services.DuplicateSubmission as exc:
            messages.info(
                request,
                _(
                    "Deze verwijzing naar {offer} was al opgeslagen; het formulier kwam twee "
                    "keer binnen en is één keer bewaard."
                ).format(offer=exc.referral.offer.name),
            )
            return redirect("referrals:log")
        else:
            request.session[SESSION_LAST_PLACE] = form.cleaned_data["place"]
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


@require_http_methods(["GET", "POST"])
@role_required(*LOGGERS)
def correct(request: HttpRequest, pk: int) -> HttpResponse:
    """The referrer corrects their own referral while it is still *verstuurd*."""
    referral = selectors.referral_detail(library=request.library, user=request.user, pk=pk)
    parties = selectors.parties_for(referral=referral, user=request.user)
    if Party.REFERRER not in parties:
        raise PermissionDenied
    if not may_correct(referral, parties):
        messages.warning(
            request,
            _("Deze verwijzing is al opgepakt en kan niet meer worden gecorrigeerd."),
        )
        return redirect("referrals:detail", pk=pk)
    branch_or_place = (
        f"b:{referral.branch_id}" if referral.branch_id else f"o:{referral.outreach_location_id}"
    )
    initial = {
        "offer": referral.offer,
        "audience": referral.audience,
        "is_latent": referral.is_latent,
        "signals": list(referral.signals.all()),
        "handover": referral.handover,
        "place": branch_or_place,
        "from_department": referral.from_department,
        "referred_at": timezone.localtime(referral.referred_at),
        "note": referral.note,
        "contact_consent": referral.contact_consent,
        "contact_first_name": referral.contact_first_name,
        "contact_phone": referral.contact_phone,
        "contact_email": referral.contact_email,
    }
    form = ReferralForm(
        request.POST if request.method == "POST" else None,
        library=request.library,
        initial=initial,
        current_offer=referral.offer,
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.referral_correct(
                    referral=referral,
                    user=request.user,
                    version=_posted_version(request),
                    **_desk_kwargs(form),
                )
            except services.StaleReferral:
                messages.warning(
                    request,
                    _(
                        "De verwijzing is intussen gewijzigd of opgepakt; je correctie is niet "
                        "opgeslagen. Hieronder staat de huidige stand."
                    ),
                )
                return redirect("referrals:detail", pk=pk)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("De verwijzing is gecorrigeerd."))
                return redirect("referrals:detail", pk=pk)
    return render(
        request,
        "referrals/log.html",
        {"form": form, "referral": referral, "correcting": True},
        status=status,
    )


def _posted_version(request: HttpRequest) -> int | None:
    raw = request.POST.get("version", "")
    return int(raw) if raw.isdigit() and len(raw) < 10 else -1


@require_GET
@role_required(*READERS)
def referral_list(request: HttpRequest) -> HttpResponse:
    return _render_list(
        request,
        selectors.referral_filter(data=request.GET, library=request.library, user=request.user),
    )


def _render_list(request: HttpRequest, filterset, *, status: int = 200) -> HttpResponse:
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
        status=status,
    )


@require_GET
@role_required(Role.SPECIALIST)
def incoming(request: HttpRequest) -> HttpResponse:
    referrals = selectors.incoming_for(library=request.library, user=request.user)
    page = Paginator(referrals, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "referrals/incoming.html", {"page": page, "today": timezone.localdate()})


@require_GET
@role_required(Role.TREKKER)
def without_receiver(request: HttpRequest) -> HttpResponse:
    """The coordinator's queue: offers nobody receives, and their open referrals."""
    referrals = selectors.coordinator_queue(library=request.library)
    page = Paginator(referrals, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "referrals/without_receiver.html",
        {
            "page": page,
            "offers": list(selectors.offers_without_receivers(library=request.library)),
            "today": timezone.localdate(),
        },
    )


@require_GET
@role_required(*DETAIL_READERS)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    referral = selectors.referral_detail(library=request.library, user=request.user, pk=pk)
    return _render_detail(request, referral)


def _render_detail(
    request: HttpRequest,
    referral: Referral,
    *,
    bound: TransitionForm | None = None,
    stale: bool = False,
    refused: bool = False,
    status: int = 200,
) -> HttpResponse:
    parties = selectors.parties_for(referral=referral, user=request.user)
    steps = [
        (t, bound if bound is not None and bound.transition == t else _empty_form(t, referral))
        for t in allowed_transitions(referral, parties)
    ]
    link = None
    if (
        referral.is_open
        and referral.offer.partner_contact_id
        and (Party.REFERRER in parties or has_role(request.user, Role.TREKKER))
    ):
        link = partner_links.absolute_link(request, referral)
    return render(
        request,
        "referrals/detail.html",
        {
            "referral": referral,
            "steps": steps,
            "may_correct": may_correct(referral, parties),
            "show_contact": selectors.may_read_contact(parties),
            "show_note": selectors.may_read_note(parties),
            "partner_link": link,
            "stale": stale,
            "refused": refused,
            "today": timezone.localdate(),
        },
        status=status,
    )


def _empty_form(transition: Transition, referral: Referral) -> TransitionForm:
    return TransitionForm(
        transition=transition, referral=referral, initial={"version": referral.version}
    )


def run_transition(
    slug: str, referral: Referral, form: TransitionForm, *, user=None, partner=None
) -> Referral:
    """Call the one service function of this transition with the form's data."""
    data = form.cleaned_data
    common = {"referral": referral, "version": data["version"]}
    if slug == "ontvangen":
        return services.referral_receive(**common, user=user, partner=partner)
    if slug == "in-behandeling":
        return services.referral_start(
            **common, reason=data.get("reason", ""), user=user, partner=partner
        )
    if slug == "afronden":
        return services.referral_complete(
            **common,
            outcome=data["outcome"],
            reason=data.get("reason", ""),
            user=user,
            partner=partner,
        )
    if slug == "afwijzen":
        return services.referral_reject(**common, reason=data["reason"], user=user, partner=partner)
    if slug == "doorsturen":
        return services.referral_forward(
            **common, offer=data["offer"], reason=data.get("reason", ""), user=user
        )
    if slug == "intrekken":
        return services.referral_withdraw(**common, reason=data["reason"], user=user)
    if slug == "heropenen":
        return services.referral_reopen(**common, reason=data["reason"], user=user)
    raise Http404


DONE_MESSAGES = {
    "ontvangen": gettext_lazy("De verwijzing staat op ontvangen."),
    "in-behandeling": gettext_lazy("De verwijzing staat op in behandeling."),
    "afronden": gettext_lazy("De verwijzing is afgerond."),
    "afwijzen": gettext_lazy("De verwijzing is afgewezen."),
    "doorsturen": gettext_lazy("De verwijzing is doorgestuurd."),
    "intrekken": gettext_lazy("De verwijzing is ingetrokken."),
    "heropenen": gettext_lazy("De verwijzing is heropend."),
}


@require_POST
@role_required(*DETAIL_READERS)
def transition(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    step = TRANSITIONS.get(slug)
    if step is None:
        raise Http404
    referral = selectors.referral_detail(library=request.library, user=request.user, pk=pk)
    if step.party not in selectors.parties_for(referral=referral, user=request.user):
        raise PermissionDenied
    form = TransitionForm(request.POST, transition=step, referral=referral)
    if not form.is_valid():
        return _render_detail(request, referral, bound=form, status=400)
    try:
        result = run_transition(slug, referral, form, user=request.user)
    except (services.StaleReferral, services.TransitionRefused) as exc:
        fresh = selectors.referral_detail(library=request.library, user=request.user, pk=pk)
        return _render_detail(
            request,
            fresh,
            stale=isinstance(exc, services.StaleReferral),
            refused=isinstance(exc, services.TransitionRefused),
            status=409,
        )
    except ValidationError as exc:
        apply_validation_error(form, exc)
        return _render_detail(request, referral, bound=form, status=400)
    messages.success(request, str(DONE_MESSAGES[slug]))
    return redirect("referrals:detail", pk=result.pk if slug != "doorsturen" else pk)


# Partner links ---------------------------------------------------------------------------

PROBLEM_STATUS = {
    partner_links.Problem.TAMPERED: 400,
    partner_links.Problem.WRONG_REFERRAL: 400,
    partner_links.Problem.EXPIRED: 410,
    partner_links.Problem.NOT_PARTNER: 410,
}


def _partner_guard(request: HttpRequest, pk: int, token: str):
    """The checked link, or the page that says why it cannot be used."""
    if partner_links.rate_limited(request):
        return None, render(
            request, "referrals/partner_problem.html", {"problem": "rate"}, status=429
        )
    checked = partner_links.check(pk=pk, token=token)
    if checked.problem is not None:
        return None, render(
            request,
            "referrals/partner_problem.html",
            {"problem": checked.problem.value},
            status=PROBLEM_STATUS[checked.problem],
        )
    return checked, None


def _in_link_library(view):
    """Run a partner page inside the scope of the library its link is for (see
    partner_links.library_id); a link that names no referral gets a scope with no library,
    in which the page can only say that the link does not work."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, pk: int, token: str) -> HttpResponse:
        library_id = partner_links.library_id(pk=pk, token=token)
        if library_id is None:
            with no_library_scope():
                return view(request, pk, token)
        with library_scope(library_id):
            return view(request, pk, token)

    return wrapped


def _partner_steps(referral: Referral) -> list[Transition]:
    return allowed_transitions(referral, frozenset({Party.RECEIVER}), via_link=True)


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
@_in_link_library
def partner(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """One referral for its partner contact, with a button per allowed step."""
    checked, problem_page = _partner_guard(request, pk, token)
    if problem_page is not None:
        return problem_page
    referral, contact = checked.referral, checked.partner
    steps = _partner_steps(referral)
    bound = None
    status = 200
    notice = ""
    if not referral.is_open:
        # Used after completion: say so, change nothing.
        status = 410 if request.method == "POST" else 200
        steps = []
    elif request.method == "POST":
        step = TRANSITIONS.get(request.POST.get("stap", ""))
        if step is None or step not in steps:
            status, notice = 409, "refused"
        else:
            bound = TransitionForm(request.POST, transition=step, referral=referral)
            if bound.is_valid():
                try:
                    run_transition(step.slug, referral, bound, partner=contact)
                except services.StaleReferral:
                    status, notice, bound = 409, "stale", None
                except services.TransitionRefused:
                    status, notice, bound = 409, "refused", None
                except ValidationError as exc:
                    apply_validation_error(bound, exc)
                    status = 400
                else:
                    return redirect("referrals:partner_thanks", pk=pk, token=token)
            else:
                status = 400
        referral = partner_links.check(pk=pk, token=token).referral or referral
        steps = _partner_steps(referral)
    forms = [
        (t, bound if bound is not None and bound.transition == t else _empty_form(t, referral))
        for t in steps
    ]
    return render(
        request,
        "referrals/partner.html",
        {
            "referral": referral,
            "contact": contact,
            "steps": forms,
            "notice": notice,
            # Personal data only where the visitor agreed to be contacted.
            "show_contact": referral.contact_consent and referral.has_contact,
        },
        status=status,
    )


@login_not_required
@never_cache
@require_GET
@_in_link_library
def partner_thanks(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    checked, problem_page = _partner_guard(request, pk, token)
    if problem_page is not None:
        return problem_page
    return render(
        request,
        "referrals/partner_thanks.html",
        {"referral": checked.referral, "contact": checked.partner, "token": token},
    )


@require_GET
@role_required(Role.MT, Role.SPECIALIST)
def export_csv(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """The filtered list as CSV, without contact details or notes."""
    filterset = selectors.referral_filter(
        data=request.GET, library=request.library, user=request.user
    )
    if not filterset.is_valid():
        # Checked before the first byte is streamed: a wrong filter gets the list with its
        # message, not a file with only a header.
        return _render_list(request, filterset, status=400)
    header = [
        _("nummer"),
        _("moment"),
        _("aanbod"),
        _("afdeling aanbod"),
        _("vanuit afdeling"),
        _("voor wie"),
        _("signalen"),
        _("latente behoefte"),
        _("overdracht"),
        _("warm"),
        _("plek"),
        _("geregistreerd door"),
        _("status"),
        _("resultaat"),
        _("reden"),
        _("opvolgen vóór"),
        _("doorgestuurd vanuit"),
    ]

    def rows():
        for r in filterset.qs:
            yield [
                r.pk,
                timezone.localtime(r.referred_at).strftime("%Y-%m-%d %H:%M"),
                r.offer.name,
                r.offer.get_department_display(),
                r.get_from_department_display(),
                r.get_audience_display(),
                ", ".join(s.name for s in r.signals.all()),
                _("ja") if r.is_latent else _("nee"),
                r.get_handover_display(),
                _("ja") if r.is_warm else _("nee"),
                r.place,
                display_name(r.logged_by) if r.logged_by else "",
                r.get_status_display(),
                r.get_outcome_display(),
                r.outcome_reason,
                r.follow_up_date.isoformat(),
                r.forwarded_from_id or "",
            ]

    return csv_response(filename="verwijzingen.csv", header=header, rows=rows())


def _figures_context(request: HttpRequest, *, include_staff: bool) -> dict:
    filterset = selectors.referral_filter(
        data=request.GET,
        library=request.library,
        user=request.user,
        default_to_last_year=True,
    )
    if filterset.is_valid():
        key = "|".join(f"{k}={v}" for k, v in sorted(filterset.form.cleaned_data.items()))
        # Everyone who may see figures sees all of the library's referrals.
        data = selectors.figures_cached(
            filterset.qs,
            library=request.library,
            key=key,
            scope="library",
            include_staff=include_staff,
        )
    else:
        data = selectors.figures(filterset.qs, include_staff=include_staff)
    charts = {
        "per_month": bar_chart(
            data.per_month, title=_("Verwijzingen per maand"), description=_("Aantal per maand")
        ),
        "per_offer": bar_chart(data.per_offer, title=_("Verwijzingen per aanbod")),
        "per_place": bar_chart(data.per_place, title=_("Verwijzingen per plek")),
    }
    start, end = filterset.period
    return {
        "filter": filterset,
        "figures": data,
        "breakdown": selectors.breakdown(filterset.qs),
        "charts": charts,
        "start": start,
        "end": end,
    }


@require_GET
@role_required(*FIGURE_READERS)
def figures(request: HttpRequest) -> HttpResponse:
    return render(request, "referrals/figures.html", _figures_context(request, include_staff=True))


@require_GET
@role_required(*FIGURE_READERS)
def report_pdf(request: HttpRequest) -> HttpResponse:
    """For the municipality and partners: figures only, no names of staff or visitors."""
    context = _figures_context(request, include_staff=False)
    if not context["filter"].is_valid():
        return render(request, "referrals/figures.html", context, status=400)
    return pdf_response(
        "referrals/report_pdf.html",
        {**context, "library": request.library, "today": timezone.localdate()},
        filename=f"verwijzingen-{request.library.name}-{context['start']}-{context['end']}",
        request=request,
    )
