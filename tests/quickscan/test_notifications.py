"""What the Quickscan tells people: invitations, reminders, the closed round, actions."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from notifications.events import Event
from notifications.models import Notification
from quickscan import services
from quickscan.models import Respondent, RoundItem
from tests.quickscan.helpers import all_keys, answer, make_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def mailboxes(users):
    for user in users.values():
        user.email = f"{user.username}@example.org"
        user.save()
    mail.outbox = []
    return users


def _to(event):
    return sorted(
        Notification.objects.filter(event=event).values_list("recipient__username", flat=True)
    )


def _mails_to(username):
    return [m for m in mail.outbox if m.to == [f"{username}@example.org"]]


def test_opening_a_round_invites_by_notification(library, mailboxes, small, year):
    users = mailboxes
    rnd = services.round_open(
        library=library,
        year=year,
        user=users["trekker"],
        invitees=[users["werkgroep"], users["mt"], users["trekker"]],
    )
    # The coordinator who opened it is not told about it.
    assert _to(Event.QUICKSCAN_OPENED) == ["mt", "werkgroep"]
    [message] = _mails_to("mt")
    assert message.subject == f"Wegwijzer: Je bent uitgenodigd voor de Quickscan {year}"
    assert f"https://wegwijzer.example.org{reverse('quickscan:answer', args=[rnd.pk])}" in (
        message.body
    )
    # Inviting someone later tells only them.
    services.round_invite(
        rnd=rnd, users=[users["werkgroep"], users["specialist"]], by=users["trekker"]
    )
    assert _to(Event.QUICKSCAN_OPENED) == ["mt", "specialist", "werkgroep"]


def test_reminders_at_most_two_a_week_apart(library, mailboxes, small, year, monkeypatch):
    users = mailboxes
    rnd = services.round_open(
        library=library,
        year=year,
        user=users["trekker"],
        invitees=[users["werkgroep"], users["mt"]],
    )
    # MT hands in; the workgroup member does not.
    answer(rnd, users["mt"], dict.fromkeys(all_keys(year), "op_orde"), submit=True)
    invited = Respondent.objects.get(round=rnd, user=users["werkgroep"]).invited_at.date()
    mail.outbox = []

    def run(days):
        monkeypatch.setattr(
            "django.utils.timezone.localdate", lambda *a: invited + datetime.timedelta(days=days)
        )
        call_command("send_reminders", stdout=None)
        return _to(Event.QUICKSCAN_REMINDER)

    assert run(6) == []
    assert run(7) == ["werkgroep"]
    assert run(7) == ["werkgroep"], "a second run on the same day sends nothing"
    assert run(10) == ["werkgroep"]
    assert run(14) == ["werkgroep", "werkgroep"]
    assert run(21) == ["werkgroep", "werkgroep"], "never more than two"
    assert len(_mails_to("werkgroep")) == 2
    assert _mails_to("mt") == []
    assert "nog niet ingeleverd" in _mails_to("werkgroep")[0].subject


def test_closing_tells_workgroup_and_mt_with_the_report(library, mailboxes, questionnaire, year):
    users = mailboxes
    agreed = dict.fromkeys(all_keys(year), "op_orde")
    rnd = make_round(library, year, users["trekker"], agreed, close=True)
    assert _to(Event.QUICKSCAN_CLOSED) == ["mt", "werkgroep"]
    [message] = _mails_to("mt")
    assert message.subject == f"Wegwijzer: De Quickscan {year} is afgesloten"
    report = f"https://wegwijzer.example.org{reverse('quickscan:results', args=[rnd.pk])}"
    assert report in message.body
    assert f'href="{report}"' in message.alternatives[0][0]
    assert _mails_to("frontoffice") == [] and _mails_to("specialist") == []


def test_an_action_tells_its_owner_once(library, mailboxes, small, year):
    users = mailboxes
    rnd = services.round_open(library=library, year=year, user=users["trekker"])
    ri = RoundItem.objects.get(round=rnd, item__key="b-een")
    due = datetime.date(year, 12, 1)
    ri = services.agreed_answer_set(
        round_item=ri,
        user=users["trekker"],
        answer="deels",
        action_what="Activiteitenoverzicht bijwerken",
        action_owner=users["specialist"],
        action_due=due,
        expected_version=ri.version,
    )
    [note] = Notification.objects.filter(event=Event.TASK_ASSIGNED)
    assert note.recipient == users["specialist"]
    assert note.url == reverse("my_tasks")
    [message] = _mails_to("specialist")
    assert "een actie is aan jou toegewezen" in message.subject
    assert "Activiteitenoverzicht bijwerken" in message.body and "01-12-" in message.body
    # Saving the same action again (an edited explanation) tells nobody again.
    services.agreed_answer_set(
        round_item=ri,
        user=users["trekker"],
        answer="deels",
        explanation="Besproken",
        action_what="Activiteitenoverzicht bijwerken",
        action_owner=users["specialist"],
        action_due=due,
        expected_version=ri.version,
    )
    assert Notification.objects.filter(event=Event.TASK_ASSIGNED).count() == 1


def test_actions_due_soon_and_overdue_remind_the_owner(
    library, mailboxes, small, year, monkeypatch
):
    users = mailboxes
    rnd = services.round_open(library=library, year=year, user=users["trekker"])
    ri = RoundItem.objects.get(round=rnd, item__key="b-een")
    due = datetime.date(year, 6, 10)
    services.agreed_answer_set(
        round_item=ri,
        user=users["trekker"],
        answer="nog_niet",
        action_what="Overzicht maken",
        action_owner=users["werkgroep"],
        action_due=due,
        expected_version=ri.version,
    )

    def run(day):
        monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: day)
        call_command("send_reminders", stdout=None)
        return list(
            Notification.objects.filter(event=Event.TASK_DUE).values_list("title", flat=True)
        )

    assert run(due - datetime.timedelta(days=4)) == []
    assert run(due - datetime.timedelta(days=3)) == [
        "Quickscan-actie bijna aan de beurt: Overzicht maken"
    ]
    assert len(run(due)) == 1
    titles = run(due + datetime.timedelta(days=1))
    assert titles[0] == "Quickscan-actie over de datum: Overzicht maken"
    assert len(run(due + datetime.timedelta(days=2))) == 2
    # Done actions are left alone.
    ri.refresh_from_db()
    services.action_set_done(
        round_item=ri, user=users["werkgroep"], done=True, expected_version=ri.version
    )
    Notification.objects.all().delete()
    assert run(due + datetime.timedelta(days=3)) == []
