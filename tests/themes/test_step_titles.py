"""Issue 16, point 7: every step has a short title, and lists and notifications name a step by
it instead of by "theme – phase, stap n"."""

import datetime
import importlib
import json
from pathlib import Path

import pytest
from django.apps import apps as global_apps
from django.conf import settings
from django.urls import reverse

from notifications.models import Notification
from themes import reminders, services
from themes.models import Step

pytestmark = pytest.mark.django_db

migration = importlib.import_module("themes.migrations.0005_step_short_titles")


def _fixture_steps() -> list[dict]:
    path = Path(settings.BASE_DIR) / "fixtures" / "wegwijzer_inhoud.json"
    return [o for o in json.loads(path.read_text()) if o["model"] == "themes.step"]


def test_every_step_in_the_content_has_a_short_title_of_its_own():
    steps = _fixture_steps()
    assert len(steps) == 124
    titles_per_phase: dict[int, set[str]] = {}
    for step in steps:
        title = step["fields"]["title"]
        assert 4 <= len(title.split()) <= 8, title
        assert title == title.strip() and not title.endswith(".")
        titles_per_phase.setdefault(step["fields"]["phase"], set()).add(title)
    # Within a phase no two steps share a title; a list of them must tell them apart.
    assert sum(len(t) for t in titles_per_phase.values()) == len(steps)


def test_migration_holds_the_fixture_titles(content):
    for (theme, kind, number), title in migration.TITLES:
        assert (
            Step.objects.get(phase__theme__slug=theme, phase__kind=kind, number=number).title
            == title
        )


def test_migration_fills_empty_titles_and_keeps_a_librarys_own(content):
    Step.objects.update(title="")
    own = Step.objects.get(phase__theme__slug="programmering", phase__kind="creatie", number=3)
    own.title = "Onze eigen kop"
    own.save()

    migration.fill_titles(global_apps, None)

    own.refresh_from_db()
    assert own.title == "Onze eigen kop"
    assert not Step.objects.filter(title="").exists()
    first = Step.objects.get(
        phase__theme__slug="gezinsaanpak-algemeen", phase__kind="orientatie", number=1
    )
    assert first.title == "Directie en MT laten kennismaken met de gezinsaanpak"
    # The audit trail keeps the state before the change as well as the change itself.
    baseline, change = first.history.order_by("history_id")
    assert baseline.title == "" and baseline.history_change_reason == migration.BASELINE_REASON
    assert change.title == first.title and change.history_change_reason == migration.REASON

    migration.empty_titles(global_apps, None)
    own.refresh_from_db()
    assert own.title == "Onze eigen kop"
    assert Step.objects.filter(title="").count() == Step.objects.count() - 1


def _assign(cycle, users, step, due):
    return services.step_update(
        cycle=cycle,
        step=step,
        user=users["trekker"],
        note="",
        evidence_url="",
        assigned_to=users["werkgroep"],
        due_date=due,
    )


def _first_step():
    return Step.objects.select_related("phase__theme").get(
        phase__theme__slug="gezinsaanpak-algemeen", phase__kind="evaluatie", number=1
    )


def test_my_steps_and_notifications_name_the_step_by_its_title(cycle, users, client_for):
    step = _first_step()
    _assign(cycle, users, step, datetime.date(2026, 6, 12))
    page = client_for("werkgroep").get(reverse("themes:my_steps")).content.decode()
    assert f">{step.title}</a>" in page
    assert "Gezinsaanpak algemeen – Evaluatie, stap 1" in page  # where it stands, below

    note = Notification.objects.get(recipient=users["werkgroep"])
    assert note.title == f"Een stap is aan jou toegewezen: {step.title}"
    assert "stap 1" in note.body and "12-06-2026" in note.body

    reminders.send_reminders(today=datetime.date(2026, 6, 11))
    reminder = Notification.objects.filter(recipient=users["werkgroep"]).latest("pk")
    assert reminder.title == f"Stap bijna aan de beurt: {step.title}"


def test_a_step_without_title_is_named_by_where_it_stands(cycle, users, client_for):
    step = _first_step()
    Step.objects.filter(pk=step.pk).update(title="")
    step.refresh_from_db()
    _assign(cycle, users, step, None)
    note = Notification.objects.get(recipient=users["werkgroep"])
    assert note.title.endswith("Gezinsaanpak algemeen – Evaluatie, stap 1")
    page = client_for("werkgroep").get(reverse("themes:my_steps")).content.decode()
    assert ">Gezinsaanpak algemeen – Evaluatie, stap 1</a>" in page
