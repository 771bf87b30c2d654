"""Staff check-ins over the API: record with an Idempotency-Key, list, detail, review,
the review queue; bad input is refused and changes nothing."""

import datetime as dt

from django.utils import timezone

from bimkemas.reporting.models import CheckIn


def body(**overrides):
    data = {
        "channel": "phone",
        "occurred_at": timezone.now().replace(microsecond=0).isoformat(),
        "answers": {"condition": "Sehat", "plans": "Cari kerja"},
        "needs": ["work"],
    }
    data.update(overrides)
    return data


def post(api, case, data, key=None):
    headers = {"Idempotency-Key": key} if key else {}
    return api.client.post(
        f"/api/v1/cases/{case.public_id}/checkins",
        data,
        content_type="application/json",
        headers=headers,
    )


def test_it_records_a_phone_contact(api_as, alice, case):
    response = post(api_as(alice), case, body())
    assert response.status_code == 201, response.json()
    answer = response.json()
    assert answer["channel"] == "phone"
    assert answer["recorded_by"]["name"] == str(alice)
    assert answer["answers"] == {"condition": "Sehat", "plans": "Cari kerja"}
    assert answer["needs"] == ["work"]


def test_the_same_key_gives_the_same_record_and_answer(api_as, alice, case):
    api = api_as(alice)
    data = body()
    first = post(api, case, data, key="abc-1")
    second = post(api, case, data, key="abc-1")
    assert (first.status_code, second.status_code) == (201, 201)
    assert first.json() == second.json()
    assert CheckIn.objects.count() == 1


def test_the_same_key_with_another_body_is_a_422(api_as, alice, case):
    api = api_as(alice)
    post(api, case, body(), key="abc-2")
    response = post(api, case, body(channel="video"), key="abc-2")
    assert response.status_code == 422
    assert "Idempotency-Key" in response.json()["errors"]
    assert CheckIn.objects.count() == 1


def test_someone_elses_case_is_a_404(api_as, pat, erin, case):
    assert post(api_as(pat), case, body()).status_code == 404
    assert post(api_as(erin), case, body()).status_code == 404
    assert api_as(erin).get(f"/cases/{case.public_id}/checkins").status_code == 404
    assert not CheckIn.objects.exists()


def test_bad_input_is_refused_with_a_message(api_as, alice, case):
    api = api_as(alice)
    future = (timezone.now() + dt.timedelta(hours=2)).isoformat()
    response = post(api, case, body(occurred_at=future))
    assert response.status_code == 400
    assert "occurred_at" in response.json()["errors"]
    assert post(api, case, body(channel="app")).status_code == 422
    assert post(api, case, body(reporter="family")).status_code == 400
    assert post(api, case, body(answers={"salary": "x"})).status_code == 422
    assert not CheckIn.objects.exists()


def test_it_lists_shows_and_reviews(api_as, alice, bob, case):
    api = api_as(alice)
    created = post(api, case, body(wants_call_back=True)).json()
    assert created["review_status"] == "pending"
    assert created["concerns"] == ["call_back"]
    listed = api.get(f"/cases/{case.public_id}/checkins").json()
    assert [c["id"] for c in listed] == [created["id"]]
    assert api.get(f"/checkins/{created['id']}").json()["id"] == created["id"]
    queue = api_as(bob).get("/me/review-queue").json()
    assert [c["id"] for c in queue] == [created["id"]]
    assert queue[0]["client_name"] == "Budi Santoso"
    reviewed = api.post(f"/checkins/{created['id']}/review", {"note": "Sudah ditelepon"})
    assert reviewed.status_code == 200
    assert reviewed.json()["review_status"] == "reviewed"
    assert reviewed.json()["minutes_to_review"] == 0
    assert api.get("/me/review-queue").json() == []
    again = api.post(f"/checkins/{created['id']}/review", {"note": ""})
    assert again.status_code == 400


def test_only_the_officer_or_a_supervisor_reviews(api_as, alice, carol, case):
    created = post(api_as(alice), case, body(wants_call_back=True)).json()
    response = api_as(carol).post(f"/checkins/{created['id']}/review", {"note": ""})
    assert response.status_code == 400
    assert CheckIn.objects.get().review_status == "pending"
