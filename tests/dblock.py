"""Hold a lock from a second database connection, as a colleague's long save would."""

import contextlib
import sqlite3

from django.db import connection


@contextlib.contextmanager
def held_lock(table: str, *, block_reads: bool = False):
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        assert not connection.is_in_memory_db(), (
            "held_lock needs a database file: mark the test with pytest.mark.file_db"
        )
        other = sqlite3.connect(settings["NAME"], timeout=0, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE" if block_reads else "BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    import psycopg

    other = psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        password=settings["PASSWORD"] or None,
    )
    try:
        mode = "ACCESS EXCLUSIVE" if block_reads else "EXCLUSIVE"
        other.execute(f"LOCK TABLE {table} IN {mode} MODE")
        yield
    finally:
        other.rollback()
        other.close()
