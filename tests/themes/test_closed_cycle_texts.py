"""Issue 16, point 8: a closed cycle shows the steps as they read during that cycle, even after
beheer has edited them."""

import pytest
import time_machine
from django.urls import reverse

from beheer import services as beheer_services
from themes import history, selectors, services
from themes.models import Step

pytestmark = pytest.mark.django_db

OLD = "Vul de Quickscan in met de hele werkgroep."


def _step() -> Step:
    return Step.objects.get(
        phase__theme__slug="gezinsaanpak-algemeen", phase__kind="creatie", number=2
    )


def _edit(text: str, title: str | None = None) -> None:
    step = _step()
    beheer_services.step_content_update(
        step=step, version=None, title=title or step.title, text=text
    )


def _phase_page(client, cycle=None) -> str:
    url = reverse("themes:phase", args=["gezinsaanpak-algemeen", "creatie"])
    if cycle is not None:
        url += f"?cyclus={cycle.pk}"
    return client.get(url).content.decode()


def test_a_closed_cycle_shows_the_text_of_then(client_for, users, library, cycle):
    fixture_text = _step().text
    with time_machine.travel("2026-07-01 10:00 +0200"):
        services.cycle_start(library=library, name="2027", user=users["trekker"])
    with time_machine.travel("2026-08-01 10:00 +0200"):
        _edit(OLD + " Nieuw: ook de partners.", title="Quickscan met partners invullen")

    client = client_for("mt")
    closed = _phase_page(client, cycle)
    assert fixture_text.split(".")[0] in closed
    assert "ook de partners" not in closed
    assert "Quickscan met partners invullen" not in closed
    assert "de tekst is later aangepast" in closed
    # The running cycle shows today's text.
    running = _phase_page(client)
    assert "ook de partners" in running and "Quickscan met partners invullen" in running
    assert "later aangepast" not in running
    # The dossier of the closed cycle shows the text of then as well.
    cycle.refresh_from_db()
    data = selectors.dossier(cycle=cycle)
    steps = [
        s for sec in data["sections"] for row in sec["phases"] for s in row["done"] + row["open"]
    ]
    assert next(s for s in steps if s.pk == _step().pk).text == fixture_text


def test_an_edit_before_closing_is_what_the_cycle_shows(users, library, cycle):
    with time_machine.travel("2026-06-20 10:00 +0200"):
        _edit(OLD)
    with time_machine.travel("2026-07-01 10:00 +0200"):
        services.cycle_start(library=library, name="2027", user=users["trekker"])
    with time_machine.travel("2026-08-01 10:00 +0200"):
        _edit("Een heel andere tekst.")
    cycle.refresh_from_db()
    step = _step()
    history.show_as_of([step], cycle.closed_at)
    assert step.text == OLD and step.changed_since


def test_a_step_never_edited_reads_the_same(users, library, cycle):
    services.cycle_start(library=library, name="2027", user=users["trekker"])
    cycle.refresh_from_db()
    step = _step()
    text = step.text
    history.show_as_of([step], cycle.closed_at)
    assert step.text == text and not step.changed_since and not step.version_lost


def test_an_earlier_version_that_was_never_kept_is_said_so(users, library, cycle):
    with time_machine.travel("2026-07-01 10:00 +0200"):
        services.cycle_start(library=library, name="2027", user=users["trekker"])
    step = _step()
    # An edit from before this release: a history row without the state before it.
    step.history.all().delete()
    step.text = "Later herschreven."
    step.skip_history_when_saving = True
    Step.objects.filter(pk=step.pk).update(text=step.text)
    Step.history.model.objects.create(
        id=step.pk,
        phase_id=step.phase_id,
        number=step.number,
        title=step.title,
        text=step.text,
        history_date="2026-08-01T10:00:00+02:00",
        history_type="~",
    )
    cycle.refresh_from_db()
    step = _step()
    history.show_as_of([step], cycle.closed_at)
    assert step.version_lost and step.text == "Later herschreven."
