from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection, transaction
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .database import is_busy
from .models import Library

# Monitoring wants an answer within seconds; a page waits longer for a lock than this.
HEALTH_TIMEOUT_MS = 2000


@require_GET
@never_cache
@login_not_required
def health(request: HttpRequest) -> JsonResponse:
    """For the host's monitoring: 200 when the app's own tables answer within two seconds,
    503 when the database is unreachable, not migrated (empty) or locked."""
    try:
        if connection.vendor == "postgresql":
            with transaction.atomic():
                _short_timeout()
                _read()
                _reset_local_timeout()
        else:
            # No transaction: SQLite's BEGIN IMMEDIATE would wait for the write lock.
            _short_timeout()
            _read()
    except DatabaseError as exc:
        state = "busy" if is_busy(exc) else "unreachable"
        return JsonResponse({"status": "error", "database": state}, status=503)
    finally:
        _restore_timeout()
    return JsonResponse({"status": "ok", "database": "ok"})


def _read() -> None:
    # A real table, not "SELECT 1": an empty or half-restored database fails here.
    Library.objects.only("pk").first()


def _short_timeout() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # For this transaction only.
            cursor.execute(f"SET LOCAL lock_timeout = {HEALTH_TIMEOUT_MS}")
            cursor.execute(f"SET LOCAL statement_timeout = {HEALTH_TIMEOUT_MS}")
        elif connection.vendor == "sqlite":
            cursor.execute(f"PRAGMA busy_timeout = {HEALTH_TIMEOUT_MS}")


def _reset_local_timeout() -> None:
    # Only matters inside an outer transaction (the tests); in autocommit SET LOCAL ends here.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = DEFAULT")
            cursor.execute("SET LOCAL statement_timeout = DEFAULT")


def _restore_timeout() -> None:
    if connection.vendor != "sqlite" or connection.connection is None:
        return
    timeout = connection.settings_dict.get("OPTIONS", {}).get("timeout", 5)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {int(float(timeout) * 1000)}")
    except DatabaseError:
        connection.close()  # the next request opens a fresh one with the normal timeout
