"""Background tasks (django-tasks): the worker (`manage.py db_worker`) sends invitations.

The task carries ids only. The set-password link is made when the mail is sent, so no link
that works as a key to an account ever sits in the task table.
"""

from django_tasks import task

from . import services


@task()
def send_invitation(user_id: int, invited_by_id: int, base_url: str, attempt: int = 1) -> str:
    return services.invitation_send_queued(
        user_id=user_id, invited_by_id=invited_by_id, base_url=base_url, attempt=attempt
    )
