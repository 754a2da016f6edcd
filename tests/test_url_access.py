"""Every URL pattern, requested as an anonymous visitor and as each role.

A new URL pattern without an entry in ACCESS fails this test, so nobody can add a page
without deciding who may see it.
"""

import importlib

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.roles import Role

pytestmark = pytest.mark.django_db

PUBLIC = "public"
SIGNED_IN = "signed_in"  # any signed-in user, with or without a role
POST_ONLY = "post_only"  # signed-in, POST only (logout)
# Any signed-in user; a user without an authenticator app is sent on to set one up.
SIGNED_IN_STEP = "signed_in_step"
# No account needed, but a signed link in the URL: the sample (a made-up token) is refused
# with a clear page, never a login redirect and never a page with data.
LINK = "link"
LINK_REFUSED = {400, 404, 410}


# url name -> PUBLIC, SIGNED_IN, POST_ONLY or the roles that may open it. Each app keeps
# its own table in tests/<app>/access.py, with POST_VIEWS: the views that only take POST
# (the walk posts to those instead of getting them).
ACCESS: dict[str, str | frozenset[Role]] = {
    "home": SIGNED_IN,
    "my_tasks": frozenset(Role),
    "login": PUBLIC,
    "health": PUBLIC,
    "logout": POST_ONLY,
    "password_change": SIGNED_IN,
    "password_change_done": SIGNED_IN,
    "two_factor_setup": SIGNED_IN,
    "two_factor_verify": SIGNED_IN_STEP,
}
POST_VIEWS: set[str] = set()
for _app in ("themes", "quickscan", "referrals", "training", "notifications", "beheer"):
    try:
        _module = importlib.import_module(f"tests.{_app}.access")
    except ModuleNotFoundError:
        continue
    ACCESS.update(_module.ACCESS)
    POST_VIEWS |= set(getattr(_module, "POST_VIEWS", ()))

# Sample values per path converter; role checks run before any object is looked up.
SAMPLES = {"int": 999999, "slug": "onbekend", "string": "onbekend", "path": "onbekend"}

# Which test user has which roles (see tests/conftest.py).
USER_ROLES = {
    "werkgroep": {Role.WERKGROEP},
    "trekker": {Role.TREKKER, Role.WERKGROEP},
    "frontoffice": {Role.FRONTOFFICE},
    "specialist": {Role.SPECIALIST},
    "mt": {Role.MT},
    "beheer": {Role.BEHEER},
    "zonder_rol": set(),
}
# People often hold more than one role; each combination must get exactly the union.
COMBINATIONS = {
    "frontoffice+werkgroep": {Role.FRONTOFFICE, Role.WERKGROEP},
    "frontoffice+specialist": {Role.FRONTOFFICE, Role.SPECIALIST},
    "specialist+mt": {Role.SPECIALIST, Role.MT},
    "beheer+frontoffice": {Role.BEHEER, Role.FRONTOFFICE},
    "mt+werkgroep": {Role.MT, Role.WERKGROEP},
}
USER_ROLES |= COMBINATIONS


@pytest.fixture
def everyone(users, library):
    from tests.factories import make_staff

    combined = {
        who: make_staff(library, *sorted(roles), username=who.replace("+", "_"))
        for who, roles in COMBINATIONS.items()
    }
    return {**users, **combined}


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue  # the admin checks is_staff itself; see test_admin_is_for_superusers_only
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from _walk(entry.url_patterns, namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}", entry


def _url(name, pattern):
    converters = getattr(pattern.pattern, "converters", {})
    kwargs = {
        key: SAMPLES[type(conv).__name__.replace("Converter", "").lower()]
        for key, conv in converters.items()
    }
    return reverse(name, kwargs=kwargs or None)


URLS = sorted(_walk(get_resolver().url_patterns), key=lambda item: item[0])


def test_every_url_has_an_access_rule():
    names = {name for name, _ in URLS}
    assert names - set(ACCESS) == set(), "give these URLs an entry in ACCESS"
    assert set(ACCESS) - names == set(), "these ACCESS entries name no URL"


@pytest.mark.parametrize(("name", "pattern"), URLS, ids=[name for name, _ in URLS])
def test_anonymous_visitor(client, name, pattern):
    url = _url(name, pattern)
    response = client.post(url) if name in POST_VIEWS else client.get(url)
    if ACCESS[name] == PUBLIC:
        assert response.status_code == 200
    elif ACCESS[name] == LINK:
        assert response.status_code in LINK_REFUSED
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("name", "pattern"), URLS, ids=[name for name, _ in URLS])
@pytest.mark.parametrize("who", sorted(USER_ROLES))
def test_each_role(client, everyone, who, name, pattern):
    rule = ACCESS[name]
    client.force_login(everyone[who])
    url = _url(name, pattern)
    response = client.post(url) if name in POST_VIEWS else client.get(url)
    if rule == PUBLIC:
        # The login page sends a signed-in user on to the home page.
        assert response.status_code in {200, 302}
    elif rule == LINK:
        assert response.status_code in LINK_REFUSED
    elif rule == POST_ONLY:
        assert response.status_code == 405
    elif rule == SIGNED_IN:
        assert response.status_code == 200
    elif rule == SIGNED_IN_STEP:
        assert response.status_code == 302
        assert response["Location"] == reverse("two_factor_setup")
    elif USER_ROLES[who] & rule:
        # Allowed: anything but a refusal (a sample id may simply not exist).
        assert response.status_code in {200, 302, 400, 404}
    else:
        assert response.status_code == 403


def test_admin_is_for_superusers_only(client, users, django_user_model):
    # Beheer is a role in the app, not a Django-admin account.
    for who in ("mt", "beheer"):
        client.force_login(users[who])
        assert client.get("/admin/").status_code == 302
    client.force_login(django_user_model.objects.create_superuser("it", "it@example.org", "x"))
    assert client.get("/admin/").status_code == 200
