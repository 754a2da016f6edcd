import pytest
from django.db import DatabaseError
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_login_with_right_password_lands_home(client, users):
    response = login(client, "mt", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_repeated_failures_lock_the_account_for_that_address(client, users, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = login(client, "mt", "fout")
        assert response.status_code == 200
        assert "klopt niet" in response.content.decode()
    response = login(client, "mt", "fout")
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()
    # Even the right password is refused until the cool-off has passed.
    response = login(client, "mt", PASSWORD)
    assert response.status_code == 429
    # Another colleague is not affected.
    assert login(client, "werkgroep", PASSWORD).status_code == 302


def test_health_check_answers_without_login(client):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_check_reports_a_database_failure(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise DatabaseError("weg")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_session_expires_after_a_working_day(settings):
    assert settings.SESSION_COOKIE_AGE <= 12 * 60 * 60
