"""The home-visit API: plan, record (Idempotency-Key), cancel, a case's visits, my visits
and my day route; other offices and the national viewer get 404."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from bimkemas.core.dates import today
from bimkemas.reporting.models import CheckIn
from bimkemas.testing import PNG_BYTES
from bimkemas.visits.models import HomeVisit, VisitStatus
from bimkemas.visits.services import visit_plan
from bimkemas.visits.tests.conftest import set_home

pytestmark = pytest.mark.django_db


def record_body(**overrides):
    data = {
        "visited_at": (timezone.now() - dt.timedelta(minutes=3)).replace(microsecond=0).isoformat(),
        "latitude": "-2.99",
        "longitude": "104.76",
        "accuracy_m": 10,
        "persons_met": [
            {"kind": "family", "name": "Siti"},
            {"kind": "bhabinkamtibmas", "name": "Bripka Andi"},
        ],
        "findings": "Klien bekerja di pasar.",
    }
    data.update(overrides)
    return data


def post_record(api, case, data, key=None):
    headers = {"Idempotency-Key": key} if key else {}
    return api.client.post(
        f"/api/v1/cases/{case.public_id}/visit-records",
        data,
        content_type="application/json",
        headers=headers,
    )


def test_it_plans_lists_and_cancels(api_as, alice, case):
    api = api_as(alice)
    day = today() + dt.timedelta(days=1)
    response = api.post(
        f"/cases/{case.public_id}/visits", {"planned_on": day.isoformat(), "reason": "routine"}
    )
    assert response.status_code == 201, response.json()
    visit_id = response.json()["id"]
    mine = api.get("/me/visits").json()
    assert [v["id"] for v in mine] == [visit_id]
    assert api.get(f"/cases/{case.public_id}/visits").json()[0]["status"] == "planned"
    cancelled = api.post(f"/visits/{visit_id}/cancel", {"reason": "Banjir"})
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert api.post(f"/visits/{visit_id}/cancel", {}).status_code == 400


def test_a_plan_in_the_past_is_a_400(api_as, alice, case):
    response = api_as(alice).post(
        f"/cases/{case.public_id}/visits",
        {"planned_on": (today() - dt.timedelta(days=2)).isoformat(), "reason": "routine"},
    )
    assert response.status_code == 400
    assert "planned_on" in response.json()["errors"]


def test_it_records_a_visit_once_per_key(api_as, alice, case):
    api = api_as(alice)
    first = post_record(api, case, record_body(), key="api-1")
    again = post_record(api, case, record_body(), key="api-1")
    assert first.status_code == again.status_code == 201, first.json()
    assert first.json()["id"] == again.json()["id"]
    assert first.json()["checkin"] == str(CheckIn.objects.get().public_id)
    other = post_record(api, case, record_body(findings="Lain"), key="api-1")
    assert other.status_code == 422
    assert HomeVisit.objects.count() == 1


def test_the_key_may_come_in_the_body_and_is_required(api_as, alice, case):
    api = api_as(alice)
    assert post_record(api, case, record_body()).status_code == 422
    assert post_record(api, case, record_body(idempotency_key="body-1")).status_code == 201


def test_it_records_a_planned_visit_and_adds_photos(api_as, alice, case):
    api = api_as(alice)
    planned = visit_plan(actor=alice, case=case, planned_on=today(), reason="three_misses")
    response = post_record(
        api,
        case,
        record_body(visit=str(planned.public_id), outcome="not_found", findings=""),
        key="p-1",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["status"] == "not_found" and response.json()["id"] == str(
        planned.public_id
    )
    photo = api.client.post(
        f"/api/v1/visits/{planned.public_id}/photos",
        {"photo": SimpleUploadedFile("a.png", PNG_BYTES, content_type="image/png")},
    )
    assert photo.status_code == 201, photo.json()
    assert len(photo.json()["photos"]) == 1


def test_a_future_visit_is_refused(api_as, alice, case):
    future = (timezone.now() + dt.timedelta(hours=2)).isoformat()
    response = post_record(api_as(alice), case, record_body(visited_at=future), key="f-1")
    assert response.status_code == 400
    assert not HomeVisit.objects.exists()


def test_my_visit_route_orders_the_days_stops(api_as, alice, make_case, office_located):
    for name, lat, lon in (("Far", "-2.90", "104.60"), ("Near", "-2.98", "104.75")):
        c = make_case(officer=alice, identity={"full_name": name, "nik": None})
        set_home(c, lat, lon)
        visit_plan(actor=alice, case=c, planned_on=today(), reason="routine")
    route = api_as(alice).get("/me/visit-route", day=today().isoformat()).json()
    assert [s["visit"]["client_name"] for s in route["stops"]] == ["Near", "Far"]
    assert route["total_m"] == sum(s["leg_m"] for s in route["stops"])
    assert route["speed_kmh"] == 30 and route["office_located"] is True


@pytest.mark.parametrize("persona", ["erin", "nina", "pat", "carol"])
def test_others_cannot_plan_or_record(api_as, case, persona, request):
    api = api_as(request.getfixturevalue(persona))
    plan = api.post(
        f"/cases/{case.public_id}/visits", {"planned_on": today().isoformat(), "reason": "routine"}
    )
    assert plan.status_code == 404
    assert post_record(api, case, record_body(), key="x").status_code == 404
    assert not HomeVisit.objects.exists()


@pytest.mark.parametrize("persona", ["erin", "nina"])
def test_other_offices_do_not_see_the_cases_visits(api_as, case, persona, request, alice):
    planned = visit_plan(actor=alice, case=case, planned_on=today(), reason="routine")
    api = api_as(request.getfixturevalue(persona))
    assert api.get(f"/cases/{case.public_id}/visits").status_code == 404
    assert api.get(f"/visits/{planned.public_id}").status_code == 404


def test_the_supervisor_plans_and_records(api_as, bob, case):
    api = api_as(bob)
    plan = api.post(
        f"/cases/{case.public_id}/visits", {"planned_on": today().isoformat(), "reason": "routine"}
    )
    assert plan.status_code == 201
    recorded = post_record(api, case, record_body(visit=plan.json()["id"]), key="b-1")
    assert recorded.status_code == 201
    assert HomeVisit.objects.get().status == VisitStatus.DONE


def test_my_visits_takes_a_date_range(api_as, alice, case):
    api = api_as(alice)
    visit_plan(actor=alice, case=case, planned_on=today() + dt.timedelta(days=20), reason="routine")
    assert api.get("/me/visits").json() == []
    later = today() + dt.timedelta(days=19)
    found = api.get(
        "/me/visits",
        **{"from": later.isoformat(), "to": (later + dt.timedelta(days=2)).isoformat()},
    )
    assert len(found.json()) == 1
    backwards = api.get("/me/visits", **{"from": later.isoformat(), "to": today().isoformat()})
    assert backwards.status_code == 422


def test_the_openapi_schema_lists_the_visit_operations(client):
    schema = client.get("/api/openapi.json").json()
    for path in (
        "/api/v1/me/visits",
        "/api/v1/me/visit-route",
        "/api/v1/cases/{case_id}/visit-records",
    ):
        assert path in schema["paths"]
