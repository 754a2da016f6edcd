"""Background tasks (django-tasks): the worker (`manage.py db_worker`) sends invitations.

The task carries ids only. The set-password link is made when the mail is sent, so no link
that works as a key to an account ever sits in the task table.
"""

from django.contrib.auth import get_user_model
from django_tasks import task

from core.library import library_scope, no_library_scope

from . import services


@task()
def send_invitation(user_id: int, invited_by_id: int, base_url: str, attempt: int = 1) -> str:
    # Outside any request: the invitation is sent inside the invited colleague's library.
    library_id = (
        get_user_model()
        .objects.filter(pk=user_id)
        .values_list("profile__library_id", flat=True)
        .first()
    )
    with library_scope(library_id) if library_id is not None else no_library_scope():
        return services.invitation_send_queued(
            user_id=user_id, invited_by_id=invited_by_id, base_url=base_url, attempt=attempt
        )
