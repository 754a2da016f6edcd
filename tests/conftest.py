import pytest

from tests.factories import BranchFactory, LibraryFactory, make_staff
from wegwijzer.roles import Role


@pytest.fixture
def library(db):
    library = LibraryFactory(name="Bibliotheek Testdorp")
    BranchFactory(library=library, name="Centrale")
    BranchFactory(library=library, name="Noord")
    return library


@pytest.fixture
def users(library):
    """One user per role (the werkgroep user is not a coordinator), plus a coordinator."""
    return {
        "werkgroep": make_staff(library, Role.WERKGROEP, username="werkgroep"),
        "trekker": make_staff(library, Role.TREKKER, username="trekker"),
        "frontoffice": make_staff(library, Role.FRONTOFFICE, username="frontoffice"),
        "specialist": make_staff(library, Role.SPECIALIST, username="specialist"),
        "mt": make_staff(library, Role.MT, username="mt"),
        "beheer": make_staff(library, Role.BEHEER, username="beheer"),
        "zonder_rol": make_staff(library, username="zonderrol"),
    }


@pytest.fixture
def client_for(client, users):
    """client_for("mt") is a test client signed in as the MT user."""

    def _client_for(role: str):
        client.force_login(users[role])
        return client

    return _client_for


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache, as a fresh worker would."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
