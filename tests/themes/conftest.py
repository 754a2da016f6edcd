import pytest
from django.core.management import call_command

from themes.models import Cycle


@pytest.fixture
def content(db):
    """The real Wegwijzer content from fixtures/."""
    call_command("loaddata", "wegwijzer_inhoud", verbosity=0)


@pytest.fixture
def cycle(library, content):
    return Cycle.objects.create(library=library, name="2026", is_current=True)
