import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.roles import Role
from notifications import services
from notifications.events import EmailChoice, Event
from notifications.models import EmailStatus, Notification
from tests.factories import make_staff

pytestmark = pytest.mark.django_db


def _notify(users, **kwargs):
    kwargs.setdefault("event", Event.REFERRAL_NEW)
    kwargs.setdefault("title", "Nieuwe verwijzing naar Taalhuis")
    kwargs.setdefault("body", "Een ouder is doorverwezen; kijk bij Inkomend.")
    kwargs.setdefault("url", "/verwijzingen/12/")
    return services.notify(recipients=users, **kwargs)


def test_notify_tells_in_app_and_mails_in_dutch_with_links(colleague, outbox):
    [row] = _notify([colleague])
    assert row.recipient == colleague and row.read_at is None
    assert len(outbox) == 1
    message = outbox[0]
    assert message.to == ["sanne@example.org"]
    assert message.subject == "Wegwijzer: Nieuwe verwijzing naar Taalhuis"
    assert "Hallo Sanne," in message.body
    assert "https://wegwijzer.example.org/verwijzingen/12/" in message.body
    # The e-mail ends with the way to change what you get.
    assert message.body.rstrip().endswith("https://wegwijzer.example.org/meldingen/voorkeuren/")
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert 'href="https://wegwijzer.example.org/verwijzingen/12/"' in html
    assert 'href="https://wegwijzer.example.org/meldingen/voorkeuren/"' in html
    assert '<html lang="nl">' in html
    row.refresh_from_db()
    assert row.email_status == EmailStatus.SENT and row.email_sent_at is not None


def test_no_email_address_or_inactive_user(library, outbox):
    without = make_staff(library, Role.MT, username="zonder", email="")
    gone = make_staff(library, Role.MT, username="weg", email="weg@example.org", is_active=False)
    rows = _notify([without, gone, None])
    assert [r.recipient for r in rows] == [without]
    assert rows[0].email_status == EmailStatus.SKIPPED
    assert outbox == []


def test_recipients_are_told_once_even_if_named_twice(colleague, outbox):
    assert len(_notify([colleague, colleague])) == 1
    assert len(outbox) == 1


def test_unknown_event_is_a_programming_error(colleague):
    with pytest.raises(ValueError):
        _notify([colleague], event="iets")


def test_a_key_makes_a_reminder_happen_once(colleague, outbox):
    assert len(_notify([colleague], key="round:1:2026-11-22")) == 1
    assert _notify([colleague], key="round:1:2026-11-22") == []
    assert len(_notify([colleague], key="round:1:2026-11-29")) == 1
    assert Notification.objects.count() == 2
    assert len(outbox) == 2


def test_rolled_back_write_sends_nothing(colleague, outbox, db_tasks):
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    with pytest.raises(RuntimeError), transaction.atomic():
        _notify([colleague])
        raise RuntimeError
    assert Notification.objects.count() == 0
    assert DBTaskResult.objects.count() == 0


def test_preference_none_keeps_it_in_the_app_only(colleague, outbox):
    services.preferences_set(user=colleague, choices={Event.REFERRAL_NEW: EmailChoice.NONE})
    [row] = _notify([colleague])
    assert row.email_status == EmailStatus.SKIPPED
    assert outbox == []
    # Other events still come by e-mail.
    _notify([colleague], event=Event.TASK_ASSIGNED, title="Stap toegewezen")
    assert len(outbox) == 1


def test_daily_digest_once_a_day(colleague, outbox):
    services.preferences_set(user=colleague, choices={Event.REFERRAL_NEW: EmailChoice.DIGEST})
    yesterday = timezone.now() - datetime.timedelta(days=1)
    for n in range(2):
        [row] = _notify([colleague], title=f"Verwijzing {n}")
        Notification.objects.filter(pk=row.pk).update(created_at=yesterday)
    [today_row] = _notify([colleague], title="Verwijzing van vandaag")
    assert outbox == []

    call_command("send_reminders", stdout=None)
    assert len(outbox) == 1
    digest = outbox[0]
    assert digest.subject == "Wegwijzer: je dagelijkse overzicht (2 meldingen)"
    assert "Verwijzing 0" in digest.body and "Verwijzing 1" in digest.body
    assert "Verwijzing van vandaag" not in digest.body
    assert digest.body.rstrip().endswith("/meldingen/voorkeuren/")

    call_command("send_reminders", stdout=None)
    assert len(outbox) == 1, "a second run on the same day sends nothing"
    today_row.refresh_from_db()
    assert today_row.email_status == EmailStatus.DIGEST


def test_preferences_refuse_nonsense(colleague):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.preferences_set(user=colleague, choices={Event.REFERRAL_NEW: "soms"})


def test_sending_twice_sends_once(colleague, outbox, db_tasks):
    [row] = _notify([colleague])
    assert outbox == []
    assert services.notification_email_send(notification_id=row.pk) == "verstuurd"
    assert services.notification_email_send(notification_id=row.pk) == "niets te versturen"
    assert len(outbox) == 1


def test_loading_the_demo_notifies_nobody(settings, outbox):
    from io import StringIO

    settings.DEBUG = True
    call_command("setup_demo", stdout=StringIO())
    assert Notification.objects.count() == 0
    assert outbox == []


def test_silenced_block_notifies_nobody_and_ends(colleague, outbox):
    with services.silenced():
        assert _notify([colleague]) == []
    assert len(_notify([colleague])) == 1
