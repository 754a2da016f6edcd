from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.utils.translation import gettext as _

from .models import Library


def library_for_user(user: AbstractBaseUser | AnonymousUser) -> Library:
    """The library a user works for.

    Today an installation serves one library; a staff profile already says which, so a
    multi-library installation only has to change this function.
    """
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    if profile is not None:
        return profile.library
    library = Library.objects.order_by("pk").first()
    if library is None:
        # A fresh installation without demo data: beheer renames it in the admin.
        library = Library.objects.create(name=_("Bibliotheek"))
    return library
