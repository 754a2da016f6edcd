"""Issue 20: the mended step texts, and the data migration that brings them to installations
whose beheer has not edited those texts (a library's own edit survives)."""

import importlib

import pytest
from django.apps import apps as global_apps

from themes.models import Phase, Resource, Step, StepItem, Theme

pytestmark = pytest.mark.django_db

migration = importlib.import_module("themes.migrations.0003_mend_content_texts")

PF = "profilering-bij-gemeentelijke-gezinsaanpak"


def step(theme: str, kind: str, number: int) -> str:
    return Step.objects.get(phase__theme__slug=theme, phase__kind=kind, number=number).text


def all_texts() -> list[str]:
    texts = [t for row in Theme.objects.values_list("title", "intro") for t in row]
    texts += [t for row in Phase.objects.values_list("purpose", "summary_question") for t in row]
    texts += list(Step.objects.values_list("text", flat=True))
    texts += list(StepItem.objects.values_list("text", flat=True))
    texts += list(Resource.objects.values_list("description", flat=True))
    return texts


def test_digital_means_are_about_how_much_parent_and_child_talk(content):
    text = step("programmering", "creatie", 6)
    assert "talige interactie" in text
    assert "in gesprek gaan over taal" not in text
    assert "contact met ons" not in text and "POI" in text


def test_missing_training_offer_is_reported_to_someone(content):
    text = step("leren-en-ontwikkelen", "creatie", 5)
    assert "Kom je iets tekort" not in text
    assert "meld dat dan bij je POI" in text


def test_profilering_evaluation_has_its_own_last_step(content):
    own = step(PF, "evaluatie", 5)
    assert own != step("leren-en-ontwikkelen", "evaluatie", 5)
    assert "scholing" not in own
    assert "gemeente" in own and "plan van aanpak" in own


def test_programmering_implementation_step_two_is_a_whole_instruction(content):
    text = step("programmering", "implementatie", 2)
    assert "inrichting" not in text
    assert "plan uit stap 1" in text


def test_municipal_responsibility_is_told_as_current_since_2025(content):
    purpose = Phase.objects.get(theme__slug=PF, kind="orientatie").purpose
    assert "Sinds 2025" in purpose and "einde van 2024" not in purpose
    assert "Sinds 2025" in Theme.objects.get(slug=PF).intro
    plan_step = step(PF, "orientatie", 2)
    assert "2020-2024 is afgelopen" in plan_step


def test_the_example_pitch_is_spoken_with_the_right_pronouns(content):
    text = step(PF, "creatie", 1)
    pitch = text.split("\n\n")[-1]
    assert pitch.startswith("'") and pitch.endswith("?'")
    assert "Barbara Teuben" in text and "Bibliotheek De Plataan" in text
    assert "Die cyclus willen wij als bibliotheek helpen doorbreken" in pitch
    assert "jullie" not in pitch


def test_small_language_fixes(content):
    assert "aan elkaar koppelen of uitbreiden" in step("programmering", "orientatie", 1)
    assert "waarvoor ouders ondersteuning zoeken" in step("leren-en-ontwikkelen", "orientatie", 2)
    question = Phase.objects.get(theme__slug="doelgroepgericht-werken", kind="evaluatie")
    assert "die jullie voor ogen hadden" in question.summary_question
    assert "van jullie bibliotheek" in step(PF, "creatie", 6)
    texts = all_texts()
    assert not [t for t in texts if "cirkel" in t]
    assert not [t for t in texts if "Samenwerken – intern" in t]
    assert sum("Samenwerken intern en extern" in t for t in texts) >= 5


def test_migration_covers_exactly_the_fixture_changes(content):
    """Every new text in the migration is what the fixture now holds, so a fresh install and
    an updated one end up with the same content."""
    for kind, key, field, _old, new in migration.CHANGES:
        assert getattr(migration._row(global_apps, kind, key), field) == new, (kind, key)


def test_migration_updates_an_unedited_row_and_leaves_a_librarys_edit_alone(content):
    by_key = {(kind, key, field): (old, new) for kind, key, field, old, new in migration.CHANGES}
    untouched_key = ("step", ("programmering", "creatie", 6), "text")
    edited_key = ("step", (PF, "evaluatie", 5), "text")
    phase_key = ("phase", (PF, "orientatie"), "purpose")
    # An installation loaded from the old fixture; beheer rewrote one of the steps.
    Step.objects.filter(phase__theme__slug="programmering", phase__kind="creatie", number=6).update(
        text=by_key[untouched_key][0]
    )
    Step.objects.filter(phase__theme__slug=PF, phase__kind="evaluatie", number=5).update(
        text="Onze eigen evaluatiestap, door beheer geschreven."
    )
    Phase.objects.filter(theme__slug=PF, kind="orientatie").update(purpose=by_key[phase_key][0])

    migration.mend_texts(global_apps, None)

    assert step("programmering", "creatie", 6) == by_key[untouched_key][1]
    assert step(PF, "evaluatie", 5) == "Onze eigen evaluatiestap, door beheer geschreven."
    assert Phase.objects.get(theme__slug=PF, kind="orientatie").purpose == by_key[phase_key][1]
    assert by_key[edited_key][1] != "Onze eigen evaluatiestap, door beheer geschreven."
    # The audit trail says the content update changed the step.
    changed = Step.objects.get(phase__theme__slug="programmering", phase__kind="creatie", number=6)
    latest = changed.history.first()
    assert latest.text == by_key[untouched_key][1]
    assert latest.history_change_reason == migration.REASON


def test_migration_runs_twice_and_backwards_without_harm(content):
    migration.mend_texts(global_apps, None)  # already current: nothing changes
    first = step("programmering", "creatie", 6)
    migration.mend_texts(global_apps, None)
    assert step("programmering", "creatie", 6) == first
    migration.restore_texts(global_apps, None)
    old = next(o for k, key, f, o, n in migration.CHANGES if key == ("programmering", "creatie", 6))
    assert step("programmering", "creatie", 6) == old


def test_migration_does_nothing_on_an_empty_database(db):
    migration.mend_texts(global_apps, None)
    assert not Step.objects.exists()
