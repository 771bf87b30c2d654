"""Two compliance scans of one office at once (the nightly job and the command) write each
outcome once and open each violation once. A transactional test: each thread has its own
database connection."""

import datetime as dt
import threading

import pytest
from django.db import connections

from bimkemas.reporting.compliance import compliance_scan
from bimkemas.reporting.models import PeriodOutcome
from bimkemas.testing import connect_thread, database_for_threads
from bimkemas.violations.models import Violation

DAY = dt.date(2026, 5, 10)
CASES = 5


@pytest.fixture(autouse=True)
def _database_file(transactional_db, tmp_path):
    with database_for_threads(tmp_path):
        yield


def scan_in_thread(barrier, office_id, results, errors) -> None:
    connect_thread()
    try:
        barrier.wait()
        results.append(compliance_scan(day=DAY, office_id=office_id))
    except Exception as error:  # reported by the test below
        errors.append(error)
    finally:
        connections["default"].close()


def test_it_writes_each_outcome_once_when_two_scans_overlap(make_case, alice, office):
    for number in range(CASES):
        make_case(
            officer=alice,
            case={"guidance_start": dt.date(2026, 1, 1)},
            identity={"full_name": f"Klien Nomor {'ABCDE'[number]}"},
        )
    barrier = threading.Barrier(2)
    results: list = []
    errors: list[Exception] = []
    threads = [
        threading.Thread(target=scan_in_thread, args=(barrier, office.pk, results, errors))
        for _ in range(2)
    ]

    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert PeriodOutcome.objects.count() == CASES * 4  # January to April
    assert Violation.objects.count() == CASES
    assert sum(len(result.violations) for result in results) == CASES
