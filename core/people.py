"""How the app names a colleague: once, here (the template filter `display_name` uses it)."""

from django.contrib.auth.models import AbstractBaseUser

NOBODY = "–"


def display_name(user: AbstractBaseUser | None) -> str:
    """The full name, or the username when there is none; a dash for no one."""
    if user is None:
        return NOBODY
    return user.get_full_name() or user.get_username()


def display_name_with_department(user: AbstractBaseUser) -> str:
    """ "Sanne de Vries (Jeugd & Educatie)": for choosing colleagues across departments."""
    profile = getattr(user, "profile", None)
    if profile is None or not profile.department:
        return display_name(user)
    return f"{display_name(user)} ({profile.get_department_display()})"


def display_names(users) -> str:
    """Several colleagues, comma separated, in the order given."""
    return ", ".join(display_name(user) for user in users)
