import pytest
from django.core import mail

from core.roles import Role
from tests.factories import make_staff


@pytest.fixture
def colleague(library):
    return make_staff(
        library, Role.SPECIALIST, username="collega", first_name="Sanne", email="sanne@example.org"
    )


@pytest.fixture
def db_tasks(settings):
    """Tasks go to the database and wait for the worker, as in production."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    return settings


@pytest.fixture
def outbox():
    mail.outbox = []
    return mail.outbox
