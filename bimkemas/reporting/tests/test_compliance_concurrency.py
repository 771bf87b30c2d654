"""Two compliance scans of one office at once (the nightly job and the command) write each
outcome once and open each violation once. A transactional test: each thread has its own
database connection."""

import datetime as dt
import threading

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connections
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteWrapper

from bimkemas.reporting.compliance import compliance_scan
from bimkemas.reporting.models import PeriodOutcome
from bimkemas.violations.models import Violation

DAY = dt.date(2026, 5, 10)
CASES = 5
_file_database: dict = {}


@pytest.fixture(autouse=True)
def _database_file(transactional_db, tmp_path):
    """SQLite's in-memory test database (a shared cache) fails a second writer at once
    instead of letting it wait as the application's database file does; so on SQLite this
    test runs on a file, migrated here. PostgreSQL runs as configured."""
    original = connections["default"]
    if not (isinstance(original, SQLiteWrapper) and original.is_in_memory_db()):
        yield
        return
    _file_database.update(original.settings_dict, NAME=str(tmp_path / "scan.sqlite3"))
    connections["default"] = _connect()
    call_command("migrate", verbosity=0)
    ContentType.objects.clear_cache()  # its ids belong to the other database
    yield
    connections["default"].close()
    connections["default"] = original
    _file_database.clear()
    ContentType.objects.clear_cache()


def _connect():
    return type(connections["default"])(dict(_file_database), "default")


def scan_in_thread(barrier, office_id, results, errors) -> None:
    if _file_database:
        connections["default"] = _connect()
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
