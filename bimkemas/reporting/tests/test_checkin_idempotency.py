"""The same idempotency key gives the same check-in, even when both arrive at once."""

import threading

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connections
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteWrapper
from django.utils import timezone

from bimkemas.core.errors import ApplicationError
from bimkemas.reporting.models import CheckIn
from bimkemas.reporting.services.checkins import IdempotencyKeyReused, checkin_record

THREADS = 8
_file_database: dict = {}


def test_it_returns_the_first_check_in_for_a_repeated_key(alice, case):
    at = timezone.now()
    first = checkin_record(
        actor=alice, case=case, channel="phone", occurred_at=at, idempotency_key="k-1"
    )
    again = checkin_record(
        actor=alice, case=case, channel="phone", occurred_at=at, idempotency_key="k-1"
    )
    assert again.pk == first.pk
    assert CheckIn.objects.count() == 1


def test_it_refuses_a_repeated_key_with_other_content(alice, case):
    at = timezone.now()
    checkin_record(actor=alice, case=case, channel="phone", occurred_at=at, idempotency_key="k")
    with pytest.raises(IdempotencyKeyReused):
        checkin_record(actor=alice, case=case, channel="video", occurred_at=at, idempotency_key="k")
    assert issubclass(IdempotencyKeyReused, ApplicationError)
    assert CheckIn.objects.count() == 1


def test_another_author_cannot_reuse_a_key_of_the_case(alice, bob, case):
    at = timezone.now()
    checkin_record(actor=alice, case=case, channel="phone", occurred_at=at, idempotency_key="k")
    with pytest.raises(IdempotencyKeyReused):
        checkin_record(actor=bob, case=case, channel="phone", occurred_at=at, idempotency_key="k")
    assert CheckIn.objects.count() == 1


@pytest.fixture
def _database_file(transactional_db, tmp_path):
    """SQLite's in-memory test database makes a second writer fail at once instead of
    waiting as the application's database file does; on SQLite run on a file."""
    original = connections["default"]
    if not (isinstance(original, SQLiteWrapper) and original.is_in_memory_db()):
        yield
        return
    _file_database.update(original.settings_dict, NAME=str(tmp_path / "race.sqlite3"))
    connections["default"] = _connect()
    call_command("migrate", verbosity=0)
    ContentType.objects.clear_cache()
    yield
    connections["default"].close()
    connections["default"] = original
    _file_database.clear()
    ContentType.objects.clear_cache()


def _connect():
    return type(connections["default"])(dict(_file_database), "default")


@pytest.mark.usefixtures("_database_file")
def test_simultaneous_submissions_with_one_key_make_one_check_in(request):
    alice = request.getfixturevalue("alice")
    case = request.getfixturevalue("case")
    at = timezone.now()
    barrier = threading.Barrier(THREADS)
    results: list = [None] * THREADS

    def send(index: int) -> None:
        if _file_database:
            connections["default"] = _connect()
        try:
            barrier.wait()
            results[index] = checkin_record(
                actor=alice,
                case=case,
                channel="chat",
                occurred_at=at,
                note="Lapor lewat WhatsApp",
                idempotency_key="race-1",
            ).pk
        except Exception as error:
            results[index] = error
        finally:
            connections["default"].close()

    threads = [threading.Thread(target=send, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert CheckIn.objects.count() == 1
    assert results == [CheckIn.objects.get().pk] * THREADS
