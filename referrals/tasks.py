"""Background tasks (django-tasks): the worker (`manage.py db_worker`) runs them.

A task runs outside any request, so it enters the scope of the referral's library first.
"""

from django_tasks import task

from core.library import library_scope, scopes_disabled

from . import services
from .models import Referral


@task()
def notify_new_referral(referral_id: int, attempt: int = 1) -> str:
    # The id comes from our own enqueue; which library it belongs to is the one lookup that
    # has to look across libraries.
    with scopes_disabled():
        library_id = (
            Referral.objects.filter(pk=referral_id).values_list("library_id", flat=True).first()
        )
    if library_id is None:
        return "verwijzing bestaat niet meer"
    with library_scope(library_id):
        return services.referral_new_notify(referral_id=referral_id, attempt=attempt)
