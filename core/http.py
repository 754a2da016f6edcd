"""The request our views receive, as the type checker should see it."""

from django.contrib.auth.models import User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from .models import Library


class AuthenticatedHttpRequest(HttpRequest):
    """A request behind `role_required` (or `login_required`): the user is signed in,
    `core.middleware.current_library` has set `library` and django-htmx has set `htmx`.

    Only for annotations (`def view(request: AuthenticatedHttpRequest)`); Django still
    passes its own HttpRequest.
    """

    user: User
    library: Library
    htmx: HtmxDetails
