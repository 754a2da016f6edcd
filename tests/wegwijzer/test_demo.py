from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory

from core.models import Branch, Library
from core.roles import Role, user_roles

pytestmark = pytest.mark.django_db


def test_setup_demo_creates_library_branches_and_one_user_per_role(settings):
    settings.DEBUG = True
    call_command("setup_demo", stdout=StringIO())
    assert Library.objects.count() == 1
    assert Branch.objects.count() == 3
    expected = {
        "werkgroep": {Role.WERKGROEP, Role.TREKKER},
        "frontoffice": {Role.FRONTOFFICE},
        "specialist": {Role.SPECIALIST},
        "mt": {Role.MT},
        "beheer": {Role.BEHEER},
    }
    for username, roles in expected.items():
        user = authenticate(
            RequestFactory().post("/"), username=username, password="wegwijzer-demo"
        )
        assert user is not None, username
        assert user_roles(user) == roles


def test_setup_demo_twice_keeps_existing_data(settings):
    settings.DEBUG = True
    call_command("setup_demo", stdout=StringIO())
    user = get_user_model().objects.get(username="mt")
    user.set_password("een-eigen-wachtwoord")
    user.save()
    library = Library.objects.get()
    library.name = "Bibliotheek Hernoemd"
    library.save()

    call_command("setup_demo", stdout=StringIO())

    assert Library.objects.get().name == "Bibliotheek Hernoemd"
    assert Branch.objects.count() == 3
    assert get_user_model().objects.filter(username="mt").count() == 1
    assert (
        authenticate(RequestFactory().post("/"), username="mt", password="een-eigen-wachtwoord")
        is not None
    )


def test_setup_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG=1"):
        call_command("setup_demo")
    assert not get_user_model().objects.exists()
