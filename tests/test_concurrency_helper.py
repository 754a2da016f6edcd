"""run_together itself: a stuck thread or an unexpected error fails the test, never passes it."""

import threading

import pytest

from tests.concurrency import run_together

pytestmark = pytest.mark.file_db


def test_results_come_back_in_order_and_expected_errors_are_returned():
    def conflict():
        raise LookupError("bezet")

    results = run_together(lambda: 1, conflict, expected=(LookupError,))
    assert results[0] == 1
    assert isinstance(results[1], LookupError)


def test_an_unexpected_error_in_a_thread_is_raised_in_the_test():
    def broken():
        raise ZeroDivisionError("kapot")

    with pytest.raises(ZeroDivisionError, match="kapot"):
        run_together(lambda: 1, broken, expected=(LookupError,))


def test_a_thread_that_does_not_finish_fails_the_test():
    release = threading.Event()
    try:
        with pytest.raises(pytest.fail.Exception, match="did not finish within"):
            run_together(lambda: 1, lambda: release.wait(10), timeout=0.3)
    finally:
        release.set()
