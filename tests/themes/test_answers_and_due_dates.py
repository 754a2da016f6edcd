"""Issue 16, point 10: "Eerdere antwoorden (N)" counts only the answers before the current one,
and a due date in the past is refused with a clear message."""

import datetime

import pytest
from django.urls import reverse

from themes import services
from themes.models import Phase, Step, StepProgress

pytestmark = pytest.mark.django_db


def _phase() -> Phase:
    return Phase.objects.get(theme__slug="gezinsaanpak-algemeen", kind="orientatie")


def _answer(cycle, users, text, based_on):
    return services.summary_answer_create(
        cycle=cycle,
        phase=_phase(),
        user=users["werkgroep"],
        text=text,
        assessment="deels",
        based_on_id=based_on,
    )


@pytest.mark.parametrize("role", ["werkgroep", "mt"])
def test_earlier_answers_leave_out_the_current_one(client_for, users, cycle, role):
    url = reverse("themes:phase", args=["gezinsaanpak-algemeen", "orientatie"])
    first = _answer(cycle, users, "Eerste versie.", None)
    page = client_for(role).get(url).content.decode()
    assert "Eerder antwoord" not in page and "Eerdere antwoorden" not in page
    assert "Eerste versie." in page
    second = _answer(cycle, users, "Tweede versie.", first.pk)
    _answer(cycle, users, "Derde versie.", second.pk)
    page = client_for(role).get(url).content.decode()
    assert "Eerdere antwoorden (2)" in page
    earlier = page.split("Eerdere antwoorden (2)")[1]
    assert "Eerste versie." in earlier and "Tweede versie." in earlier
    assert "Derde versie." not in earlier


def _edit(client, step, due: str):
    return client.post(
        reverse("themes:step_edit", args=[step.pk]),
        {"note": "Afspraak gemaakt.", "evidence_url": "", "assigned_to": "", "due_date": due},
    )


def test_a_due_date_in_the_past_is_refused(client_for, cycle):
    step = Step.objects.first()
    client = client_for("werkgroep")
    response = _edit(client, step, "2026-06-09")  # the clock stands at 10 June 2026
    assert response.status_code == 200
    assert "Deze streefdatum ligt in het verleden (9 juni 2026)" in response.content.decode()
    assert 'value="Afspraak gemaakt."' in response.content.decode() or (
        "Afspraak gemaakt." in response.content.decode()
    )
    assert not StepProgress.objects.filter(step=step).exists()
    assert _edit(client, step, "2026-06-10").status_code == 302


def test_an_existing_due_date_that_has_passed_does_not_block_a_note(client_for, cycle, users):
    step = Step.objects.first()
    StepProgress.objects.create(
        cycle=cycle, step=step, assigned_to=users["werkgroep"], due_date=datetime.date(2026, 5, 1)
    )
    response = client_for("werkgroep").post(
        reverse("themes:step_edit", args=[step.pk]),
        {
            "note": "Loopt uit.",
            "evidence_url": "",
            "assigned_to": users["werkgroep"].pk,
            "due_date": "2026-05-01",
        },
    )
    assert response.status_code == 302
    assert StepProgress.objects.get(step=step).note == "Loopt uit."
