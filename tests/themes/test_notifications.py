"""What the Wegwijzer tells people: an assigned step, and a due date coming or passed."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from notifications.events import Event
from notifications.models import Notification
from themes import services
from themes.models import Phase

pytestmark = pytest.mark.django_db


@pytest.fixture
def mailboxes(users):
    for user in users.values():
        user.email = f"{user.username}@example.org"
        user.save()
    mail.outbox = []
    return users


def _step():
    return Phase.objects.order_by("theme__order", "order").first().steps.get(number=2)


def _assign(cycle, users, to="werkgroep", by="trekker", due=None):
    return services.step_update(
        cycle=cycle,
        step=_step(),
        user=users[by],
        note="",
        evidence_url="",
        assigned_to=users[to],
        due_date=due,
    )


def test_assigning_a_step_tells_the_assignee(cycle, mailboxes):
    users = mailboxes
    progress = _assign(cycle, users, due=datetime.date(2026, 12, 20))
    [note] = Notification.objects.filter(event=Event.TASK_ASSIGNED)
    assert note.recipient == users["werkgroep"]
    step = progress.step
    assert note.url.endswith(f"/{step.phase.kind}/#stap-2")
    [message] = mail.outbox
    assert message.to == ["werkgroep@example.org"]
    assert message.subject.startswith("Wegwijzer: Een stap is aan jou toegewezen: ")
    assert _step().title in message.subject
    assert "stap 2" in message.body and "20-12-2026" in message.body
    # Saving the step again with the same assignee tells nobody again.
    _assign(cycle, users, due=datetime.date(2026, 12, 20))
    assert len(mail.outbox) == 1
    # Taking a step on yourself needs no message.
    _assign(cycle, users, to="trekker", by="trekker")
    assert len(mail.outbox) == 1


def test_due_soon_and_overdue_reminders_once_each(cycle, mailboxes, monkeypatch):
    users = mailboxes
    due = datetime.date(2026, 12, 20)
    _assign(cycle, users, due=due)
    mail.outbox = []

    def run(day):
        monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: day)
        call_command("send_reminders", stdout=None)
        return len(mail.outbox)

    assert run(due - datetime.timedelta(days=4)) == 0
    assert run(due - datetime.timedelta(days=3)) == 1
    assert "Stap bijna aan de beurt" in mail.outbox[0].subject
    assert run(due - datetime.timedelta(days=1)) == 1
    assert run(due + datetime.timedelta(days=1)) == 2
    assert "Stap over de streefdatum" in mail.outbox[1].subject
    assert run(due + datetime.timedelta(days=1)) == 2, "twice a day sends nothing new"
    assert run(due + datetime.timedelta(days=8)) == 2
    # A new due date is a new deadline, with its own reminders.
    _assign(cycle, users, due=due + datetime.timedelta(days=30))
    assert run(due + datetime.timedelta(days=28)) == 4  # assigned again + due soon
