"""A referral nobody has received: the receivers after 2 working days, the coordinator after 5;
and a new referral to an external offer e-mails its partner contact the signed link."""

import datetime
import io
import re
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.urls import resolve, reverse

from notifications.events import Event
from notifications.models import Notification
from referrals import partner_links, services

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
PERSONAL = ["Zwaantje", "0612345678", "zwaantje.prive@voorbeeld.nl", "Dorpsstraat 7"]
CONTACT = {
    "note": "Zwaantje woont op Dorpsstraat 7",
    "contact_consent": True,
    "contact_first_name": "Zwaantje",
    "contact_phone": "0612345678",
    "contact_email": "zwaantje.prive@voorbeeld.nl",
}


@pytest.fixture
def mailboxes(users):
    for user in users.values():
        user.email = f"{user.username}@example.org"
        user.save()
    mail.outbox = []
    return users


def _run_on(clock, day: datetime.date) -> list[str]:
    """Run the daily command at 07:00 on `day`; the addresses it mailed."""
    clock.move_to(datetime.datetime.combine(day, datetime.time(7, 0), tzinfo=AMS), tick=False)
    mail.outbox = []
    call_command("send_reminders", stdout=io.StringIO())
    return sorted(address for message in mail.outbox for address in message.to)


def _texts():
    for message in mail.outbox:
        yield message.subject
        yield message.body
        yield from (content for content, _type in message.alternatives)


def test_receivers_after_two_working_days_coordinator_after_five(clock, make_referral, mailboxes):
    users = mailboxes
    # Friday morning: Monday is one working day later, Tuesday two, the next Friday five.
    clock.move_to(datetime.datetime(2026, 6, 12, 10, 0, tzinfo=AMS), tick=False)
    referral = make_referral(**CONTACT)
    assert _run_on(clock, datetime.date(2026, 6, 13)) == []
    assert _run_on(clock, datetime.date(2026, 6, 15)) == []
    assert _run_on(clock, datetime.date(2026, 6, 16)) == ["specialist@example.org"]
    sent_to_receiver = "\n".join(_texts())
    assert "Verwijzing naar Taalhuis nog niet ontvangen" in sent_to_receiver
    assert reverse("referrals:detail", args=[referral.pk]) in sent_to_receiver
    # The same day again, and the next days: nothing new.
    assert _run_on(clock, datetime.date(2026, 6, 16)) == []
    assert _run_on(clock, datetime.date(2026, 6, 18)) == []
    assert _run_on(clock, datetime.date(2026, 6, 19)) == ["trekker@example.org"]
    sent_to_coordinator = "\n".join(_texts())
    assert "ligt al 5 werkdagen stil" in sent_to_coordinator
    assert _run_on(clock, datetime.date(2026, 6, 19)) == []
    assert _run_on(clock, datetime.date(2026, 6, 26)) == []
    everything = sent_to_receiver + sent_to_coordinator
    everything += "".join(n.title + n.body for n in Notification.objects.all())
    for value in PERSONAL:
        assert value not in everything
    assert sorted(
        Notification.objects.filter(
            event__in=[Event.REFERRAL_NOT_RECEIVED, Event.REFERRAL_STALLED]
        ).values_list("event", "recipient__username")
    ) == [(Event.REFERRAL_NOT_RECEIVED, "specialist"), (Event.REFERRAL_STALLED, "trekker")]
    assert users["frontoffice"].notifications.count() == 0


def test_a_received_referral_reminds_nobody(clock, make_referral, mailboxes):
    users = mailboxes
    clock.move_to(datetime.datetime(2026, 6, 12, 10, 0, tzinfo=AMS), tick=False)
    referral = make_referral()
    services.referral_receive(referral=referral, user=users["specialist"], version=referral.version)
    assert _run_on(clock, datetime.date(2026, 6, 22)) == []


def test_without_a_specialist_the_coordinator_is_reminded(clock, make_referral, mailboxes):
    """An external offer's partner has no account: the coordinator chases it."""
    clock.move_to(datetime.datetime(2026, 6, 12, 10, 0, tzinfo=AMS), tick=False)
    make_referral("Consultatiebureau")
    assert _run_on(clock, datetime.date(2026, 6, 16)) == ["trekker@example.org"]
    assert _run_on(clock, datetime.date(2026, 6, 16)) == []


def test_partner_contact_gets_the_signed_link(
    make_referral, mailboxes, partner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        referral = make_referral("Consultatiebureau", **CONTACT)
    [message] = [m for m in mail.outbox if m.to == [partner.email]]
    [link] = re.findall(r"https://wegwijzer\.example\.org/\S+", message.body)
    match = resolve(urlsplit(link).path)
    assert match.view_name == "referrals:partner"
    assert match.kwargs["pk"] == referral.pk
    assert partner_links.check(**match.kwargs).problem is None
    assert any(link in content for content, _type in message.alternatives)
    assert message.subject == "Wegwijzer: nieuwe verwijzing naar Consultatiebureau"
    assert "Hallo Anouk" in message.body
    assert "Voor: Ouder." in message.body
    sent = "\n".join(_texts())
    for value in PERSONAL:
        assert value not in sent


def test_no_partner_mail_for_a_rolled_back_or_internal_referral(
    make_referral, mailboxes, partner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_referral("Taalhuis")
    assert partner.email not in [a for m in mail.outbox for a in m.to]
    # A write rolled back after the referral was made sends nothing either.
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        make_referral("Consultatiebureau")
        raise RuntimeError("iets anders ging mis")
    assert partner.email not in [a for m in mail.outbox for a in m.to]
