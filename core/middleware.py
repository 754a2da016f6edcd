from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django_scopes import scope

from .library import (
    NoLibrary,
    in_scope_of_caller,
    library_for_user,
    library_scope,
    no_library_scope,
    scopes_disabled,
)


def current_library(get_response: Callable[[HttpRequest], HttpResponse]):
    """Attach the user's library as request.library, looked up only when used, and run the
    request inside that library's scope: every query on a library-owned model is filtered on
    it, whatever the view remembers to filter.

    Before the installation has a library, a page that needs one explains how to make it
    (a page view never creates one)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        # The attribute AuthenticatedHttpRequest declares; HttpRequest has no such field.
        request.library = SimpleLazyObject(  # type: ignore[attr-defined]
            lambda: library_for_user(request.user)
        )
        user = request.user
        if user.is_superuser and request.path.startswith(reverse("admin:index")):
            # The Django admin is the installation's IT (superusers only), who look after
            # every library at once: there the scope is off on purpose.
            with scopes_disabled():
                return get_response(request)
        if not user.is_authenticated:
            # A signed-out visitor belongs to no library: a view that serves one (a partner
            # link) enters the library the link is for; anything else library-owned raises.
            with no_library_scope():
                return _scoped(get_response(request))
        with library_scope(request.library):  # type: ignore[attr-defined]
            return _scoped(get_response(request))

    def process_exception(request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, NoLibrary):
            return None
        request.library = None  # type: ignore[attr-defined]
        # No library yet, so nothing library-owned to show: the page (its unread-notification
        # count, say) reads in a scope of no libraries at all.
        with scope(library=[]):
            return render(request, "no_library.html", status=503)

    middleware.process_exception = process_exception  # type: ignore[attr-defined]
    return middleware


def _scoped(response: HttpResponse) -> HttpResponse:
    """A streamed response (a CSV export) is read after the view returned: it keeps the scope."""
    if response.streaming:
        response.streaming_content = in_scope_of_caller(  # type: ignore[attr-defined]
            response.streaming_content  # type: ignore[attr-defined]
        )
    return response


def security_headers(get_response: Callable[[HttpRequest], HttpResponse]):
    """Headers Django's SecurityMiddleware does not set (Django 5.2 has no CSP of its own)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"
        )
        return response

    return middleware


# Files that carry names, answers or figures of the library, whoever asked for them.
PRIVATE_CONTENT_TYPES = ("text/csv", "application/pdf")


def no_store_for_signed_in(get_response: Callable[[HttpRequest], HttpResponse]):
    """Desk PCs are shared: a page, CSV or PDF seen by one colleague must not be kept by the
    browser (or a proxy) for the next person to find in the back button or the cache."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        content_type = response.get("Content-Type", "")
        if request.user.is_authenticated or content_type.startswith(PRIVATE_CONTENT_TYPES):
            add_never_cache_headers(response)
        return response

    return middleware


def two_factor(get_response: Callable[[HttpRequest], HttpResponse]):
    """Send a signed-in user who needs the second step to it before anything else.

    Needed when the account has an authenticator app (noted in the session at sign-in) or
    when its role requires one (core.twofactor.two_factor_required); without an app yet, the
    user sets one up first.
    """
    from . import twofactor

    static_prefix = "/" + settings.STATIC_URL.lstrip("/")

    def exempt(path: str) -> bool:
        return path.startswith(static_prefix) or path in {
            reverse("two_factor_setup"),
            reverse("two_factor_verify"),
            reverse("logout"),
            reverse("login"),
            reverse("health"),
        }

    def middleware(request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not exempt(request.path):
            has_device = request.session.get(twofactor.SESSION_HAS_DEVICE, False)
            needed = has_device or twofactor.two_factor_required(user)
            # django-otp's OTPMiddleware adds is_verified to the user; the stubs cannot know.
            if needed and not user.is_verified():  # type: ignore[attr-defined]
                target = "two_factor_verify" if has_device else "two_factor_setup"
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse(target)}?{query}")
        return get_response(request)

    return middleware


class DatabaseBusyMiddleware:
    """A save that waited longer than DJANGO_DB_LOCK_TIMEOUT for a colleague's lock gets a
    Dutch "probeer het opnieuw" page (503, Retry-After) instead of a server error. The page
    holds what the user typed, so one click sends it again and nothing is lost; nothing was
    saved, because the transaction was rolled back."""

    # Never written back into a page.
    SECRET_FIELDS = ("password", "csrfmiddlewaretoken", "token", "secret")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        from django.template.loader import render_to_string

        from .database import is_busy

        if not is_busy(exception):
            return None
        fields = [
            (name, value)
            for name, values in request.POST.lists()
            if not any(secret in name.lower() for secret in self.SECRET_FIELDS)
            for value in values
        ]
        context = {
            "fields": fields,
            "action": request.get_full_path(),
            "is_post": request.method == "POST",
            "had_secret": any(
                secret in name.lower() for name in request.POST for secret in ("password",)
            ),
        }
        try:
            html = render_to_string("database_busy.html", context, request=request)
        except Exception:  # the page itself needs the database; say it plainly without it
            html = (
                "<!doctype html><html lang='nl'><title>Even bezet</title><main><h1>Even "
                "bezet</h1><p>Er wordt op dit moment veel tegelijk opgeslagen. Er is niets "
                "opgeslagen; ga terug en probeer het over een paar seconden opnieuw.</p></main>"
            )
        response = HttpResponse(html, status=503)
        response["Retry-After"] = "5"
        return response
