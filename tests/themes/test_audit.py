"""The audit trail: who changed what, when, from what to what; the installation's IT reads it
in the admin (the history of a step's text is also on beheer's edit page)."""

import pytest
from django.urls import reverse

from themes.models import Phase, StepProgress

pytestmark = pytest.mark.django_db


def test_ticking_and_unticking_are_in_the_history_with_who(client_for, users, cycle):
    step = Phase.objects.get(theme__slug="programmering", kind="creatie").steps.get(number=1)
    client = client_for("werkgroep")
    client.post(reverse("themes:step_tick", args=[step.pk]), {"done": "1"})
    client.post(reverse("themes:step_tick", args=[step.pk]), {"done": "0"})
    progress = StepProgress.objects.get(step=step)
    records = list(progress.history.order_by("history_date"))
    assert [r.is_done for r in records] == [False, True, False]
    assert {r.history_user for r in records[1:]} == {users["werkgroep"]}
    delta = records[1].diff_against(records[0])
    assert [(c.field, c.old, c.new) for c in delta.changes if c.field == "is_done"] == [
        ("is_done", False, True)
    ]


def test_superuser_reads_the_history_page_and_beheer_does_not(
    client, client_for, users, cycle, django_user_model
):
    step = Phase.objects.get(theme__slug="programmering", kind="creatie").steps.get(number=1)
    client_for("werkgroep").post(reverse("themes:step_tick", args=[step.pk]), {"done": "1"})
    progress = StepProgress.objects.get(step=step)
    url = reverse("admin:themes_stepprogress_history", args=[progress.pk])
    assert client_for("beheer").get(url).status_code == 302
    client.force_login(django_user_model.objects.create_superuser("it", "it@example.org", "x"))
    response = client.get(url)
    assert response.status_code == 200
    assert users["werkgroep"].username in response.content.decode()
