"""Two-step sign-in: who must use it, setting it up, signing in with it, recovery codes."""

import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import twofactor
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def required(settings):
    settings.WEGWIJZER_REQUIRE_2FA = True
    return settings


def code(key: str, steps_ahead: int = 0) -> str:
    totp = TOTP(bytes.fromhex(key))
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def enrol(client) -> tuple[str, list[str]]:
    """Set up two-step sign-in through the pages; returns the secret and recovery codes."""
    page = client.get(reverse("two_factor_setup"))
    assert page.status_code == 200
    signed = page.context["signed_secret"]
    key = twofactor.secret_from_signed(page.context["user"], signed)
    response = client.post(reverse("two_factor_setup"), {"secret": signed, "token": code(key)})
    assert response.status_code == 200
    return key, response.context["codes"]


def sign_in(client, username):
    client.logout()
    response = client.post(reverse("login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client.get(response["Location"])


@pytest.mark.parametrize("who", ["beheer", "specialist", "trekker"])
def test_roles_that_need_it_are_sent_to_set_it_up_first(client, users, required, who):
    client.force_login(users[who])
    for url in ["/", "/beheer/", reverse("referrals:incoming")]:
        response = client.get(url)
        assert response.status_code == 302
        assert (
            response["Location"] == f"{reverse('two_factor_setup')}?next={url.replace('/', '%2F')}"
        )


def test_other_roles_are_not_forced(client, users, required):
    client.force_login(users["mt"])
    assert client.get("/").status_code == 200


def test_not_required_in_debug_or_the_demo(client, users, settings):
    assert settings.WEGWIJZER_REQUIRE_2FA is False  # the test settings run with DEBUG on
    client.force_login(users["beheer"])
    assert client.get("/").status_code == 200


def test_setting_up_writes_nothing_until_the_code_is_confirmed(client, users, required):
    client.force_login(users["beheer"])
    page = client.get(reverse("two_factor_setup"))
    assert "<svg" in page.content.decode() and 'role="img"' in page.content.decode()
    assert not TOTPDevice.objects.exists()
    signed = page.context["signed_secret"]
    response = client.post(reverse("two_factor_setup"), {"secret": signed, "token": "123456"})
    assert response.status_code == 400
    assert "klopt niet" in response.content.decode()
    # The same secret stays on the page after a typo.
    assert response.context["signed_secret"] == signed
    assert not TOTPDevice.objects.exists()


def test_a_secret_made_for_someone_else_is_refused(client, users, required):
    client.force_login(users["mt"])
    signed = client.get(reverse("two_factor_setup")).context["signed_secret"]
    key = twofactor.secret_from_signed(users["mt"], signed)
    client.force_login(users["beheer"])
    response = client.post(reverse("two_factor_setup"), {"secret": signed, "token": code(key)})
    assert response.status_code == 400
    assert not TOTPDevice.objects.exists()


def test_after_setup_pages_open_and_the_codes_are_shown_once(client, users, required):
    client.force_login(users["beheer"])
    _key, codes = enrol(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/").status_code == 200
    assert client.get("/beheer/").status_code == 200
    status = client.get(reverse("two_factor_setup")).content.decode()
    assert "nog 10 ongebruikte herstelcodes" in status
    assert not any(c in status for c in codes)


def test_sign_in_asks_for_the_code_and_keeps_where_you_were_going(client, users, required):
    client.force_login(users["beheer"])
    key, _codes = enrol(client)
    client.logout()
    response = client.post(
        reverse("login"),
        {"username": "beheer", "password": PASSWORD, "next": "/beheer/"},
    )
    response = client.get(response["Location"])
    assert response.status_code == 302
    verify_url = response["Location"]
    assert verify_url.startswith(reverse("two_factor_verify"))
    page = client.get(verify_url)
    assert page.status_code == 200
    wrong = client.post(verify_url, {"token": "000000", "next": "/beheer/"})
    assert wrong.status_code == 400 and "klopt niet" in wrong.content.decode()
    # django-otp slows down after a wrong code; a later attempt is let through.
    TOTPDevice.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)
    right = client.post(verify_url, {"token": code(key, steps_ahead=1), "next": "/beheer/"})
    assert right.status_code == 302 and right["Location"] == "/beheer/"
    assert client.get("/beheer/").status_code == 200


def test_a_recovery_code_works_once(client, users, required):
    client.force_login(users["specialist"])
    _key, codes = enrol(client)
    sign_in(client, "specialist")
    url = reverse("two_factor_verify")
    assert client.post(url, {"token": codes[0].upper()}).status_code == 302
    assert client.get("/").status_code == 200
    sign_in(client, "specialist")
    assert client.post(url, {"token": codes[0]}).status_code == 400
    assert StaticToken.objects.count() == 9


def test_new_recovery_codes_replace_the_old_ones(client, users, required):
    client.force_login(users["beheer"])
    _key, old = enrol(client)
    response = client.post(reverse("two_factor_setup"), {"action": "recovery_codes"})
    new = response.context["codes"]
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)
    assert not set(old) & set(new)


def test_anyone_may_switch_it_on_and_then_it_is_asked(client, users):
    client.force_login(users["mt"])
    enrol(client)
    response = sign_in(client, "mt")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_verify"))


def test_the_verify_step_refuses_an_outside_next(client, users, required):
    client.force_login(users["beheer"])
    _key, codes = enrol(client)
    sign_in(client, "beheer")
    response = client.post(
        reverse("two_factor_verify"), {"token": codes[1], "next": "https://example.org/"}
    )
    assert response["Location"] == reverse("home")


def test_production_requires_it_by_default():
    from tests.wegwijzer.test_settings import STRONG_SECRET, manage

    env = {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": STRONG_SECRET,
        "DJANGO_ALLOWED_HOSTS": "wegwijzer.example.nl",
    }
    show = "from django.conf import settings as s; print(s.WEGWIJZER_REQUIRE_2FA)"
    assert manage("shell", "-c", show, **env).stdout.split()[-1] == "True"
    assert manage("shell", "-c", show, DJANGO_REQUIRE_2FA="0", **env).stdout.split()[-1] == (
        "False"
    )
    assert manage("shell", "-c", show).stdout.split()[-1] == "False"
