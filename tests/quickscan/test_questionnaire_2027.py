"""Issue 20, step 8: the questionnaire of 2027. New statements for the preconditions the seeds
name, and the six statements that asked two things at once split into single ones. Keys are
pinned; rounds on both sides of the change compare (retired shown as retired, new as new)."""

import importlib

import pytest
from django.apps import apps as global_apps

from quickscan import selectors
from quickscan.models import Item, Rating, asked_in
from quickscan.scoring import Change
from tests.quickscan.helpers import all_keys, make_round

pytestmark = pytest.mark.django_db

migration = importlib.import_module("quickscan.migrations.0003_questionnaire_2027")

SPLIT = {
    "alg-actieplan": ["alg-plan-vastgesteld", "alg-plan-begroting"],
    "dg-werkprocessen": [
        "dg-aanbod-afgestemd",
        "dg-communicatie-afgestemd",
        "dg-benadering",
        "dg-afbouwen",
    ],
    "pr-landelijke-programmas": ["pr-landelijk-inzetten", "pr-taalhuis-verbonden"],
    "ig-doel": ["ig-doel-vastgelegd", "ig-doel-beleidsplan"],
    "lo-publieksservice": ["lo-ps-herkennen", "lo-ps-aanspreken", "lo-ps-warm-verwijzen"],
    "pf-een-verhaal": ["pf-verhaal-pitch", "pf-cijfers"],
}
PRECONDITIONS = {
    "sw-ruimte-verbonden": "Taalhuis",  # Taalhuis, BoekStart corner and youth department
    "alg-visie": "visie",
    "lo-kennisdeling": "ervaringen",
    "sw-verwijzingen-vastleggen": "vastgelegd",
    "sw-verwijzingen-opvolgen": "aangekomen",
    "pf-financiering": "geld",
    "pf-signalen": "signalen",
}
NEW_KEYS = {key for keys in SPLIT.values() for key in keys} | set(PRECONDITIONS)


def test_the_2027_version_retires_the_double_statements_and_adds_single_ones(questionnaire):
    assert set(Item.objects.filter(introduced_in=2027).values_list("key", flat=True)) == NEW_KEYS
    assert set(Item.objects.filter(retired_in=2027).values_list("key", flat=True)) == set(SPLIT)
    in_2026, in_2027 = set(all_keys(2026)), set(all_keys(2027))
    assert set(SPLIT) <= in_2026 and not set(SPLIT) & in_2027
    assert in_2027.issuperset(NEW_KEYS) and not NEW_KEYS & in_2026
    assert in_2026 - set(SPLIT) == in_2027 - NEW_KEYS  # everything else is asked on
    for key, word in PRECONDITIONS.items():
        assert word in Item.objects.get(key=key).text, key
    room = Item.objects.get(key="sw-ruimte-verbonden").text
    assert "BoekStart" in room and "jeugdafdeling" in room


def test_a_split_statement_stays_in_its_section_and_asks_one_thing(questionnaire):
    for old, new in SPLIT.items():
        section = Item.objects.get(key=old).section_id
        for key in new:
            item = Item.objects.get(key=key)
            assert item.section_id == section, key
            assert item.text.count(";") == 0 and item.text.count(", en ") == 0, key
    # The municipality's agenda, half of the old ig-doel, is asked by pf-gemeentelijke-doelen.
    assert Item.objects.filter(asked_in(2027), key="pf-gemeentelijke-doelen").exists()


def test_rounds_compare_across_the_version_change(questionnaire, library, users):
    user = users["trekker"]
    make_round(library, 2026, user, dict.fromkeys(all_keys(2026), Rating.DEELS))
    now = make_round(library, 2027, user, dict.fromkeys(all_keys(2027), Rating.OP_ORDE))
    items = {item.key: item for item in selectors.comparison(rnd=now).items}
    for key in SPLIT:
        assert items[key].change == Change.RETIRED, key
        assert items[key].number is None  # not asked in 2027
        assert [c.agreed if c else None for c in items[key].cells] == [Rating.DEELS, None]
    for key in NEW_KEYS:
        assert items[key].change == Change.NEW, key
    assert items["alg-draagvlak-directie"].change == Change.IMPROVED
    counts = {kind: n for kind, _label, n in selectors.comparison(rnd=now).counts}
    assert counts[Change.RETIRED] == len(SPLIT)
    assert counts[Change.NEW] == len(NEW_KEYS)


def _as_before_2027():
    """The questionnaire as an installation loaded it before this version."""
    Item.objects.filter(key__in=NEW_KEYS).delete()
    Item.objects.filter(key__in=SPLIT).update(retired_in=None)


def test_migration_brings_an_installation_to_the_2027_version(questionnaire):
    fixture = {
        i.key: (i.text, i.order, i.theme_slug, i.phase_kind, i.section_id)
        for i in Item.objects.filter(key__in=NEW_KEYS)
    }
    _as_before_2027()
    migration.add_version(global_apps, None)
    added = {
        i.key: (i.text, i.order, i.theme_slug, i.phase_kind, i.section_id)
        for i in Item.objects.filter(key__in=NEW_KEYS)
    }
    assert added == fixture  # the migration and the fixture hold the same version
    assert set(Item.objects.filter(retired_in=2027).values_list("key", flat=True)) == set(SPLIT)
    assert Item.objects.get(key="pf-cijfers").history.first().history_type == "+"
    assert Item.objects.get(key="ig-doel").history.first().retired_in == 2027


def test_migration_keeps_what_beheer_did(questionnaire):
    _as_before_2027()
    Item.objects.filter(key="alg-actieplan").update(text="Ons plan staat, zegt beheer.")
    Item.objects.filter(key="ig-doel").update(retired_in=2026)
    beheer_own = Item.objects.get(key="alg-draagvlak-directie")
    Item.objects.create(
        key="pf-cijfers",
        section=beheer_own.section,
        text="Eigen stelling van beheer over cijfers.",
        theme_slug="profilering-bij-gemeentelijke-gezinsaanpak",
        phase_kind="creatie",
        introduced_in=2025,
    )
    migration.add_version(global_apps, None)
    migration.add_version(global_apps, None)  # twice does no harm
    assert Item.objects.get(key="alg-actieplan").text == "Ons plan staat, zegt beheer."
    assert Item.objects.get(key="ig-doel").retired_in == 2026
    own = Item.objects.get(key="pf-cijfers")
    assert (own.text, own.introduced_in) == ("Eigen stelling van beheer over cijfers.", 2025)
    assert Item.objects.filter(key="alg-plan-vastgesteld").count() == 1


def test_migration_leaves_an_empty_questionnaire_to_load_content(db):
    migration.add_version(global_apps, None)
    assert not Item.objects.exists()


def test_migration_backwards_removes_the_version(questionnaire):
    migration.remove_version(global_apps, None)
    assert not Item.objects.filter(key__in=NEW_KEYS).exists()
    assert not Item.objects.filter(retired_in=2027).exists()


def test_migration_backwards_keeps_statements_a_round_asked(questionnaire, library, users):
    make_round(library, 2027, users["trekker"], close=False)
    migration.remove_version(global_apps, None)
    assert Item.objects.filter(key__in=NEW_KEYS).count() == len(NEW_KEYS)
    assert Item.objects.get(key="alg-actieplan").retired_in is None
