"""/gezond/ tells the host's monitoring the truth, quickly."""

import time

import pytest
from django.db import connection
from django.urls import reverse

from tests.dblock import held_lock


@pytest.mark.django_db
def test_an_empty_database_is_not_healthy(client):
    # A database without the app's tables (never migrated, or half restored) still answers
    # "SELECT 1"; the check reads a real table.
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE wegwijzer_library RENAME TO wegwijzer_library_weg")
    try:
        response = client.get(reverse("health"))
    finally:
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE wegwijzer_library_weg RENAME TO wegwijzer_library")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unreachable"}


@pytest.mark.file_db
@pytest.mark.django_db(transaction=True)
def test_a_locked_database_is_reported_within_seconds(client):
    with held_lock("wegwijzer_library", block_reads=True):
        started = time.monotonic()
        response = client.get(reverse("health"))
        elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "busy"}
    assert elapsed < 4
    # The short timeout was for the check only: the next request is healthy again.
    assert client.get(reverse("health")).json() == {"status": "ok", "database": "ok"}
