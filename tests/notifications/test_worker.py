"""The background path as in production: the database backend and the db_worker command."""

import datetime
import socket
import time
from email.header import decode_header, make_header

import environ
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from notifications import services
from notifications.events import Event
from notifications.models import EmailStatus

# The worker opens its own transactions and closes old connections, as a process does.
pytestmark = pytest.mark.django_db(transaction=True)


class BrokenBackend:
    """A mail server that refuses everything."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def _notify(user):
    [row] = services.notify(
        recipients=[user],
        event=Event.TASK_ASSIGNED,
        title="Stap 3 van Oriëntatie is aan jou toegewezen",
        url="/wegwijzer/mijn-stappen/",
    )
    return row


def _work():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_the_worker_sends_what_the_request_enqueued(colleague, outbox, db_tasks):
    row = _notify(colleague)
    assert outbox == [], "nothing is sent in the request"
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    _work()
    assert len(outbox) == 1
    row.refresh_from_db()
    assert row.email_status == EmailStatus.SENT
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"

    # The same task enqueued again (a retry after a crash) sends nothing more.
    from notifications.tasks import send_notification_email

    send_notification_email.enqueue(row.pk)
    _work()
    assert len(outbox) == 1


def test_a_failure_is_retried_later_and_visible_to_beheer(
    colleague, outbox, db_tasks, client_for, settings, superuser
):
    settings.EMAIL_BACKEND = "tests.notifications.test_worker.BrokenBackend"
    row = _notify(colleague)
    _work()
    row.refresh_from_db()
    assert row.email_status == EmailStatus.PENDING
    assert row.email_attempts == 1
    assert "mail server down" in row.email_error
    failed = DBTaskResult.objects.get(status="FAILED")
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert retry.run_after > timezone.now() + datetime.timedelta(seconds=30)

    # The installation's IT sees the failed task, with its error, in the admin.
    client = client_for("beheer")
    client.force_login(superuser)
    page = client.get("/admin/django_tasks_database/dbtaskresult/?status__exact=FAILED")
    assert page.status_code == 200
    assert str(failed.id) in page.content.decode()
    # Beheer sees it on its own page, with the mail server's answer.
    page = client_for("beheer").get(reverse("notifications:failed")).content.decode()
    assert "ConnectionRefusedError: mail server down" in page
    assert "nieuwe poging gepland" in page

    # When the mail server is back, the retry delivers it once.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    _work()
    row.refresh_from_db()
    assert row.email_status == EmailStatus.SENT
    assert len(outbox) == 1


def test_gives_up_after_the_last_attempt(colleague, outbox, db_tasks, settings, client_for):
    settings.EMAIL_BACKEND = "tests.notifications.test_worker.BrokenBackend"
    row = _notify(colleague)
    for _ in range(services.MAX_EMAIL_ATTEMPTS):
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        _work()
    row.refresh_from_db()
    assert row.email_status == EmailStatus.FAILED
    assert row.email_attempts == services.MAX_EMAIL_ATTEMPTS
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert DBTaskResult.objects.filter(status="FAILED").count() == services.MAX_EMAIL_ATTEMPTS

    # Beheer sees it given up and, once the mail server works, sends it again.
    client = client_for("beheer")
    page = client.get(reverse("notifications:failed")).content.decode()
    assert "opgegeven" in page and "Opnieuw versturen" in page
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = client.post(reverse("notifications:retry", args=[row.pk]))
    assert response.status_code == 302
    _work()
    row.refresh_from_db()
    assert row.email_status == EmailStatus.SENT
    assert len(outbox) == 1
    # Retrying what is not failed is refused with a message, not an error.
    response = client.post(reverse("notifications:retry", args=[row.pk]), follow=True)
    assert "niets opnieuw te proberen" in response.content.decode()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_delivers_through_a_real_smtp_server(colleague, db_tasks, settings):
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    received = []

    class Keep(Message):
        def handle_message(self, message):
            received.append(message)

    port = _free_port()
    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        # What the settings do with EMAIL_URL (see test_email_url_in_settings).
        for name, value in environ.Env.email_url_config(f"smtp://127.0.0.1:{port}").items():
            setattr(settings, name, value)
        settings.EMAIL_TIMEOUT = 10
        settings.DEFAULT_FROM_EMAIL = "Wegwijzer <wegwijzer@example.org>"
        row = _notify(colleague)
        _work()
        for _ in range(50):
            if received:
                break
            time.sleep(0.1)
    finally:
        controller.stop()
    assert len(received) == 1
    message = received[0]
    assert message["To"] == "sanne@example.org"
    assert message["From"] == "Wegwijzer <wegwijzer@example.org>"
    subject = str(make_header(decode_header(message["Subject"])))
    assert subject == "Wegwijzer: Stap 3 van Oriëntatie is aan jou toegewezen"
    assert message.is_multipart()
    kinds = [part.get_content_type() for part in message.walk()]
    assert "text/plain" in kinds and "text/html" in kinds
    row.refresh_from_db()
    assert row.email_status == EmailStatus.SENT


def test_mail_to_a_plain_address_goes_through_the_worker_after_commit(outbox, db_tasks):
    """A partner contact has no account: the mail still waits for the commit and the worker."""
    from django.db import transaction

    with transaction.atomic():
        services.email_to_address(
            to="partner@example.org",
            subject="Wegwijzer: nieuwe verwijzing naar Consultatiebureau",
            body="Hallo Anouk,\n\nEr is een nieuwe verwijzing.",
            url="/verwijzingen/1/partner/abc/",
        )
        assert DBTaskResult.objects.count() == 0, "nothing before the commit"
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert outbox == []

    _work()
    [message] = outbox
    assert message.to == ["partner@example.org"]
    assert "https://wegwijzer.example.org/verwijzingen/1/partner/abc/" in message.body
    assert message.alternatives[0][1] == "text/html"
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
