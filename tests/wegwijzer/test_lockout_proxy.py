"""The login lockout behind the documented TLS proxy counts visitors, not the proxy."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD
from tests.wegwijzer.test_settings import STRONG_SECRET, manage

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"


@pytest.fixture
def behind_proxy(settings):
    """What settings.py configures with DJANGO_BEHIND_TLS_PROXY=1 and one proxy (checked in
    test_proxy_settings_come_from_the_environment)."""
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    settings.AXES_IPWARE_PROXY_COUNT = 0
    return settings


def login(client, username, password, visitor):
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=visitor,
    )


def test_five_failures_from_five_visitors_do_not_lock_out_a_sixth(client, users, behind_proxy):
    for n in range(1, 6):
        response = login(client, "mt", "fout", f"198.51.100.{n}")
        assert response.status_code == 200
    assert login(client, "mt", PASSWORD, "198.51.100.6").status_code == 302


def test_one_visitor_is_still_locked_out_behind_the_proxy(client, users, behind_proxy):
    for _ in range(5):
        response = login(client, "mt", "fout", "198.51.100.7")
    assert response.status_code == 429
    assert login(client, "mt", PASSWORD, "198.51.100.7").status_code == 429
    assert login(client, "mt", PASSWORD, "198.51.100.8").status_code == 302


def test_a_forged_forwarded_for_does_not_dodge_the_lockout(client, users, behind_proxy):
    # The proxy appends the real address; whatever the visitor put before it is ignored.
    for n in range(5):
        response = login(client, "mt", "fout", f"203.0.113.{n}, 198.51.100.9")
    assert response.status_code == 429


def test_without_a_proxy_the_header_is_ignored(client, users):
    for n in range(5):
        response = login(client, "mt", "fout", f"198.51.100.{n}")
    assert response.status_code == 429


def test_proxy_settings_come_from_the_environment():
    code = (
        "from django.conf import settings as s; "
        "print(s.AXES_IPWARE_META_PRECEDENCE_ORDER, s.AXES_IPWARE_PROXY_COUNT)"
    )
    env = {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": STRONG_SECRET,
        "DJANGO_ALLOWED_HOSTS": "wegwijzer.example.nl",
        "DJANGO_BEHIND_TLS_PROXY": "1",
    }
    result = manage("shell", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == "('HTTP_X_FORWARDED_FOR', 'REMOTE_ADDR') 0"
    result = manage("shell", "-c", code, DJANGO_TRUSTED_PROXY_COUNT="2", **env)
    assert result.stdout.split("\n")[-2].endswith(" 1")
    result = manage("shell", "-c", code, **{**env, "DJANGO_BEHIND_TLS_PROXY": "0"})
    assert result.stdout.split("\n")[-2] == "('REMOTE_ADDR',) None"


def test_axes_uses_ipware():
    # Without django-ipware axes silently falls back to REMOTE_ADDR: the proxy's address.
    from axes.helpers import IPWARE_INSTALLED

    assert IPWARE_INSTALLED
