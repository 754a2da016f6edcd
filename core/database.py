"""Telling a database that is busy (a lock held too long) from one that is broken, and keeping
PostgreSQL's planner statistics fresh after a bulk load."""

from django.db import DatabaseError, OperationalError, connections

# PostgreSQL: lock_not_available, query_canceled (statement/lock timeout), deadlock,
# serialization failure. All say "try again", none says "something is wrong with your input".
BUSY_SQLSTATES = {"55P03", "57014", "40P01", "40001"}
BUSY_MESSAGES = ("database is locked", "database table is locked", "lock timeout")


def is_busy(exc: BaseException) -> bool:
    if not isinstance(exc, DatabaseError):
        return False
    cause = exc.__cause__
    if getattr(cause, "sqlstate", None) in BUSY_SQLSTATES:
        return True
    return isinstance(exc, OperationalError) and any(
        text in str(exc).lower() for text in BUSY_MESSAGES
    )


def analyze(using: str = "default") -> bool:
    """Refresh PostgreSQL's planner statistics after loading many rows at once.

    Without them (autovacuum off, or before it comes round) the planner guesses: at 100k
    referrals the list then sorts every row instead of reading an index, three times slower.
    SQLite plans without statistics; there this does nothing. True when it ran.
    """
    connection = connections[using]
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return True
