"""The main navigation: which entries each role sees."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.roles import Role


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    roles: frozenset[Role] | None  # None: every signed-in user

    @property
    def url(self) -> str:
        return reverse(self.url_name)


NAV_ITEMS: list[NavItem] = [
    NavItem(_("Start"), "home", None),
    NavItem(_("Wegwijzer"), "themes:overview", frozenset({Role.WERKGROEP, Role.MT, Role.BEHEER})),
    NavItem(_("Mijn taken"), "my_tasks", frozenset(Role)),
    NavItem(_("Quickscan"), "quickscan:home", frozenset({Role.WERKGROEP, Role.MT})),
    NavItem(
        _("Verwijzing registreren"),
        "referrals:log",
        frozenset({Role.FRONTOFFICE, Role.SPECIALIST}),
    ),
    NavItem(_("Inkomend"), "referrals:incoming", frozenset({Role.SPECIALIST})),
    NavItem(
        _("Verwijzingen"), "referrals:list", frozenset({Role.FRONTOFFICE, Role.SPECIALIST, Role.MT})
    ),
    NavItem(
        _("Cijfers"),
        "referrals:figures",
        frozenset({Role.SPECIALIST, Role.MT, Role.WERKGROEP}),
    ),
    NavItem(
        _("Leergang"),
        "training:home",
        frozenset({Role.WERKGROEP, Role.SPECIALIST, Role.MT}),
    ),
    NavItem(_("Mijn leergang"), "training:mine", frozenset({Role.FRONTOFFICE})),
    NavItem(_("Beheer"), "beheer:home", frozenset({Role.BEHEER})),
]


def nav_for(roles: frozenset[Role]) -> list[NavItem]:
    return [item for item in NAV_ITEMS if item.roles is None or item.roles & roles]
