"""Password rules: no demo password, no common or name-like passwords, anywhere one is set."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def change(client, new):
    return client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("wegwijzer-demo", "wachtwoord van de demo"),
        ("WEGWIJZER-DEMO ", "wachtwoord van de demo"),
        ("password123", "te algemeen"),
        ("janssen2026!", "te veel op"),
    ],
)
def test_weak_passwords_are_refused_when_changing(client, library, password, message):
    from core.roles import Role
    from tests.factories import make_staff

    user = make_staff(library, Role.MT, username="janssen", first_name="Pieter")
    client.force_login(user)
    response = change(client, password)
    assert response.status_code == 200
    assert message in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_it_cannot_give_a_colleague_the_demo_password_in_the_admin(client, users, superuser):
    client.force_login(superuser)
    url = f"/admin/auth/user/{users['mt'].pk}/password/"
    response = client.post(url, {"password1": "wegwijzer-demo", "password2": "wegwijzer-demo"})
    assert response.status_code == 200
    assert "wachtwoord van de demo" in response.content.decode()


def test_outside_the_demo_an_account_with_the_demo_password_cannot_sign_in(client, users, settings):
    user = users["mt"]
    user.set_password("wegwijzer-demo")  # e.g. a demo database taken into production
    user.save()
    settings.WEGWIJZER_DEMO_ALLOWED = False  # what DJANGO_DEBUG=0 sets
    response = client.post(reverse("login"), {"username": "mt", "password": "wegwijzer-demo"})
    assert response.status_code == 200
    assert "openbare wachtwoord van de demo" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_demo_itself_still_signs_in(client, users):
    user = users["mt"]
    user.set_password("wegwijzer-demo")
    user.save()
    response = client.post(reverse("login"), {"username": "mt", "password": "wegwijzer-demo"})
    assert response.status_code == 302
