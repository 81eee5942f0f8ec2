"""Thread races for the concurrency tests. They need PostgreSQL: SQLite serialises writers."""

import threading

import pytest
from django.db import connection

from common.errors import ServiceError

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="thread races need PostgreSQL (set DATABASE_URL); SQLite serialises writers",
)
BARRIER_TIMEOUT_S = 30  # a safety net against a hang, not a timing assumption


def run_together(calls, *, released_together=False):
    """Run each call in a thread of its own (all released at the same moment when `released_together`).

    Returns (results, errors): what each call returned or the ServiceError it raised; any other exception
    (an IntegrityError that escaped, say) fails the test.
    """
    barrier = threading.Barrier(len(calls), timeout=BARRIER_TIMEOUT_S) if released_together else None
    results, errors, unexpected = [], [], []

    def run(call):
        try:
            if barrier:
                barrier.wait()
            results.append(call())
        except ServiceError as error:
            errors.append(error)
        except Exception as error:  # noqa: BLE001 - reported below as the test's failure
            unexpected.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not unexpected, unexpected
    return results, errors
