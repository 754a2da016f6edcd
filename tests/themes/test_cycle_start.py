"""Issue 16, point 9: starting a new cycle says what happens, asks for confirmation and
carries open assignments over when the trekker chooses so (plain posts, no script)."""

import datetime

import pytest
from django.urls import reverse

from themes import services
from themes.models import Cycle, Step, StepProgress

pytestmark = pytest.mark.django_db


def _step(number: int) -> Step:
    return Step.objects.get(
        phase__theme__slug="gezinsaanpak-algemeen", phase__kind="orientatie", number=number
    )


@pytest.fixture
def assigned(cycle, users):
    """Step 1 open and assigned, step 2 done and assigned, step 3 open and unassigned."""
    for number, to in ((1, "werkgroep"), (2, "werkgroep")):
        services.step_update(
            cycle=cycle,
            step=_step(number),
            user=users["trekker"],
            note=f"notitie {number}",
            evidence_url="",
            assigned_to=users[to],
            due_date=datetime.date(2026, 9, 1),
        )
    services.step_set_done(cycle=cycle, step=_step(2), user=users["werkgroep"], done=True)
    services.step_set_done(cycle=cycle, step=_step(3), user=users["werkgroep"], done=True)
    services.step_set_done(cycle=cycle, step=_step(3), user=users["werkgroep"], done=False)
    return cycle


def test_the_form_leads_to_a_page_that_says_what_happens(client_for, assigned):
    client = client_for("trekker")
    response = client.post(reverse("themes:cycles"), {"name": "2027", "carry_over": "1"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Cyclus 2026 wordt afgesloten" in page
    assert "alle 124 stappen staan weer open" in page
    assert "1 open stap houdt de toewijzing en streefdatum" in page
    assert _step(1).title in page and "1 september 2026" in page
    assert 'name="bevestigd" value="1"' in page
    # Nothing has happened yet.
    assert Cycle.objects.get(is_current=True) == assigned


def test_confirming_starts_the_cycle_and_carries_open_assignments(client_for, users, assigned):
    response = client_for("trekker").post(
        reverse("themes:cycles"),
        {"name": "2027", "carry_over": "1", "closes": assigned.pk, "bevestigd": "1"},
    )
    assert response.status_code == 302
    new = Cycle.objects.get(is_current=True)
    assigned.refresh_from_db()
    assert new.name == "2027" and assigned.closed_at is not None
    [carried] = StepProgress.objects.filter(cycle=new)
    assert carried.step == _step(1) and carried.assigned_to == users["werkgroep"]
    assert carried.due_date == datetime.date(2026, 9, 1)
    assert not carried.is_done and carried.note == ""  # the note stays with 2026
    assert StepProgress.objects.get(cycle=assigned, step=_step(1)).note == "notitie 1"
    # The assignee finds the step under Mijn stappen in the new cycle.
    page = client_for("werkgroep").get(reverse("themes:my_steps")).content.decode()
    assert _step(1).title in page


def test_the_trekker_may_start_without_assignments(client_for, assigned):
    client = client_for("trekker")
    page = client.post(reverse("themes:cycles"), {"name": "2027", "carry_over": "0"}).content
    assert "Toewijzingen gaan niet mee: 1 open stap" in page.decode()
    client.post(
        reverse("themes:cycles"),
        {"name": "2027", "carry_over": "0", "closes": assigned.pk, "bevestigd": "1"},
    )
    new = Cycle.objects.get(is_current=True)
    assert new.name == "2027" and not StepProgress.objects.filter(cycle=new).exists()


def test_going_back_starts_nothing(client_for, assigned):
    response = client_for("trekker").post(
        reverse("themes:cycles"),
        {"name": "2027", "carry_over": "1", "closes": assigned.pk, "terug": "1"},
    )
    assert response.status_code == 200
    assert 'value="2027"' in response.content.decode()
    assert Cycle.objects.get(is_current=True) == assigned


def test_a_cycle_started_meanwhile_asks_again(client_for, users, library, assigned):
    # The trekker confirmed 2026's closing, but a colleague already started 2027.
    services.cycle_start(library=library, name="2027", user=users["trekker"])
    response = client_for("trekker").post(
        reverse("themes:cycles"),
        {"name": "2028", "carry_over": "1", "closes": assigned.pk, "bevestigd": "1"},
    )
    assert response.status_code == 200
    assert "Intussen is cyclus 2027 gestart" in response.content.decode()
    assert Cycle.objects.get(is_current=True).name == "2027"


def test_a_duplicate_name_is_refused_before_the_confirmation(client_for, assigned):
    response = client_for("trekker").post(reverse("themes:cycles"), {"name": "2026"})
    assert "Er is al een cyclus met deze naam" in response.content.decode()
    assert "bevestigd" not in response.content.decode()
