"""The manager of every library-owned model, enforcing django-scopes' library scope.

It does what django-scopes' ScopedManager(library=path) does, with django-scopes' own scope
state and refusing queryset, as a class defined here: Django builds related managers
(`library.referrals`) by subclassing the model's manager class, and the type checker has to
find that class by name, which ScopedManager's class made inside a function does not allow.
"""

from typing import Any, TypeVar

from django.db import models
from django_scopes import ScopeError, get_scope
from django_scopes.manager import DisabledQuerySet

_M = TypeVar("_M", bound=models.Model)


class LibraryScopedManager(models.Manager[_M]):
    """Queries filter on the active library scope through `path` ("library",
    "round__library", …); without an active library scope they raise ScopeError, inside
    `scopes_disabled()` they see every library."""

    def __init__(self, path: str = "") -> None:
        super().__init__()
        self._path = path

    @property
    def library_path(self) -> str:
        # A related manager (library.referrals) is a subclass made without arguments.
        return self._path or self.model._default_manager._path  # type: ignore[attr-defined]

    def get_queryset(self) -> models.QuerySet[_M]:
        current = get_scope()
        if not current.get("_enabled", True):
            return super().get_queryset()
        if "library" not in current:
            return DisabledQuerySet(self.model, using=self._db, missing_scopes={"library"})
        value: Any = current["library"]
        if value is None:
            # django-scopes would read None as "no filter"; here it is a mistake.
            raise ScopeError("the library scope is None")
        if isinstance(value, list | tuple):
            return super().get_queryset().filter(**{f"{self.library_path}__in": value})
        return super().get_queryset().filter(**{self.library_path: value})

    def all(self) -> models.QuerySet[_M]:
        queryset = super().all()
        if isinstance(queryset, DisabledQuerySet):
            queryset = queryset.all()  # raises ScopeError, as django-scopes' manager does
        return queryset
