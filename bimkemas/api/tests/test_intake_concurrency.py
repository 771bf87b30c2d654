"""Simultaneous intakes of one person: the duplicate check and the idempotency key hold when
requests race (SQLite runs one writer at a time; PostgreSQL takes a lock on the office)."""

import threading

import pytest
from django.db import connections

from bimkemas.api.tests.intake_payload import intake_payload
from bimkemas.clients.models import Client, SupervisionCase
from bimkemas.testing import connect_thread, database_for_threads

REQUESTS = 10


@pytest.fixture(autouse=True)
def _database_file(transactional_db, tmp_path):
    with database_for_threads(tmp_path):
        yield


def fire_together(api, payload, headers=None) -> list:
    """Send the same intake from REQUESTS threads at once; return the responses."""
    barrier = threading.Barrier(REQUESTS)
    responses: list = [None] * REQUESTS

    def send(index: int) -> None:
        connect_thread()
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
