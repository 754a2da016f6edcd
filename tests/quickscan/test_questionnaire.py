"""The questionnaire fixture: a section per Wegwijzer chapter, versioned items that link to the
phase of the Wegwijzer that helps to improve them."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from quickscan.models import Item, PhaseKind, Section, asked_in
from themes.models import Phase, Theme
from themes.models import PhaseKind as ThemesPhaseKind

pytestmark = pytest.mark.django_db

CHAPTERS = [
    "gezinsaanpak-algemeen",
    "doelgroepgericht-werken",
    "samenwerken-intern-en-extern",
    "programmering",
    "impactgericht-werken",
    "leren-en-ontwikkelen",
    "profilering-bij-gemeentelijke-gezinsaanpak",
]


@pytest.fixture
def wegwijzer(db):
    call_command("loaddata", "wegwijzer_inhoud", verbosity=0)


def test_a_section_per_chapter_in_the_order_and_with_the_titles_of_the_wegwijzer(
    questionnaire, wegwijzer
):
    assert list(Section.objects.values_list("key", flat=True)) == CHAPTERS
    themes = dict(Theme.objects.values_list("slug", "title"))
    for section in Section.objects.all():
        assert section.title == themes[section.key]
        assert section.intro


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2026, 2027, 2030])
def test_every_year_asks_four_to_nine_statements_per_section(questionnaire, year):
    # From 2027 statements ask one thing each, so some sections grew past six.
    for section in Section.objects.all():
        asked = section.items.filter(asked_in(year)).count()
        assert 4 <= asked <= 9, (section.key, year, asked)


def test_items_have_unique_stable_keys_and_distinct_dutch_statements(questionnaire):
    items = list(Item.objects.all())
    assert len(items) >= 35
    assert len({i.key for i in items}) == len(items)
    assert len({i.text for i in items}) == len(items)
    for item in items:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", item.key), item.key
        assert item.text.endswith("."), item.key
        assert 20 < len(item.text) < 300, item.key


def test_the_questionnaire_has_history_items_added_and_retired(questionnaire):
    assert Item.objects.filter(retired_in__isnull=False).exists()
    assert Item.objects.filter(introduced_in__gt=2022).exists()
    # The statement about the duo of Jeugd & Educatie and Basisvaardigheden is asked now.
    duo = Item.objects.get(key="alg-trekker-werkgroep")
    assert "Jeugd & Educatie" in duo.text and "Basisvaardigheden" in duo.text
    assert duo.is_asked_in(2026) and not duo.is_asked_in(2024)


def test_every_item_links_to_an_existing_phase_of_the_wegwijzer(
    questionnaire, wegwijzer, client_for
):
    phases = set(Phase.objects.values_list("theme__slug", "kind"))
    client = client_for("werkgroep")
    for item in Item.objects.all():
        assert (item.theme_slug, item.phase_kind) in phases, item.key
        assert item.phase_url == reverse("themes:phase", args=[item.theme_slug, item.phase_kind])
    sample = Item.objects.order_by("pk").first()
    assert client.get(sample.phase_url).status_code == 200


def test_phase_kinds_are_the_wegwijzers_phase_kinds():
    assert PhaseKind.values == ThemesPhaseKind.values


def test_an_item_cannot_retire_before_it_starts(questionnaire):
    item = Item.objects.first()
    item.retired_in = item.introduced_in
    with pytest.raises(IntegrityError), transaction.atomic():
        item.save()


def test_load_content_loads_the_questionnaire_into_an_empty_table(settings):
    settings.WEGWIJZER_CONTENT_FIXTURES = [
        *settings.WEGWIJZER_CONTENT_FIXTURES,
        ("quickscan.Item", "quickscan_vragenlijst"),
    ]
    call_command("load_content", stdout=StringIO())
    assert Item.objects.count() >= 35
    Item.objects.filter(key="alg-actieplan").update(text="Door beheer aangepast.")
    call_command("load_content", stdout=StringIO())
    assert Item.objects.get(key="alg-actieplan").text == "Door beheer aangepast."
