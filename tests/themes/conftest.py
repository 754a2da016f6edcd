import pytest
from django.core.management import call_command

from tests.factories import CycleFactory


@pytest.fixture
def content(db):
    """The real Wegwijzer content from themes/fixtures/."""
    call_command("loaddata", "wegwijzer_inhoud", verbosity=0)


@pytest.fixture
def cycle(library, content):
    return CycleFactory(library=library, name="2026", is_current=True)
