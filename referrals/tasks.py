"""Background tasks (django-tasks): the worker (`manage.py db_worker`) runs them."""

from django_tasks import task

from . import services


@task()
def notify_new_referral(referral_id: int, attempt: int = 1) -> str:
    return services.referral_new_notify(referral_id=referral_id, attempt=attempt)
