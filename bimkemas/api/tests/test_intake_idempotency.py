"""POST /api/v1/intake with an Idempotency-Key: a repeated request gets the first answer."""

import pytest

from bimkemas.api.tests.intake_payload import intake_payload
from bimkemas.clients.models import Client, SupervisionCase


@pytest.fixture
def payload(work_area, pb, facility):
    return intake_payload(work_area, facility)


def post(api, payload, key):
    return api.client.post(
        "/api/v1/intake", payload, content_type="application/json", headers={"Idempotency-Key": key}
    )


def test_it_answers_a_repeated_request_with_the_first_result(api_as, carol, payload):
    api = api_as(carol)

    first = post(api, payload, "7d0f6c1e-intake-1")
    again = post(api, payload, "7d0f6c1e-intake-1")

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert Client.objects.count() == 1
    assert SupervisionCase.objects.count() == 1


def test_it_refuses_the_same_key_with_another_body(api_as, carol, payload):
    api = api_as(carol)
    post(api, payload, "key-1")
    payload["case"]["sk_number"] = "PAS-100.PK.05.09 TAHUN 2026"

    response = post(api, payload, "key-1")

    assert response.status_code == 422
    body = response.json()
    assert "already used for a different intake" in body["detail"]
    assert set(body) == {"detail", "errors"}
    assert SupervisionCase.objects.count() == 1


def test_keys_belong_to_their_user(api_as, carol, bob, payload, work_area, facility):
    post(api_as(carol), payload, "shared-key")
    other_person = intake_payload(work_area, facility, full_name="Sri Wahyuni", sex="P", nik="")

    response = post(api_as(bob), other_person, "shared-key")

    assert response.status_code == 201
    assert Client.objects.count() == 2


def test_a_key_is_printable_and_short(api_as, carol, payload):
    response = post(api_as(carol), payload, "x" * 101)

    assert response.status_code == 422
    assert Client.objects.count() == 0
