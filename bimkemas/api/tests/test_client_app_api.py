import datetime as dt
import uuid

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from bimkemas.portal.tests.conftest import PIN, activate
from bimkemas.reporting.models import CheckIn
from bimkemas.reporting.services.client_app import access_issue_code
from bimkemas.testing import png_upload


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def token_for(case, pin=PIN) -> str:
    response = Client().post(
        "/api/v1/client-auth/token",
        {
            "register_number": case.register_number,
            "birth_date": str(case.client.birth_date),
            "pin": pin,
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    return response.json()["token"]


@pytest.fixture
def me(case, alice) -> Client:
    activate(case, alice)
    return Client(HTTP_AUTHORIZATION=f"Bearer {token_for(case)}")


def report(**extra):
    return {"condition": "okay", "activity": "Berdagang", "needs": ["money"], **extra}


def test_it_gives_a_token_for_the_right_pin_only(case, alice):
    activate(case, alice)

    wrong = Client().post(
        "/api/v1/client-auth/token",
        {
            "register_number": case.register_number,
            "birth_date": str(case.client.birth_date),
            "pin": "000001",
        },
        content_type="application/json",
    )

    assert wrong.status_code == 401
    assert "4 more wrong tries" in wrong.json()["detail"]
    assert token_for(case).startswith("lapor_")


def test_it_tells_the_client_their_duty_and_contacts(me, case, alice):
    response = me.get("/api/v1/me/reporting")

    body = response.json()
    assert response.status_code == 200
    assert body["register_number"] == case.register_number
    assert body["due"]["due_on"] == body["due"]["ends_on"]
    assert body["officer"]["name"] == alice.get_full_name()


def test_it_records_a_check_in_once_per_idempotency_key(me, case):
    key = str(uuid.uuid4())
    data = report(occurred_at=(timezone.now() - dt.timedelta(hours=5)).isoformat())

    first = me.post(
        "/api/v1/me/checkins", {**data, "selfie": png_upload()}, HTTP_IDEMPOTENCY_KEY=key
    )
    second = me.post(
        "/api/v1/me/checkins", {**data, "selfie": png_upload()}, HTTP_IDEMPOTENCY_KEY=key
    )

    assert first.status_code == second.status_code == 201, first.content
    assert first.json() == second.json()
    assert CheckIn.objects.count() == 1
    assert CheckIn.objects.get().case == case
    assert first.json()["has_selfie"] is True


def test_a_retry_that_did_not_say_when_is_the_same_check_in(me, case):
    key = str(uuid.uuid4())

    first = me.post("/api/v1/me/checkins", report(), HTTP_IDEMPOTENCY_KEY=key)
    second = me.post("/api/v1/me/checkins", report(), HTTP_IDEMPOTENCY_KEY=key)

    assert first.status_code == second.status_code == 201, second.content
    assert first.json() == second.json()
    assert CheckIn.objects.count() == 1


def test_it_takes_up_to_three_photos_of_the_day(me):
    two = me.post("/api/v1/me/checkins", {**report(), "photos": [png_upload(), png_upload()]})
    four = me.post("/api/v1/me/checkins", {**report(), "photos": [png_upload()] * 4})

    assert two.status_code == 201 and two.json()["photos"] == 2
    assert four.status_code == 400
    assert CheckIn.objects.count() == 1


def test_it_refuses_the_same_key_with_another_report(me):
    key = str(uuid.uuid4())
    me.post("/api/v1/me/checkins", report(), HTTP_IDEMPOTENCY_KEY=key)

    response = me.post("/api/v1/me/checkins", report(activity="Lain"), HTTP_IDEMPOTENCY_KEY=key)

    assert response.status_code == 422
    assert CheckIn.objects.count() == 1


def test_it_lists_only_my_own_check_ins(me, case, make_case, pat):
    other_case = make_case(officer=pat, identity={"full_name": "Andi Wijaya"})
    activate(other_case, pat, pin="739164")
    other = Client(HTTP_AUTHORIZATION=f"Bearer {token_for(other_case, '739164')}")
    other.post("/api/v1/me/checkins", report())
    me.post("/api/v1/me/checkins", report(activity="Punyaku"))

    mine = me.get("/api/v1/me/checkins").json()

    assert [c["answers"]["activity"] for c in mine] == ["Punyaku"]


def test_a_client_token_never_reaches_staff_endpoints(me, case):
    for path in ("/api/v1/clients", f"/api/v1/cases/{case.public_id}", "/api/v1/me/work-items"):
        assert me.get(path).status_code == 401, path


def test_a_staff_token_never_reaches_client_endpoints(api_as, alice, case):
    staff = api_as(alice)

    assert staff.get("/me/reporting").status_code == 401
    assert staff.get("/me/checkins").status_code == 401
    assert staff.client.post("/api/v1/me/checkins", report()).status_code == 401
    assert not CheckIn.objects.exists()


def test_a_staff_session_never_reaches_client_endpoints(client, alice):
    client.force_login(alice)

    assert client.get("/api/v1/me/reporting").status_code == 401


def test_the_officers_reset_revokes_the_token(me, case, alice):
    access_issue_code(actor=alice, client=case.client)

    assert me.get("/api/v1/me/reporting").status_code == 401


def test_signing_out_revokes_the_token(me):
    assert me.delete("/api/v1/client-auth/token").status_code == 204

    assert me.get("/api/v1/me/checkins").status_code == 401
