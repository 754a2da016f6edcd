"""Roles are Django groups; this module is the one place that knows them.

Views ask `has_role` or use `role_required`; nothing else looks at group names.
"""

from collections.abc import Callable, Iterable
from enum import StrEnum
from functools import wraps
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Group, Permission
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _


class Role(StrEnum):
    WERKGROEP = "werkgroep"
    TREKKER = "trekker"
    FRONTOFFICE = "frontoffice"
    SPECIALIST = "specialist"
    MT = "mt"
    BEHEER = "beheer"


ROLE_LABELS = {
    Role.WERKGROEP: _("Werkgroep"),
    Role.TREKKER: _("Trekker (coördinator werkgroep)"),
    Role.FRONTOFFICE: _("Frontoffice"),
    Role.SPECIALIST: _("Specialist"),
    Role.MT: _("MT"),
    Role.BEHEER: _("Beheer"),
}

# Apps whose models beheer may manage in the admin, besides users and groups.
BEHEER_APPS = ("wegwijzer", "themes", "quickscan", "referrals")

_CACHE_ATTR = "_wegwijzer_roles"


def user_roles(user: AbstractBaseUser | AnonymousUser) -> frozenset[Role]:
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
        roles = {role for role in Role if role.value in names}
        # A coordinator is a workgroup member with extra rights.
        if Role.TREKKER in roles:
            roles.add(Role.WERKGROEP)
        roles = frozenset(roles)
    setattr(user, _CACHE_ATTR, roles)
    return roles


def has_role(user: AbstractBaseUser | AnonymousUser, *roles: Role) -> bool:
    return bool(user_roles(user) & set(roles))


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


def set_user_roles(user: AbstractBaseUser, roles: Iterable[Role]) -> None:
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
    """Make sure every role has its group and beheer its permissions (after each migrate)."""
    groups = {role: Group.objects.get_or_create(name=role.value)[0] for role in Role}
    beheer_perms = Permission.objects.filter(
        content_type__app_label__in=BEHEER_APPS
    ) | Permission.objects.filter(
        content_type__app_label="auth", content_type__model__in=["user", "group"]
    )
    groups[Role.BEHEER].permissions.add(*beheer_perms)


def sync_staff_flag(
    sender: Any, instance: Any, action: str, reverse: bool, pk_set: set | None, **kwargs: Any
) -> None:
    """Beheer works in the Django admin, which needs is_staff; keep the two in step."""
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    from django.contrib.auth import get_user_model

    User = get_user_model()
    if not reverse:
        users = [instance]
    elif pk_set:
        users = list(User.objects.filter(pk__in=pk_set))
    else:
        # A cleared group: who was in it is no longer known, so check every staff account.
        users = list(User.objects.filter(is_staff=True))
    for user in users:
        if user.is_superuser:
            continue
        is_beheer = user.groups.filter(name=Role.BEHEER.value).exists()
        if user.is_staff != is_beheer:
            user.is_staff = is_beheer
            user.save(update_fields=["is_staff"])
