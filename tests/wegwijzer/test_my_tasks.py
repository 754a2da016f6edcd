"""Mijn taken: steps and Quickscan actions assigned to me, and ticking actions off."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from quickscan import services as quickscan_services
from quickscan.models import RoundItem
from themes import services as themes_services
from themes.models import Cycle, Phase

pytestmark = pytest.mark.django_db


@pytest.fixture
def work(library, users):
    call_command("loaddata", "wegwijzer_inhoud", verbosity=0)
    call_command("loaddata", "quickscan_vragenlijst", verbosity=0)
    today = timezone.localdate()
    cycle = Cycle.objects.create(library=library, name="Dit jaar", is_current=True)
    step = Phase.objects.order_by("theme__order", "order").first().steps.get(number=1)
    themes_services.step_update(
        cycle=cycle,
        step=step,
        user=users["trekker"],
        note="",
        evidence_url="",
        assigned_to=users["werkgroep"],
        due_date=today - datetime.timedelta(days=1),
    )
    last_year = quickscan_services.round_open(
        library=library, year=today.year - 1, user=users["trekker"]
    )
    items = list(RoundItem.objects.filter(round=last_year).order_by("pk")[:2])
    for item, owner, what in [
        (items[0], "werkgroep", "Leesplan herzien"),
        (items[1], "specialist", "Taalhuis-folder aan de balie"),
    ]:
        quickscan_services.agreed_answer_set(
            round_item=item,
            user=users["trekker"],
            answer="deels",
            action_what=what,
            action_owner=users[owner],
            action_due=today + datetime.timedelta(days=10),
            expected_version=item.version,
        )
    return {"step": step, "round": last_year, "items": items, "today": today}


def test_my_tasks_lists_steps_and_actions_overdue_in_red(
    client_for, work, django_assert_max_num_queries
):
    client = client_for("werkgroep")
    with django_assert_max_num_queries(14):
        response = client.get(reverse("my_tasks"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Leesplan herzien" in html and "Taalhuis-folder" not in html
    # The overdue step comes first and is marked in red.
    assert html.index("Wegwijzer-stap") < html.index("Quickscan-actie")
    assert "text-danger" in html and "te laat" in html
    assert f"Quickscan {work['round'].year}" in html


def test_home_panel_shows_my_open_tasks(client_for, work):
    html = client_for("specialist").get("/").content.decode()
    assert "Mijn taken" in html and "Taalhuis-folder aan de balie" in html
    # Someone without tasks and outside the workgroup gets no empty panel.
    assert 'id="taken-kop"' not in client_for("frontoffice").get("/").content.decode()


def test_owner_ticks_an_action_off_and_on_again(client_for, users, work):
    item = work["items"][1]
    item.refresh_from_db()
    client = client_for("specialist")
    url = reverse("quickscan:action_done", args=[item.pk])
    response = client.post(url, {"done": "1", "version": item.version})
    assert response.status_code == 302 and response["Location"] == reverse("my_tasks")
    item.refresh_from_db()
    assert item.action_is_done and item.action_done_by == users["specialist"]
    html = client.get(reverse("my_tasks")).content.decode()
    assert "gedaan, afgevinkt door" in html and "Weer openzetten" in html

    client.post(url, {"done": "0", "version": item.version})
    item.refresh_from_db()
    assert not item.action_is_done and item.action_done_by is None


def test_ticking_with_an_old_version_overwrites_nothing(client_for, users, work):
    item = work["items"][1]
    item.refresh_from_db()
    old = item.version
    quickscan_services.action_set_done(
        round_item=item, user=users["trekker"], done=True, expected_version=old
    )
    response = client_for("specialist").post(
        reverse("quickscan:action_done", args=[item.pk]), {"done": "0", "version": old}
    )
    assert response.status_code == 409
    assert "Een collega was je voor" in response.content.decode()
    item.refresh_from_db()
    assert item.action_is_done and item.action_done_by == users["trekker"]


def test_only_the_owner_or_the_workgroup_may_tick(client_for, work):
    item = work["items"][1]
    item.refresh_from_db()
    url = reverse("quickscan:action_done", args=[item.pk])
    assert (
        client_for("frontoffice").post(url, {"done": "1", "version": item.version}).status_code
        == 403
    )
    assert (
        client_for("werkgroep").post(url, {"done": "1", "version": item.version}).status_code == 302
    )


def test_bad_input_gets_a_message_not_an_error(client_for, work):
    item = work["items"][1]
    response = client_for("specialist").post(
        reverse("quickscan:action_done", args=[item.pk]), {"done": "1", "version": "x"}, follow=True
    )
    assert response.status_code == 200
    assert "onvolledig" in response.content.decode()


def test_next_round_shows_last_years_open_actions(client_for, users, work):
    rnd = quickscan_services.round_open(
        library=work["round"].library, year=work["today"].year, user=users["trekker"]
    )
    html = client_for("werkgroep").get(reverse("quickscan:agree", args=[rnd.pk])).content.decode()
    assert f"Nog open acties uit de Quickscan {work['round'].year}" in html
    assert "Leesplan herzien" in html and "Taalhuis-folder aan de balie" in html
