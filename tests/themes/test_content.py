"""The fixtures hold the whole Wegwijzer: every chapter, phase, step and summary question."""

import pytest

from themes.models import AppLink, Phase, PhaseKind, Resource, Step, StepItem, Theme

pytestmark = pytest.mark.django_db

# Steps per phase as the source document numbers them ("Stap 1" … "Stap N").
EXPECTED_STEPS = {
    "gezinsaanpak-algemeen": [4, 4, 6, 4],
    "doelgroepgericht-werken": [3, 4, 3, 3],
    "samenwerken-intern-en-extern": [5, 5, 2, 4],
    "programmering": [3, 8, 4, 4],
    "impactgericht-werken": [3, 4, 2, 2],
    "leren-en-ontwikkelen": [4, 6, 6, 5],
    "profilering-bij-gemeentelijke-gezinsaanpak": [8, 7, 6, 5],
}


def test_seven_chapters_in_order_general_approach_first(content):
    titles = list(Theme.objects.values_list("title", flat=True))
    assert titles == [
        "Gezinsaanpak algemeen",
        "Doelgroepgericht werken",
        "Samenwerken intern en extern",
        "Programmering",
        "Impactgericht werken",
        "Leren en ontwikkelen",
        "Profilering bij gemeentelijke gezinsaanpak",
    ]


def test_every_chapter_has_the_four_phases_in_order_with_purpose_and_question(content):
    assert Phase.objects.count() == 28
    for theme in Theme.objects.prefetch_related("phases"):
        phases = list(theme.phases.order_by("order"))
        assert [p.kind for p in phases] == list(PhaseKind.values), theme.slug
        for phase in phases:
            assert len(phase.purpose) > 40, phase
            assert phase.summary_question.strip().endswith("?"), phase


def test_every_step_of_the_source_is_there_numbered_in_order(content):
    assert Step.objects.count() == sum(sum(v) for v in EXPECTED_STEPS.values()) == 124
    for slug, counts in EXPECTED_STEPS.items():
        for kind, expected in zip(PhaseKind.values, counts, strict=True):
            numbers = list(
                Step.objects.filter(phase__theme__slug=slug, phase__kind=kind)
                .order_by("number")
                .values_list("number", flat=True)
            )
            assert numbers == list(range(1, expected + 1)), (slug, kind)


def test_checklists_and_lettered_lists_are_kept_as_items(content):
    lettered = StepItem.objects.filter(
        step__phase__theme__slug="doelgroepgericht-werken",
        step__phase__kind="implementatie",
        step__number=3,
    )
    assert list(lettered.values_list("label", flat=True)) == ["a", "b", "c", "d"]
    profilering = StepItem.objects.filter(
        step__phase__theme__slug="profilering-bij-gemeentelijke-gezinsaanpak"
    )
    assert profilering.count() >= 20  # fundament, lobby plan, questions, plan of approach


def test_typo_in_source_is_fixed(content):
    for theme in Theme.objects.all():
        assert "Proflering" not in theme.title


def test_named_tools_are_resources_linked_to_their_steps(content):
    for title in [
        "Quickscan gezinsaanpak",
        "Praatplaat gezinsaanpak laaggeletterdheid",
        "Netwerkaanpak",
        "Krachtenanalyse",
        "De grote samenwerkingsscan",
        "Theory of Change",
        "Werkblad BoekStartcoach",
        "Woordweb",
        "Aanhaakkalender gezinsaanpak",
        "Criteria kansrijke activiteiten gezinsaanpak",
    ]:
        resource = Resource.objects.get(title=title)
        assert resource.steps.exists() or resource.phases.exists(), title
    assert Resource.objects.get(app_link=AppLink.QUICKSCAN).steps.exists()
    referral = Resource.objects.get(app_link=AppLink.REFERRALS)
    assert referral.steps.filter(phase__theme__slug="leren-en-ontwikkelen").exists()


def test_load_content_fills_an_empty_database_and_leaves_edits_alone(db):
    from io import StringIO

    from django.core.management import call_command

    call_command("load_content", stdout=StringIO())
    assert Theme.objects.count() == 7
    theme = Theme.objects.get(slug="programmering")
    theme.title = "Programmering (aangepast door beheer)"
    theme.save()
    call_command("load_content", stdout=StringIO())
    assert Theme.objects.get(slug="programmering").title.endswith("(aangepast door beheer)")
