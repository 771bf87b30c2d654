"""The same idempotency key gives the same check-in, even when both arrive at once."""

import threading

import pytest
from django.db import connections
from django.utils import timezone

from bimkemas.core.errors import ApplicationError
from bimkemas.reporting.models import CheckIn
from bimkemas.reporting.services.checkins import IdempotencyKeyReused, checkin_record
from bimkemas.testing import connect_thread, database_for_threads

THREADS = 8


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
    with database_for_threads(tmp_path):
        yield


@pytest.mark.usefixtures("_database_file")
def test_simultaneous_submissions_with_one_key_make_one_check_in(request):
    alice = request.getfixturevalue("alice")
    case = request.getfixturevalue("case")
    at = timezone.now()
    barrier = threading.Barrier(THREADS)
    results: list = [None] * THREADS

    def send(index: int) -> None:
        connect_thread()
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
