import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from core.roles import Role
from tests.factories import BranchFactory, LibraryFactory, make_staff


@pytest.hookimpl(trylast=True)  # after -m and -k have deselected what will not run
def pytest_collection_modifyitems(config, items):
    """A run that includes a `file_db` test puts the SQLite test database in a file."""
    if any(item.get_closest_marker("file_db") for item in items):
        _sqlite_test_database_in_a_file()


def _sqlite_test_database_in_a_file() -> None:
    from django.conf import settings

    # Django's connections read this same dict when the test database is created, which
    # happens after collection (pytest-django's session fixture django_db_setup).
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        path = Path(settings.SQLITE_TEST_FILE)
        path.parent.mkdir(exist_ok=True)
        database.setdefault("TEST", {})["NAME"] = str(path)


@pytest.fixture(autouse=True)
def _scopes_disabled_in_test_code():
    """Test code itself (factories, fixtures, assertions on the database) runs with the
    library scope off, so that setting up two libraries or counting rows needs no ceremony.

    What the tests are about still runs scoped: a request through the test client or the
    live server goes through core.middleware.current_library, whose scope() switches the
    enforcement back on for that request (django-scopes' scope() always enables); tasks and
    management commands enter their library's scope themselves. A view, task or command that
    forgets its scope therefore still fails the suite (see tests/core/test_library_scopes.py)."""
    from django_scopes import scopes_disabled

    with scopes_disabled():
        yield


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


# Every test except the browser journeys starts at this moment, so that "today", "this year",
# "overdue" and "logged today" never depend on when the suite runs. The clock ticks on from
# there (timestamps that must differ still do). A test that needs another moment says so with
# @pytest.mark.time_machine(...) or moves the `clock` itself (see tests/*/test_new_year.py).
# Browser journeys keep the real time: Chromium's own clock would find the session cookie,
# set by a server living in June, long expired.
CLOCK_START = datetime.datetime(2026, 6, 10, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture(autouse=True)
def clock(request, time_machine):
    """The test's clock (time-machine): clock.move_to(moment, tick=False), clock.shift(delta)."""
    node = request.node
    if node.get_closest_marker("e2e") is None and node.get_closest_marker("time_machine") is None:
        time_machine.move_to(CLOCK_START, tick=True)
    return time_machine


@pytest.fixture
def superuser(library):
    """The installation's IT: the only kind of account that uses the Django admin."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("it", "it@example.org", "it-wachtwoord-123")
