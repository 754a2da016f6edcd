from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.forms import apply_validation_error
from core.people import display_name
from core.roles import ROLE_LABELS, Role, role_required
from referrals import selectors as referral_selectors

from . import selectors, services
from .filters import StaffFilter
from .forms import (
    BranchAddForm,
    BranchForm,
    DeskOptionForm,
    InviteForm,
    LibraryForm,
    OfferForm,
    ResourceForm,
    StaffEditForm,
    StaffForm,
    StepContentForm,
)


def role_labels(user) -> list[str]:
    """The roles as given, also for a switched-off account (which has none in effect)."""
    names = {group.name for group in user.groups.all()}
    return [str(ROLE_LABELS[role]) for role in Role if role.value in names]


def _staff_member(request: HttpRequest, pk: int):
    user = selectors.staff_member(library=request.library, pk=pk)
    if user is None:
        raise Http404(_("Deze medewerker bestaat niet."))
    return user


def _send_invitation(request: HttpRequest, user) -> bool:
    """Queue the invitation and say so; the task worker sends it and retries if needed."""
    try:
        services.staff_invitation_enqueue(
            user=user, invited_by=request.user, base_url=request.build_absolute_uri("/")
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return False
    messages.success(
        request,
        _(
            "De uitnodiging gaat naar {email}. Komt hij niet aan, stuur dan een nieuwe via de "
            "pagina van deze collega."
        ).format(email=user.email),
    )
    return True


@require_GET
@role_required(Role.BEHEER)
def staff_list(request: HttpRequest) -> HttpResponse:
    staff_filter = StaffFilter(
        request.GET or None,
        queryset=selectors.staff_for_library(library=request.library),
        request=request,
    )
    rows = [
        {
            "user": user,
            "roles": role_labels(user),
            "pending": selectors.is_invitation_pending(user),
        }
        for user in staff_filter.qs
    ]
    return render(request, "beheer/staff_list.html", {"filter": staff_filter, "rows": rows})


def _staff_fields(form: StaffForm) -> dict:
    """What the invite and edit forms both say about a colleague, for the service."""
    fields = ("first_name", "last_name", "roles", "branch", "department")
    return {name: form.cleaned_data[name] for name in fields}


@require_http_methods(["GET", "POST"])
@role_required(Role.BEHEER)
def staff_invite(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None, library=request.library)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.staff_invite(
                library=request.library, email=form.cleaned_data["email"], **_staff_fields(form)
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request, _("{name} staat als medewerker klaar.").format(name=display_name(user))
            )
            _send_invitation(request, user)
            return redirect("beheer:staff")
    return render(request, "beheer/staff_invite.html", {"form": form})


@require_http_methods(["GET", "POST"])
@role_required(Role.BEHEER)
def staff_edit(request: HttpRequest, pk: int) -> HttpResponse:
    member = _staff_member(request, pk)
    profile = getattr(member, "profile", None)
    initial = {
        "first_name": member.first_name,
        "last_name": member.last_name,
        "roles": [group.name for group in member.groups.all()],
        "branch": profile.branch_id if profile else None,
        "department": profile.department if profile else "",
    }
    form = StaffEditForm(request.POST or None, initial=initial, library=request.library)
    if request.method == "POST" and form.is_valid():
        try:
            services.staff_update(
                user=member, library=request.library, by=request.user, **_staff_fields(form)
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("De gegevens van {name} zijn opgeslagen.").format(name=display_name(member)),
            )
            return redirect("beheer:staff")
    return render(
        request,
        "beheer/staff_edit.html",
        {
            "form": form,
            "member": member,
            "pending": selectors.is_invitation_pending(member),
            "is_self": member.pk == request.user.pk,
        },
    )


@require_POST
@role_required(Role.BEHEER)
def staff_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    member = _staff_member(request, pk)
    try:
        services.staff_deactivate(user=member, by=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _(
                "Het account van {name} is uitgeschakeld. Wat deze collega deed, blijft in de "
                "geschiedenis en de cijfers staan."
            ).format(name=display_name(member)),
        )
    return redirect("beheer:staff_edit", pk=member.pk)


@require_POST
@role_required(Role.BEHEER)
def staff_reactivate(request: HttpRequest, pk: int) -> HttpResponse:
    member = _staff_member(request, pk)
    try:
        services.staff_reactivate(user=member)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Het account van {name} staat weer aan.").format(name=display_name(member)),
        )
    return redirect("beheer:staff_edit", pk=member.pk)


@require_POST
@role_required(Role.BEHEER)
def staff_resend(request: HttpRequest, pk: int) -> HttpResponse:
    member = _staff_member(request, pk)
    _send_invitation(request, member)
    return redirect("beheer:staff_edit", pk=member.pk)


@require_GET
@role_required(Role.BEHEER)
def home(request: HttpRequest) -> HttpResponse:
    checklist = selectors.first_time_checklist(library=request.library, user=request.user)
    return render(
        request,
        "beheer/home.html",
        {
            "checklist": checklist,
            "checklist_done": all(item.done for item in checklist),
            "offers_without_receivers": selectors.offers_without_receivers(
                library=request.library
            ).count(),
        },
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.BEHEER)
def library(request: HttpRequest) -> HttpResponse:
    form = LibraryForm(
        request.POST or None, instance=selectors.library_fresh(library=request.library)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.library_update(
                library=request.library,
                name=form.cleaned_data["name"],
                referral_retention_days=form.cleaned_data["referral_retention_days"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("De gegevens van de bibliotheek zijn opgeslagen."))
            return redirect("beheer:library")
    return render(
        request,
        "beheer/library.html",
        {
            "form": form,
            "branch_form": BranchAddForm(),
            "branches": selectors.branches(library=request.library),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@role_required(Role.BEHEER)
def branch_add(request: HttpRequest) -> HttpResponse:
    form = BranchAddForm(request.POST)
    if form.is_valid():
        try:
            branch = services.branch_create(library=request.library, name=form.cleaned_data["name"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Vestiging {name} is toegevoegd.").format(name=branch.name))
            return redirect("beheer:library")
    return render(
        request,
        "beheer/library.html",
        {
            "form": LibraryForm(instance=selectors.library_fresh(library=request.library)),
            "branch_form": form,
            "branches": selectors.branches(library=request.library),
        },
        status=400,
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.BEHEER)
def branch_edit(request: HttpRequest, pk: int) -> HttpResponse:
    branch = selectors.branch(library=request.library, pk=pk)
    if branch is None:
        raise Http404(_("Deze vestiging bestaat niet."))
    form = BranchForm(
        request.POST or None, instance=selectors.branch(library=request.library, pk=pk)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.branch_update(
                branch=branch,
                name=form.cleaned_data["name"],
                is_active=form.cleaned_data["is_active"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request, _("Vestiging {name} is opgeslagen.").format(name=form.cleaned_data["name"])
            )
            return redirect("beheer:library")
    return render(request, "beheer/branch_edit.html", {"form": form, "branch": branch})


DESK_LIST_LABELS = {
    "signalen": (_lazy("Signalen en vragen"), _lazy("Signaal of vraag")),
    "locaties": (_lazy("Locaties buiten de bibliotheek"), _lazy("Locatie buiten de bibliotheek")),
}


@require_GET
@role_required(Role.BEHEER)
def offers(request: HttpRequest) -> HttpResponse:
    offer_rows = list(selectors.offers(library=request.library))
    lists = [
        {
            "kind": kind,
            "title": DESK_LIST_LABELS[kind][0],
            "items": selectors.desk_options(library=request.library, kind=kind),
        }
        for kind in selectors.DESK_LISTS
    ]
    return render(
        request,
        "beheer/offers.html",
        {
            "offers": offer_rows,
            "without_receivers": [o for o in offer_rows if o.without_receiver],
            "lists": lists,
        },
    )


def _offer_form_page(request: HttpRequest, offer) -> HttpResponse:
    specialists = selectors.specialists(library=request.library)
    partner_contacts = selectors.partner_contacts(library=request.library)
    if offer is None:
        initial = {"order": 0, "is_active": True, "department": ""}
    else:
        initial = {
            "name": offer.name,
            "department": offer.department,
            "order": offer.order,
            "is_active": offer.is_active,
            "specialists": [user.pk for user in offer.specialists.all()],
            "version": services.history_version(offer),
        }
        if offer.partner_contact is not None:
            initial.update(
                partner_contact=offer.partner_contact.pk,
                partner_organisation=offer.partner_contact.organisation,
                partner_name=offer.partner_contact.name,
                partner_email=offer.partner_contact.email,
            )
    form = OfferForm(
        request.POST or None,
        initial=initial,
        specialists=specialists,
        partner_contacts=partner_contacts,
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.offer_save(
                library=request.library,
                offer=offer,
                version=data["version"] if offer is not None else None,
                name=data["name"],
                department=data["department"],
                order=data["order"],
                is_active=data["is_active"],
                specialists=data["specialists"],
                partner_contact=data["partner_contact"],
                new_partner=data["new_partner"],
            )
        except services.EditConflict as exc:
            conflict = selectors.offer(library=request.library, pk=exc.current.pk)
            form = _form_at_version(
                request,
                conflict,
                lambda post: OfferForm(
                    post, specialists=specialists, partner_contacts=partner_contacts
                ),
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Aanbod {name} is opgeslagen.").format(name=saved.name))
            if saved.is_active and not referral_selectors.offer_has_receiver(offer=saved):
                messages.warning(
                    request,
                    _(
                        "{name} heeft nog geen ontvanger: verwijzingen erheen komen nergens aan."
                    ).format(name=saved.name),
                )
            return redirect("beheer:offers")
    return render(
        request,
        "beheer/offer_form.html",
        {
            "form": form,
            "offer": offer,
            "conflict": conflict,
            "has_specialists": specialists.exists(),
        },
        status=409 if conflict else 200,
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.BEHEER)
def offer_add(request: HttpRequest) -> HttpResponse:
    return _offer_form_page(request, None)


@require_http_methods(["GET", "POST"])
@role_required(Role.BEHEER)
def offer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = selectors.offer(library=request.library, pk=pk)
    if offer is None:
        raise Http404(_("Dit aanbod bestaat niet."))
    return _offer_form_page(request, offer)


def _desk_option_page(request: HttpRequest, kind: str, item) -> HttpResponse:
    has_order = kind == "signalen"
    initial = {"is_active": True}
    if item is not None:
        initial = {"name": item.name, "is_active": item.is_active}
        if has_order:
            initial["order"] = item.order
    form = DeskOptionForm(request.POST or None, initial=initial, has_order=has_order)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.desk_option_save(
                library=request.library,
                kind=kind,
                item=item,
                name=form.cleaned_data["name"],
                is_active=form.cleaned_data["is_active"],
                order=form.cleaned_data.get("order"),
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("{name} is opgeslagen.").format(name=saved.name))
            return redirect("beheer:offers")
    return render(
        request,
        "beheer/desk_option_form.html",
        {"form": form, "item": item, "kind_label": DESK_LIST_LABELS[kind][1]},
    )


def _desk_kind(kind: str) -> str:
    if kind not in selectors.DESK_LISTS:
        raise Http404(_("Deze lijst bestaat niet."))
    return kind


@require_http_methods(["GET", "POST"])
@role_required(Role.BEHEER)
def desk_option_add(request: HttpRequest, kind: str) -> HttpResponse:
    return _desk_option_page(request, _desk_kind(kind), None)


@require_http_methods(["GET", "POST"])
@role_required(Role.BEHEER)
def desk_option_edit(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    item = selectors.desk_option(library=request.library, kind=_desk_kind(kind), pk=pk)
    if item is None:
        raise Http404(_("Dit onderdeel bestaat niet."))
    return _desk_option_page(request, kind, item)


@require_GET
@role_required(Role.BEHEER)
def content(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "beheer/content.html",
        {
            "themes": selectors.content_overview(library=request.library),
            "resources": selectors.resources(),
        },
    )


def _form_at_version(request: HttpRequest, current, build):
    """The posted form again, now on the version a colleague saved: what this user typed
    stays, and saving once more after comparing goes through."""
    post = request.POST.copy()
    post["version"] = str(services.history_version(current))
    form = build(post)
    form.is_valid()
    return form


def _content_edit_page(
    request: HttpRequest,
    *,
    obj,
    form_class,
    initial: dict,
    reload: Callable[[int], Any],
    save: Callable[[dict], str],
    done_url: str,
    template: str,
    context: dict,
) -> HttpResponse:
    """Edit a versioned piece of content (a step, a resource): "voorbeeld" previews without
    saving, "opslaan" saves unless a colleague saved since the form was opened. Then the
    page shows their version next to this user's (409) so nothing is overwritten unseen.

    `save` calls the service with the cleaned data and returns the success message.
    """
    form = form_class(
        request.POST or None, initial={**initial, "version": services.history_version(obj)}
    )
    preview = None
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("actie") == "voorbeeld":
            preview = data
        else:
            try:
                message = save(data)
            except services.EditConflict as exc:
                conflict = reload(exc.current.pk)
                form = _form_at_version(request, conflict, form_class)
                preview = form.cleaned_data
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, message)
                return redirect(done_url)
    return render(
        request,
        template,
        {
            **context,
            "form": form,
            "preview": preview,
            "conflict": conflict,
            "history": selectors.edit_history(obj),
        },
        status=409 if conflict else 200,
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.BEHEER)
def step_content(request: HttpRequest, pk: int) -> HttpResponse:
    step = selectors.step(pk=pk)
    if step is None:
        raise Http404(_("Deze stap bestaat niet."))

    def save(data: dict) -> str:
        services.step_content_update(
            step=step, version=data["version"], title=data["title"], text=data["text"]
        )
        return _("Stap {n} van {phase} is opgeslagen.").format(n=step.number, phase=step.phase)

    return _content_edit_page(
        request,
        obj=step,
        form_class=StepContentForm,
        initial={"title": step.title, "text": step.text},
        reload=lambda pk: selectors.step(pk=pk),
        save=save,
        done_url=f"{reverse('beheer:content')}#stap-{step.pk}",
        template="beheer/step_content.html",
        context={"step": step},
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.BEHEER)
def resource_edit(request: HttpRequest, pk: int) -> HttpResponse:
    resource = selectors.resource(pk=pk)
    if resource is None:
        raise Http404(_("Dit hulpmiddel bestaat niet."))

    def save(data: dict) -> str:
        services.resource_update(
            resource=resource, version=data["version"], title=data["title"], url=data["url"]
        )
        return _("Hulpmiddel {name} is opgeslagen.").format(name=data["title"])

    return _content_edit_page(
        request,
        obj=resource,
        form_class=ResourceForm,
        initial={"title": resource.title, "url": resource.url},
        reload=lambda pk: selectors.resource(pk=pk),
        save=save,
        done_url=f"{reverse('beheer:content')}#hulpmiddelen",
        template="beheer/resource_edit.html",
        context={"resource": resource},
    )
