"""Simultaneous intakes of one person: the duplicate check and the idempotency key hold when
requests race (SQLite runs one writer at a time; PostgreSQL takes a lock on the office)."""

import threading

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connections
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteWrapper

from bimkemas.api.tests.intake_payload import intake_payload
from bimkemas.clients.models import Client, SupervisionCase

REQUESTS = 10
_file_database: dict = {}


@pytest.fixture(autouse=True)
def _database_file(transactional_db, tmp_path):
    """SQLite's in-memory test database (a "shared cache") makes a second writer fail at once
    instead of waiting its turn as it does in the database file the application uses; so on
    SQLite these tests run on a file, migrated here. PostgreSQL runs as configured."""
    original = connections["default"]
    if not (isinstance(original, SQLiteWrapper) and original.is_in_memory_db()):
        yield
        return
    _file_database.update(original.settings_dict, NAME=str(tmp_path / "race.sqlite3"))
    connections["default"] = _connect()
    call_command("migrate", verbosity=0)
    ContentType.objects.clear_cache()  # its ids belong to the other database
    yield
    connections["default"].close()
    connections["default"] = original
    _file_database.clear()
    ContentType.objects.clear_cache()


def _connect():
    wrapper = type(connections["default"])
    return wrapper(dict(_file_database), "default")


def fire_together(api, payload, headers=None) -> list:
    """Send the same intake from REQUESTS threads at once; return the responses."""
    barrier = threading.Barrier(REQUESTS)
    responses: list = [None] * REQUESTS

    def send(index: int) -> None:
        if _file_database:
            connections["default"] = _connect()
        try:
            barrier.wait()
            responses[index] = api.client.post(
                "/api/v1/intake", payload, content_type="application/json", headers=headers
            )
        finally:
            connections["default"].close()

    threads = [threading.Thread(target=send, args=(i,)) for i in range(REQUESTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


@pytest.fixture
def payload(work_area, pb, facility):
    return intake_payload(work_area, facility, nik="")  # only name and birth date can match


@pytest.mark.django_db(transaction=True)
def test_it_registers_one_person_when_the_same_intake_races(api_as, carol, payload):
    responses = fire_together(api_as(carol), payload)

    statuses = sorted(response.status_code for response in responses)
    assert statuses == [201] + [409] * (REQUESTS - 1)
    assert Client.objects.count() == 1
    assert SupervisionCase.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_it_registers_one_person_when_a_keyed_confirmed_intake_races(api_as, carol, payload):
    payload["confirm_new_person"] = True

    responses = fire_together(api_as(carol), payload, headers={"Idempotency-Key": "race-1"})

    assert [response.status_code for response in responses] == [201] * REQUESTS
    assert len({response.content for response in responses}) == 1
    assert Client.objects.count() == 1
    assert SupervisionCase.objects.count() == 1
