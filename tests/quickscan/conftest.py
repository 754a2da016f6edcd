import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import ItemFactory, SectionFactory


@pytest.fixture
def year():
    """This year, as the app sees it."""
    return timezone.localdate().year


@pytest.fixture
def questionnaire(db):
    """The real questionnaire from quickscan/fixtures/."""
    call_command("loaddata", "quickscan_vragenlijst", verbosity=0)


@pytest.fixture
def small(db, year):
    """A small versioned questionnaire with known items, for exact numbers.

    gezinsaanpak-algemeen: a-vast (asked every year), a-weg (retired this year),
    a-nieuw (new this year); programmering: b-een, b-twee (reworded this year).
    """
    a = SectionFactory(key="gezinsaanpak-algemeen", title="Gezinsaanpak algemeen", order=1)
    b = SectionFactory(key="programmering", title="Programmering", order=2)
    specs = [
        (a, "a-vast", "Er is een trekker.", year - 2, None, "creatie"),
        (a, "a-weg", "Er is een werkgroep.", year - 2, year, "creatie"),
        (a, "a-nieuw", "De werkgroep is breed samengesteld.", year, None, "creatie"),
        (b, "b-een", "Er is een overzicht van activiteiten.", year - 2, None, "orientatie"),
        (b, "b-twee", "Activiteiten zijn kansrijk.", year - 2, None, "creatie"),
    ]
    for order, (section, key, text, introduced, retired, phase) in enumerate(specs, start=1):
        ItemFactory(
            section=section,
            key=key,
            text=text,
            order=order,
            theme_slug=section.key,
            phase_kind=phase,
            introduced_in=introduced,
            retired_in=retired,
        )
    return {"a": a, "b": b}
