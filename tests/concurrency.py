"""Running service calls at the same moment, each on its own database connection."""

import contextvars
import threading
import time
from collections.abc import Callable

import pytest
from django.db import connection

THREAD_TIMEOUT = 30.0


def run_together(
    *functions: Callable[[], object],
    expected: tuple[type[BaseException], ...] = (),
    timeout: float = THREAD_TIMEOUT,
) -> list[object]:
    """Start every function in its own thread at the same moment; return what each returned.

    An exception of an `expected` type (a conflict the test is about) is returned in its place;
    any other exception is raised here, with the thread's traceback. A thread that has not
    finished within `timeout` seconds fails the test: a lock that never comes free is a bug,
    not a slow machine.
    """
    assert not (connection.vendor == "sqlite" and connection.is_in_memory_db()), (
        "run_together needs a database file: mark the test module with pytest.mark.file_db"
    )
    barrier = threading.Barrier(len(functions))
    results: list[object] = [None] * len(functions)
    errors: list[BaseException | None] = [None] * len(functions)

    def runner(index: int, function: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout)
            results[index] = function()
        except expected as exc:
            results[index] = exc
        except BaseException as exc:  # raised again in the test's own thread below
            errors[index] = exc
        finally:
            connection.close()

    # Each thread runs in a copy of the test's context, so it keeps the test's library scope
    # (django-scopes keeps it in a context variable, which a new thread would start without).
    threads = [
        threading.Thread(
            target=contextvars.copy_context().run,
            args=(runner, i, f),
            daemon=True,
            name=f"run_together-{i}",
        )
        for i, f in enumerate(functions)
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    stuck = [thread.name for thread in threads if thread.is_alive()]
    if stuck:
        pytest.fail(f"{', '.join(stuck)} did not finish within {timeout:.0f} s", pytrace=False)
    for error in errors:
        if error is not None:
            raise error
    return results
