"""One way to fetch an object for a request, and to refuse it.

Each app has an `access.py` with one small helper per object kind (`get_round_for(request,
pk)`, `get_cycle_for(request)` …) built on these functions, so every page answers the same way:

- an object outside the user's library, or an id that cannot exist, is a 404 (the page does
  not say whether it exists elsewhere);
- a user who may not do this with an object they can see gets a 403 with a Dutch reason,
  rendered by the one `templates/403.html`.

Role checks on the whole view stay with `roles.role_required`; these helpers add the checks
that depend on the object.
"""

from typing import NoReturn, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from .models import Library
from .roles import Role, has_role

M = TypeVar("M", bound=Model)


def get_or_404(queryset: QuerySet[M], **lookup: object) -> M:
    """The one row matching `lookup`, or Http404; a malformed or too large id is a 404 too."""
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError, OverflowError) as exc:
        raise Http404(_("Wat je zoekt bestaat niet, of hoort niet bij jouw bibliotheek.")) from exc


def get_in_library(
    queryset: QuerySet[M], *, library: Library, via: str = "library", **lookup: object
) -> M:
    """Like `get_or_404`, but only within `library` (`via` is the path to the library)."""
    return get_or_404(queryset, **{via: library}, **lookup)


def deny(message: str = "") -> NoReturn:
    """Refuse with a 403; `message` tells the user why, in Dutch."""
    raise PermissionDenied(message)


def require(allowed: bool, message: str = "") -> None:
    """Go on when `allowed`, else refuse with a 403 and `message`."""
    if not allowed:
        deny(message)


def require_role(user: AbstractBaseUser | AnonymousUser, *roles: Role, message: str = "") -> None:
    """Refuse with a 403 unless the user has one of `roles` (for a part of a page, such as a
    POST on a page everyone may read)."""
    require(has_role(user, *roles), message)
