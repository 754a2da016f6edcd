"""The first library comes from a command (or the demo), never from a page view."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from core.models import Library

pytestmark = pytest.mark.django_db


def test_without_a_library_a_page_explains_and_creates_nothing(client):
    admin = get_user_model().objects.create_superuser("eerste", password="x" * 12)
    client.force_login(admin)
    response = client.get("/")
    assert response.status_code == 503
    page = response.content.decode()
    assert "Deze installatie heeft nog geen bibliotheek" in page
    assert "/admin/wegwijzer/library/add/" in page
    assert not Library.objects.exists()


def test_create_library_makes_the_first_one_once(client, capsys):
    call_command("create_library", "Bibliotheek Noordstad")
    call_command("create_library", "Nog een")
    assert list(Library.objects.values_list("name", flat=True)) == ["Bibliotheek Noordstad"]
    assert "Niets gewijzigd" in capsys.readouterr().out
    admin = get_user_model().objects.create_superuser("eerste", password="x" * 12)
    client.force_login(admin)
    assert client.get("/").status_code == 200
