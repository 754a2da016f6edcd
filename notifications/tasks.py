"""Background tasks (django-tasks). The worker (`manage.py db_worker`) runs them."""

import datetime

from django_tasks import task

from . import services


@task()
def send_notification_email(notification_id: int, attempt: int = 1) -> str:
    return services.notification_email_send(notification_id=notification_id, attempt=attempt)


@task()
def send_digest(user_id: int, before: str, attempt: int = 1) -> str:
    return services.digest_send(
        user_id=user_id, before=datetime.datetime.fromisoformat(before), attempt=attempt
    )


@task()
def send_address_email(to: str, subject: str, body: str, link: str, attempt: int = 1) -> str:
    return services.address_email_send(
        to=to, subject=subject, body=body, link=link, attempt=attempt
    )
