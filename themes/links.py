"""Links from the Wegwijzer's content into this app, shown only to people they open for.

A step that asks for something the app does links there (a resource's `app_link`), and beheer
may write an in-app link in a step text. A page that answers 403 is a dead end: a reader whose
roles do not open the page gets a page they can use instead, or plain text.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.contrib.auth.models import AnonymousUser, User
from django.urls import Resolver404, resolve, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.roles import user_roles

from .models import AppLink, Resource


@dataclass(frozen=True)
class Target:
    url_name: str
    # Said next to the link when the page is not the one the resource's title names.
    note: str | Promise = ""


# Per part of the app, the pages to try in order; the first one the reader may open wins.
APP_LINK_TARGETS: dict[str, tuple[Target, ...]] = {
    AppLink.QUICKSCAN: (Target("quickscan:home"),),
    AppLink.REFERRALS: (
        Target("referrals:log"),
        Target(
            "referrals:figures",
            _("registreren doen frontoffice en specialisten; hier zie je de cijfers"),
        ),
    ),
    AppLink.TRAINING: (Target("training:home"),),
}


def may_open(path: str, user: User | AnonymousUser) -> bool:
    """Whether the user's roles open the page at `path` (a path outside this app: yes)."""
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return True
    required = getattr(match.func, "required_roles", None)
    return required is None or bool(required & user_roles(user))


@dataclass(frozen=True)
class ResourceLink:
    url: str = ""
    note: str | Promise = ""
    in_app: bool = False


def resource_link(resource: Resource, user: User | AnonymousUser) -> ResourceLink:
    """Where the resource leads this user: a page of this app they may open, else its address."""
    if resource.app_link:
        for target in APP_LINK_TARGETS.get(resource.app_link, ()):
            url = reverse(target.url_name)
            if may_open(url, user):
                return ResourceLink(url=url, note=target.note, in_app=True)
        return ResourceLink(in_app=True)
    return ResourceLink(url=resource.url)
