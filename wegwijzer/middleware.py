from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from .library import library_for_user


def current_library(get_response: Callable[[HttpRequest], HttpResponse]):
    """Attach the user's library as request.library, looked up only when used."""

    def middleware(request: HttpRequest) -> HttpResponse:
        request.library = SimpleLazyObject(lambda: library_for_user(request.user))
        return get_response(request)

    return middleware


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
