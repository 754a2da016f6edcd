"""What the referral log tells people, and that no parent's personal data leaves with it."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.roles import Role
from notifications.events import Event
from notifications.models import Notification
from notifications.services import silenced
from referrals import services
from referrals.models import Offer, Referral
from referrals.tasks import notify_new_referral
from tests.factories import make_staff
from tests.referrals.test_log import form_data

pytestmark = pytest.mark.django_db

PERSONAL = ["Zwaantje", "0612345678", "zwaantje.prive@voorbeeld.nl", "Dorpsstraat 7"]


@pytest.fixture
def mailboxes(users):
    for user in users.values():
        user.email = f"{user.username}@example.org"
        user.save()
    mail.outbox = []
    return users


def _everything_sent():
    for message in mail.outbox:
        yield message.subject
        yield message.body
        yield from (content for content, _type in message.alternatives)
    for note in Notification.objects.all():
        yield note.title
        yield note.body
        yield note.url


def test_new_referral_tells_the_offers_specialists(make_referral, mailboxes, library):
    users = mailboxes
    second = make_staff(library, Role.SPECIALIST, username="tweede", email="tweede@example.org")
    Offer.objects.get(library=library, name="Taalhuis").specialists.add(second)
    referral = make_referral()
    assert sorted(m.to[0] for m in mail.outbox) == ["specialist@example.org", "tweede@example.org"]
    message = mail.outbox[0]
    assert message.subject == "Wegwijzer: Nieuwe verwijzing naar Taalhuis"
    assert "Voor: Ouder. Signaal: Taalvraag." in message.body
    detail = f"https://wegwijzer.example.org{reverse('referrals:detail', args=[referral.pk])}"
    assert detail in message.body
    assert message.body.rstrip().endswith("/meldingen/voorkeuren/")
    # The frontoffice that logged it and other staff hear nothing.
    assert not Notification.objects.exclude(recipient__in=[users["specialist"], second]).exists()


def test_no_personal_data_in_any_notification_or_email(make_referral, mailboxes):
    users = mailboxes
    referral = make_referral(
        note="Zwaantje woont op Dorpsstraat 7 en wil graag leren lezen",
        contact_consent=True,
        contact_first_name="Zwaantje",
        contact_phone="0612345678",
        contact_email="zwaantje.prive@voorbeeld.nl",
    )
    services.referral_complete(
        referral=referral,
        user=users["specialist"],
        outcome="started",
        reason="Zwaantje (0612345678) doet mee",
        version=referral.version,
    )
    assert len(mail.outbox) == 2  # new referral -> specialist, closed -> frontoffice
    sent = "\n".join(_everything_sent())
    for value in PERSONAL:
        assert value not in sent


def test_closing_tells_the_referrer(make_referral, mailboxes):
    users = mailboxes
    referral = make_referral()
    mail.outbox = []
    services.referral_complete(
        referral=referral,
        user=users["specialist"],
        outcome="arrived",
        reason="Kwam op het spreekuur",
        version=referral.version,
    )
    [message] = mail.outbox
    assert message.to == ["frontoffice@example.org"]
    assert message.subject == "Wegwijzer: Je verwijzing naar Taalhuis is afgerond"
    assert "Resultaat: Aangekomen." in message.body


def test_offer_without_receivers_tells_beheer_and_coordinator(make_referral, mailboxes, library):
    users = mailboxes
    # BoekStart loses its last receiver: the desk no longer offers it, and the daily run
    # tells beheer and the coordinator once a week.
    Offer.objects.get(library=library, name="BoekStart").specialists.clear()
    mail.outbox = []
    call_command("send_reminders", stdout=None)
    to = sorted({m.to[0] for m in mail.outbox})
    assert to == ["beheer@example.org", "trekker@example.org"]
    assert any("BoekStart komen bij niemand aan" in m.subject for m in mail.outbox)
    weekly = len(mail.outbox)
    call_command("send_reminders", stdout=None)
    assert len(mail.outbox) == weekly
    # An external offer with a partner contact has a receiver: no warning about it.
    assert not any("Consultatiebureau" in m.subject for m in mail.outbox)
    assert all(m.to[0] in to for m in mail.outbox)
    assert users["beheer"].email in to
    assert (
        not Notification.objects.filter(
            event=Event.OFFER_WITHOUT_RECEIVERS, key__contains=":offer:"
        )
        .exclude(recipient__in=[users["beheer"], users["trekker"]])
        .exists()
    )


DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def _work():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_the_desk_post_leaves_the_telling_to_one_task(
    client_for, options, mailboxes, settings, django_assert_max_num_queries
):
    """Receivers, their preferences and their e-mails are worked out by the worker: the desk's
    POST writes the referral and one task, however many receivers the offer has."""
    settings.TASKS = DB_TASKS
    for name in ("tweede", "derde"):
        colleague = make_staff(options, Role.SPECIALIST, username=name, email=f"{name}@example.org")
        Offer.objects.get(library=options, name="Taalhuis").specialists.add(colleague)
    client = client_for("frontoffice")
    # 31 when the request told these three receivers itself.
    with django_assert_max_num_queries(24):
        response = client.post(reverse("referrals:log"), form_data(options))
    assert response.status_code == 302
    assert not Notification.objects.exists()
    [queued] = DBTaskResult.objects.all()
    assert queued.task_path == "referrals.tasks.notify_new_referral"
    assert queued.args_kwargs["args"] == [Referral.objects.get().pk]


@pytest.mark.django_db(transaction=True)
def test_the_worker_tells_the_receivers_once(make_referral, mailboxes, settings):
    settings.TASKS = DB_TASKS
    referral = make_referral()
    assert mail.outbox == [] and not Notification.objects.exists()

    _work()
    assert [m.to for m in mail.outbox] == [["specialist@example.org"]]
    [note] = Notification.objects.all()
    assert note.recipient == mailboxes["specialist"]
    assert note.url == reverse("referrals:detail", args=[referral.pk])

    # The same task again (run twice, or a retry after a crash) tells nobody twice.
    notify_new_referral.enqueue(referral.pk)
    _work()
    assert len(mail.outbox) == 1
    assert Notification.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_failed_telling_is_retried_later(make_referral, mailboxes, settings, monkeypatch):
    settings.TASKS = DB_TASKS
    referral = make_referral()
    monkeypatch.setattr(services, "notify", _refuse)
    _work()
    assert not Notification.objects.exists()
    assert DBTaskResult.objects.filter(status="FAILED").count() == 1
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs == {"args": [referral.pk], "kwargs": {"attempt": 2}}

    monkeypatch.undo()
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    _work()
    assert [m.to for m in mail.outbox] == [["specialist@example.org"]]


def _refuse(**kwargs):
    raise ConnectionError("database weg")


def test_demo_and_benchmark_data_enqueue_nothing(make_referral, mailboxes, settings):
    """Loading data is news to no one, also not later, when the worker would run."""
    settings.TASKS = DB_TASKS
    with silenced():
        make_referral()
        make_referral("Consultatiebureau")
    assert not DBTaskResult.objects.exists()
