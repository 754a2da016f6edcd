from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.forms import apply_validation_error
from core.roles import Role, role_required

from . import selectors, services
from .forms import PreferencesForm
from .models import Notification

PAGE_SIZE = 25
EVERY_ROLE = tuple(Role)


def _own(request: HttpRequest, pk: int) -> Notification:
    # Someone else's notification is as good as absent.
    return get_object_or_404(Notification, pk=pk, recipient=request.user)


@require_GET
@role_required(*EVERY_ROLE)
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.notifications_for(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    return render(request, "notifications/list.html", {"page": page})


@require_GET
@role_required(*EVERY_ROLE)
def bell(request: HttpRequest) -> HttpResponse:
    """The bell on its own, for htmx to refresh the count."""
    return render(
        request,
        "notifications/_bell.html",
        {"unread_notifications": selectors.unread_count(user=request.user)},
    )


@require_POST
@role_required(*EVERY_ROLE)
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    services.notification_mark_read(notification=_own(request, pk), user=request.user)
    return redirect(_back(request))


@require_POST
@role_required(*EVERY_ROLE)
def open_notification(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark it read and go to what it is about."""
    notification = _own(request, pk)
    services.notification_mark_read(notification=notification, user=request.user)
    if notification.url and url_has_allowed_host_and_scheme(
        notification.url, allowed_hosts={request.get_host()}
    ):
        return redirect(notification.url)
    return redirect("notifications:list")


@require_POST
@role_required(*EVERY_ROLE)
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = services.notifications_mark_all_read(user=request.user)
    if count:
        messages.success(request, _("Alle meldingen zijn gelezen."))
    return redirect(_back(request))


def _back(request: HttpRequest) -> str:
    """Back to the list page the user was on."""
    page = request.POST.get("pagina", "")
    url = reverse("notifications:list")
    return f"{url}?pagina={page}" if page.isdigit() else url


@require_http_methods(["GET", "POST"])
@role_required(*EVERY_ROLE)
def preferences(request: HttpRequest) -> HttpResponse:
    rows = selectors.preferences_for(user=request.user)
    form = PreferencesForm(request.POST or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        try:
            services.preferences_set(user=request.user, choices=form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Je voorkeuren zijn bewaard."))
            return redirect("notifications:preferences")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "has_email": bool(request.user.email)},
        status=status,
    )


@require_GET
@role_required(Role.BEHEER)
def email_problems(request: HttpRequest) -> HttpResponse:
    """E-mails that did not go out: to whom, when, and the mail server's answer."""
    page = Paginator(selectors.email_problems(), PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "notifications/failed.html", {"page": page})


@require_POST
@role_required(Role.BEHEER)
def email_retry(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_object_or_404(Notification, pk=pk)
    try:
        services.notification_email_retry(notification=notification)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("De e-mail wordt opnieuw verstuurd."))
    return redirect("notifications:failed")
