"""Writes for notifications. Other apps call `notify` from their own services.

This app never imports a domain app: the caller says who, what and where (a path it reversed
itself); reminders come to it through each app's `reminders.py` (see send_reminders).
"""

import datetime
import logging
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .emails import absolute_url, build_address_message, build_message
from .events import EmailChoice, Event
from .models import EmailStatus, Notification, Preference

logger = logging.getLogger(__name__)

# Attempts per e-mail, and the wait before each retry (seconds).
MAX_EMAIL_ATTEMPTS = 4
RETRY_DELAYS = (60, 10 * 60, 60 * 60)


_silenced: ContextVar[bool] = ContextVar("notifications_silenced", default=False)


@contextmanager
def silenced() -> Iterator[None]:
    """Notify nobody inside this block: loading demo or benchmark data is news to no one,
    and must not mail a round of invitations from years ago."""
    token = _silenced.set(True)
    try:
        yield
    finally:
        _silenced.reset(token)


def is_silenced() -> bool:
    """True inside `silenced()`: for callers that hand the telling to a task, which runs
    later, outside the block."""
    return _silenced.get()


def _email_status(user: AbstractBaseUser, choice: str) -> str:
    if not user.email or choice == EmailChoice.NONE:
        return EmailStatus.SKIPPED
    if choice == EmailChoice.DIGEST:
        return EmailStatus.DIGEST
    return EmailStatus.PENDING


@transaction.atomic
def notify(
    *,
    recipients: Iterable[AbstractBaseUser | None],
    event: str,
    title: str,
    body: str = "",
    url: str = "",
    key: str = "",
    actor: AbstractBaseUser | None = None,
) -> list[Notification]:
    """Tell each recipient in the app, and by e-mail as they prefer.

    The e-mail is a background task enqueued in the caller's transaction: nothing is sent
    in the request, and nothing is sent for a write that is rolled back. With `key`, a
    recipient who already had a notification with that key gets nothing new. The `actor`,
    who did what the notification is about, is not told about it.
    """
    if event not in Event.values:
        raise ValueError(f"unknown event {event!r}")
    if _silenced.get():
        return []
    users = {u.pk: u for u in recipients if u is not None and u.is_active}
    if actor is not None:
        users.pop(actor.pk, None)
    if not users:
        return []
    full_key = f"{event}:{key}" if key else ""
    if full_key:
        already = Notification.objects.filter(key=full_key, recipient_id__in=users.keys())
        for pk in already.values_list("recipient_id", flat=True):
            users.pop(pk, None)
    choices = dict(
        Preference.objects.filter(user_id__in=users.keys(), event=event).values_list(
            "user_id", "email"
        )
    )
    rows = []
    for user in users.values():
        row = Notification(
            recipient=user,
            event=event,
            title=title[:200],
            body=body[:1000],
            url=url,
            key=full_key,
            email_status=_email_status(user, choices.get(user.pk, EmailChoice.IMMEDIATE)),
        )
        row.full_clean(exclude=["recipient"], validate_unique=False, validate_constraints=False)
        rows.append(row)
    if full_key:
        created = []
        for row in rows:
            try:
                # A second run racing this one already told them: skip, don't fail.
                with transaction.atomic():
                    row.save()
            except IntegrityError:
                continue
            created.append(row)
    else:
        created = Notification.objects.bulk_create(rows)
    from .tasks import send_notification_email

    for row in created:
        if row.email_status == EmailStatus.PENDING:
            send_notification_email.enqueue(row.pk)
    return created


def email_to_address(*, to: str, subject: str, body: str, url: str = "") -> None:
    """An e-mail to someone without an account here (a partner contact), with no row in the app.

    The caller gives the text; `url` is a path in the app and becomes a full link. It is a
    background task enqueued when the caller's transaction commits, so a write that is rolled
    back sends nothing and the request does not wait for the mail server.
    """
    if _silenced.get() or not to:
        return
    from .tasks import send_address_email

    link = absolute_url(url)
    transaction.on_commit(lambda: send_address_email.enqueue(to, subject, body, link))


def address_email_send(*, to: str, subject: str, body: str, link: str, attempt: int = 1) -> str:
    """Send one e-mail to a plain address; a failure is retried later and shown to beheer."""
    from .tasks import send_address_email

    try:
        build_address_message(to=to, subject=subject, body=body, link=link).send()
    except Exception:
        retry_later(send_address_email, [to, subject, body, link], attempt)
        logger.warning("E-mail to a plain address failed (attempt %s)", attempt)
        raise
    return "verstuurd"


def retry_later(task, args: list, attempt: int) -> bool:
    """Schedule the next attempt of a failed task (any app's, called `task(*args,
    attempt=…)`) if the backend can wait; True when scheduled."""
    if attempt >= MAX_EMAIL_ATTEMPTS or not task.get_backend().supports_defer:
        return False
    delay = RETRY_DELAYS[min(attempt, len(RETRY_DELAYS)) - 1]
    run_after = timezone.now() + datetime.timedelta(seconds=delay)
    task.using(run_after=run_after).enqueue(*args, attempt=attempt + 1)
    return True


def _record_failure(ids: list[int], attempt: int, exc: Exception, final: bool) -> None:
    Notification.objects.filter(pk__in=ids).update(
        email_attempts=attempt,
        email_error=f"{type(exc).__name__}: {exc}"[:300],
        **({"email_status": EmailStatus.FAILED} if final else {}),
    )


def notification_email_send(*, notification_id: int, attempt: int = 1) -> str:
    """Send one notification's e-mail, at most once.

    The row is locked and marked sent in the same transaction as the sending: a second
    worker, or a retry after a crash before the commit, finds it sent (or still locked) and
    does nothing. A failure is recorded, retried later, and raised so the task shows as
    failed for beheer.
    """
    from .tasks import send_notification_email

    try:
        with transaction.atomic():
            row = (
                Notification.objects.select_for_update(of=("self",))
                .select_related("recipient")
                .filter(pk=notification_id, email_status=EmailStatus.PENDING)
                .first()
            )
            if row is None or not row.recipient.email:
                return "niets te versturen"
            build_message(user=row.recipient, notifications=[row]).send()
            row.email_status = EmailStatus.SENT
            row.email_sent_at = timezone.now()
            row.email_attempts = attempt
            row.email_error = ""
            row.save(
                update_fields=["email_status", "email_sent_at", "email_attempts", "email_error"]
            )
            return "verstuurd"
    except Exception as exc:
        scheduled = retry_later(send_notification_email, [notification_id], attempt)
        _record_failure([notification_id], attempt, exc, final=not scheduled)
        logger.warning("E-mail for notification %s failed (attempt %s)", notification_id, attempt)
        raise


def digest_send(*, user_id: int, before: datetime.datetime, attempt: int = 1) -> str:
    """Send one user's digest: every notification waiting for it from before `before`."""
    from .tasks import send_digest

    ids: list[int] = []
    try:
        with transaction.atomic():
            rows = list(
                Notification.objects.select_for_update(of=("self",))
                .select_related("recipient")
                .filter(
                    recipient_id=user_id, email_status=EmailStatus.DIGEST, created_at__lt=before
                )
                .order_by("created_at", "pk")
            )
            ids = [row.pk for row in rows]
            if not rows or not rows[0].recipient.email:
                return "niets te versturen"
            build_message(user=rows[0].recipient, notifications=rows).send()
            Notification.objects.filter(pk__in=ids).update(
                email_status=EmailStatus.SENT,
                email_sent_at=timezone.now(),
                email_attempts=attempt,
                email_error="",
            )
            return "verstuurd"
    except Exception as exc:
        # The rows stay waiting for the digest; the next attempt (or tomorrow's) takes them.
        scheduled = retry_later(send_digest, [user_id, before.isoformat()], attempt)
        _record_failure(ids, attempt, exc, final=False)
        logger.warning(
            "Digest for user %s failed (attempt %s, retry: %s)", user_id, attempt, scheduled
        )
        raise


def digests_enqueue(*, now: datetime.datetime | None = None) -> int:
    """Enqueue a digest for everyone with notifications from before today waiting for one.

    Only notifications from before midnight count, so a second run on the same day finds
    nothing new to send.
    """
    from .tasks import send_digest

    now = now or timezone.now()
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    user_ids = (
        Notification.objects.filter(email_status=EmailStatus.DIGEST, created_at__lt=midnight)
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    count = 0
    for user_id in user_ids:
        send_digest.enqueue(user_id, midnight.isoformat())
        count += 1
    return count


def notification_mark_read(*, notification: Notification, user: AbstractBaseUser) -> None:
    if notification.recipient_id != user.pk:
        raise ValidationError(_("Deze melding is niet voor jou."))
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=timezone.now()
        )


def notifications_mark_all_read(*, user: AbstractBaseUser) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def preferences_set(*, user: AbstractBaseUser, choices: Mapping[str, str]) -> None:
    """Store the user's e-mail choice per event; the default (direct) needs no row."""
    for event, choice in choices.items():
        if event not in Event.values or choice not in EmailChoice.values:
            raise ValidationError(_("Kies voor elke soort melding een van de mogelijkheden."))
    for event, choice in choices.items():
        if choice == EmailChoice.IMMEDIATE:
            Preference.objects.filter(user=user, event=event).delete()
        else:
            Preference.objects.update_or_create(user=user, event=event, defaults={"email": choice})


@transaction.atomic
def notification_email_retry(*, notification: Notification) -> None:
    """Try a failed e-mail again from the first attempt (beheer, after fixing the cause)."""
    from .tasks import send_notification_email

    row = Notification.objects.select_for_update().get(pk=notification.pk)
    if row.email_status != EmailStatus.FAILED:
        raise ValidationError(_("Deze e-mail is niet mislukt; er is niets opnieuw te proberen."))
    row.email_status = EmailStatus.PENDING
    row.email_attempts = 0
    row.save(update_fields=["email_status", "email_attempts"])
    send_notification_email.enqueue(row.pk)
