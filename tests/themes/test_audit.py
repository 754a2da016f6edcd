"""The audit trail: who changed what, when, from what to what; beheer reads it."""

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


def test_beheer_reads_the_history_page_and_mt_does_not(client_for, users, cycle):
    step = Phase.objects.get(theme__slug="programmering", kind="creatie").steps.get(number=1)
    client_for("werkgroep").post(reverse("themes:step_tick", args=[step.pk]), {"done": "1"})
    progress = StepProgress.objects.get(step=step)
    url = reverse("admin:themes_stepprogress_history", args=[progress.pk])
    response = client_for("beheer").get(url)
    assert response.status_code == 200
    assert users["werkgroep"].username in response.content.decode()
    assert client_for("mt").get(url).status_code == 302
