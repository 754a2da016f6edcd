"""Settings for the test suite: the normal settings, made fast and quiet.

DATABASE_URL still chooses the database, so the same suite runs on SQLite and PostgreSQL.
"""

import os

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"handlers": [], "level": "WARNING"},
}

# On SQLite the suite runs in memory (Django's shared-cache memory database, one per xdist
# worker): no file to write, nothing left behind. Tests marked `file_db` (threads on their own
# connections, tests/concurrency.py) need a real file instead, because the shared cache fails a
# table lock at once where a real installation waits: tests/conftest.py switches the whole run
# to SQLITE_TEST_FILE when such a test is selected. `make pytest` runs them on their own.
SQLITE_TEST_FILE = BASE_DIR / "test-artifacts" / f"test-{os.getpid()}.sqlite3"  # noqa: F405

# Tasks run at once in the request; tests of the worker switch to the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WEGWIJZER_BASE_URL = "https://wegwijzer.example.org"

# The PDF render limit counts renders across processes through files in this folder. Parallel
# test processes (pytest-xdist) are not one server: each gets its own folder, or one process's
# PDF test would take the "server-wide" slot another process's test relies on.
WEGWIJZER_LOCK_DIR = WEGWIJZER_LOCK_DIR.parent / f"{WEGWIJZER_LOCK_DIR.name}-{os.getpid()}"  # noqa: F405
