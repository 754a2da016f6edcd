"""Roles are Django groups; this module is the one place that knows them.

Views ask `has_role` or use `role_required`; queries for "who has this role" use
`users_with_role`. Nothing else looks at group names.
"""

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group, User
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from .models import Library


class Role(models.TextChoices):
    WERKGROEP = "werkgroep", _("Werkgroep")
    TREKKER = "trekker", _("Trekker (coördinator werkgroep)")
    FRONTOFFICE = "frontoffice", _("Frontoffice")
    SPECIALIST = "specialist", _("Specialist")
    MT = "mt", _("MT")
    BEHEER = "beheer", _("Beheer")


# The labels by role, for code that looks them up (the same as `role.label`).
ROLE_LABELS = {role: role.label for role in Role}

# A role that brings others with it: a coordinator is a workgroup member with extra rights.
IMPLIED_ROLES: dict[Role, frozenset[Role]] = {Role.TREKKER: frozenset({Role.WERKGROEP})}

# One line per role on the invitation form, saying what the role may do.
ROLE_DESCRIPTIONS = {
    Role.WERKGROEP: _(
        "Doorloopt de Wegwijzer: vinkt stappen af, beantwoordt de vragen, vult de Quickscan in."
    ),
    Role.TREKKER: _(
        "Coördineert de werkgroep: start een nieuwe cyclus en de Quickscan-ronde van het jaar."
    ),
    Role.FRONTOFFICE: _("Registreert warme verwijzingen aan de balie."),
    Role.SPECIALIST: _("Ontvangt verwijzingen naar een aanbod en legt vast wat eruit kwam."),
    Role.MT: _("Leest overzichten, cijfers en rapporten; wijzigt niets."),
    Role.BEHEER: _("Beheert medewerkers, aanbod, de bibliotheek en de inhoud van de Wegwijzer."),
}


_CACHE_ATTR = "_wegwijzer_roles"


def user_roles(user: User | AnonymousUser) -> frozenset[Role]:
    """The user's roles, read once per user object."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    if user.is_superuser:
        roles = frozenset(Role)
    else:
        # .all() uses the groups the auth backend prefetched with the user.
        names = {group.name for group in user.groups.all()}
        own = {role for role in Role if role.value in names}
        roles = frozenset(own.union(*(IMPLIED_ROLES.get(role, ()) for role in own)))
    setattr(user, _CACHE_ATTR, roles)
    return roles


def has_role(user: User | AnonymousUser, *roles: Role) -> bool:
    return bool(user_roles(user) & set(roles))


def _group_names(roles: Iterable[Role]) -> list[str]:
    """The groups whose members have any of `roles`, directly or through an implied role."""
    wanted = set(roles)
    return sorted(
        role.value for role in Role if role in wanted or IMPLIED_ROLES.get(role, set()) & wanted
    )


def active_staff(*, library: Library) -> QuerySet:
    """The library's active staff accounts, by name (one query when evaluated)."""
    return (
        get_user_model()
        .objects.filter(is_active=True, profile__library=library)
        .order_by("first_name", "last_name", "username")
    )


def users_with_role(*, library: Library, roles: Iterable[Role]) -> QuerySet:
    """The library's active staff with at least one of `roles` (a trekker counts as werkgroep).

    Only group membership counts: a superuser without groups is nobody's colleague here.
    """
    return active_staff(library=library).filter(groups__name__in=_group_names(roles)).distinct()


def role_required(*roles: Role) -> Callable:
    """Let the view run only for users with at least one of `roles`; others get a 403."""
    if not roles:
        raise ValueError("role_required needs at least one role")

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.required_roles = frozenset(roles)  # type: ignore[attr-defined]
        return wrapper

    return decorator


def set_user_roles(user: User, roles: Iterable[Role]) -> None:
    """Give the user exactly these roles."""
    names = {Role(r).value for r in roles}
    groups = list(Group.objects.filter(name__in=names))
    if len(groups) < len(names):
        # Only before the first migrate's post_migrate has made them (one query otherwise).
        sync_role_groups()
        groups = list(Group.objects.filter(name__in=names))
    user.groups.set(groups)
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def sync_role_groups(**kwargs: Any) -> None:
    """Make sure every role has its group (after each migrate).

    The groups carry no Django permissions: beheer works in the app's own pages, and the
    Django admin is for the installation's superusers only.
    """
    for role in Role:
        Group.objects.get_or_create(name=role.value)
