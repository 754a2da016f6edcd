from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from .models import Library


class NoLibrary(Exception):
    """The installation has no library yet (see `create_library`)."""


def library_for_user(user: AbstractBaseUser | AnonymousUser) -> Library:
    """The library a user works for.

    Today an installation serves one library; a staff profile already says which, so a
    multi-library installation only has to change this function. It never creates one: a
    page view must not write, so the first library comes from `create_library` (or the demo).
    """
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    if profile is not None:
        return profile.library
    library = Library.objects.order_by("pk").first()
    if library is None:
        raise NoLibrary
    return library
