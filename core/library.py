"""Which library a request, task or command works in, and the scope that enforces it.

Every library-owned model has `objects = ScopedManager(library=…)` (django-scopes): a query
on it filters on the active library, and without an active library scope it raises
ScopeError instead of quietly returning every library's rows. Code enters a library's scope
with `library_scope(library)`; code that spans libraries on purpose (backups, the admin of
the installation's IT) says so with `scopes_disabled()` and a comment why.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django_scopes import get_scope, scope, scopes_disabled

from .models import Library


class NoLibrary(Exception):
    """The installation has no library yet (see `create_library`)."""


def library_for_user(user: AbstractBaseUser | AnonymousUser) -> Library:
    """The library a user works for: the one on their staff profile.

    An account without a profile (the installation's IT, a superuser) works in the first
    library. It never creates one: a page view must not write, so the first library comes
    from `create_library` (or the demo).
    """
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    if profile is not None:
        return profile.library
    library = Library.objects.order_by("pk").first()
    if library is None:
        raise NoLibrary
    return library


@contextmanager
def library_scope(library: Library | int) -> Iterator[None]:
    """Queries on library-owned models inside this block see only `library` (or its pk)."""
    # django-scopes reads None as "every library": never let a missing library through.
    if library is None:
        raise ValueError("library_scope needs a library, not None")
    with scope(library=library):
        yield


@contextmanager
def no_library_scope() -> Iterator[None]:
    """A scope in which every query on a library-owned model raises: for a visitor who
    belongs to no library (signed out), until a view knows which library a link is for."""
    with scope():
        yield


def active_library() -> Library:
    """The library whose scope is active (for code run per library outside a request)."""
    current = get_scope().get("library")
    if current is None or isinstance(current, list | tuple):
        raise LookupError("no single library scope is active")
    if isinstance(current, Library):
        return current
    return Library.objects.get(pk=current)


def each_library() -> Iterable[Library]:
    """Every library, for a command that does the same for each inside its own scope."""
    return Library.objects.order_by("pk")


def in_scope_of_caller(content: Iterable) -> Iterator:
    """Iterate `content` later (a streamed response) inside the scope active now."""
    current = dict(get_scope())

    def generate() -> Iterator:
        with scope(**current):
            yield from content

    return generate()


__all__ = [
    "NoLibrary",
    "active_library",
    "each_library",
    "in_scope_of_caller",
    "library_for_user",
    "library_scope",
    "no_library_scope",
    "scopes_disabled",
]
