"""The guidance API: plans, sessions, evaluations with their workflow, the progress report,
and GET /offices/{code}/guidance-coverage."""

import pytest

from bimkemas.api.tests.conftest import ApiClient
from bimkemas.core.dates import today
from bimkemas.guidance.models import Attendance

pytestmark = pytest.mark.django_db

ITEM = {
    "kind": "kemandirian",
    "area": "work",
    "description": "Magang di bengkel",
    "method": "casework",
    "frequency": "2 kali sebulan",
    "responsible": "Pokmas Lipas",
}


def put(api: ApiClient, path: str, data):
    return api.client.put(f"/api/v1{path}", data, content_type="application/json")


def test_plan_propose_edit_agree(alice, case):
    api = ApiClient(alice)
    response = api.post(f"/cases/{case.public_id}/plans", {"stage": "awal"})
    assert response.status_code == 201, response.content
    plan = response.json()
    assert plan["status"] == "draft" and plan["items"]

    response = put(api, f"/plans/{plan['id']}/items", {"items": [ITEM], "note": "n"})
    assert response.status_code == 200
    assert [(i["description"], i["per_month"]) for i in response.json()["items"]] == [
        ("Magang di bengkel", 2)
    ]

    agreed = api.post(
        f"/plans/{plan['id']}/agree", {"agreed_on": today().isoformat(), "method": "verbal"}
    )
    assert agreed.status_code == 200 and agreed.json()["status"] == "agreed"
    assert put(api, f"/plans/{plan['id']}/items", {"items": [ITEM]}).status_code == 400

    revised = api.post(f"/plans/{plan['id']}/revise")
    assert revised.status_code == 201 and revised.json()["version"] == 2
    listed = api.get(f"/cases/{case.public_id}/plans").json()
    assert sorted((p["version"], p["status"]) for p in listed) == [(1, "agreed"), (2, "draft")]


def test_bad_plan_input_is_a_clear_error(alice, case):
    api = ApiClient(alice)
    assert api.post(f"/cases/{case.public_id}/plans", {"stage": "tengah"}).status_code == 422
    api.post(f"/cases/{case.public_id}/plans", {"stage": "awal"})
    again = api.post(f"/cases/{case.public_id}/plans", {"stage": "awal"})
    assert again.status_code == 400 and "already has a plan" in again.json()["detail"]


def test_another_office_gets_404(erin, case):
    api = ApiClient(erin)
    assert api.post(f"/cases/{case.public_id}/plans", {"stage": "awal"}).status_code == 404
    assert api.get(f"/cases/{case.public_id}/evaluations").status_code == 404


def test_a_group_session_with_attendances(alice, case, make_case, agreed_plan):
    other = make_case(officer=alice, identity={"full_name": "Wahyu Pratama"})
    item = agreed_plan.items.first()
    api = ApiClient(alice)
    response = api.post(
        "/sessions",
        {
            "held_on": today().isoformat(),
            "kind": "group",
            "method": "groupwork",
            "area": "religion",
            "title": "Pengajian",
            "attendances": [
                {"case": str(case.public_id), "plan_item": str(item.public_id)},
                {"case": str(other.public_id), "status": "excused", "note": "Sakit"},
            ],
        },
    )
    assert response.status_code == 201, response.content
    assert response.json()["attendances"] == 2
    activities = api.get(f"/cases/{case.public_id}/activities").json()
    assert activities[0]["plan_item"] == str(item.public_id)
    assert Attendance.objects.get(case=other).status == "excused"


def test_the_evaluation_workflow(alice, bob, pat, lanjutan_case):
    officer = ApiClient(alice)
    created = officer.post(f"/cases/{lanjutan_case.public_id}/evaluations", {"stage": "awal"})
    assert created.status_code == 201
    evaluation = created.json()
    assert evaluation["prefill"]["period"]["start"] == lanjutan_case.guidance_start.isoformat()
    url = f"/evaluations/{evaluation['id']}"

    assert officer.post(f"{url}/submit").status_code == 400
    patched = officer.patch(url, {"progress_summary": "Baik", "recommendation": "continue"})
    assert patched.status_code == 200
    assert officer.patch(url, {"recommendation": "maybe"}).status_code == 422
    assert officer.post(f"{url}/submit").json()["status"] == "submitted"
    assert officer.post(f"{url}/approve").status_code == 400  # the author
    assert ApiClient(pat).post(f"{url}/approve").status_code == 404  # not in pat's reach

    supervisor = ApiClient(bob)
    assert [e["id"] for e in supervisor.get("/me/evaluations-to-approve").json()] == [
        evaluation["id"]
    ]
    returned = supervisor.post(f"{url}/return", {"note": "Lengkapi"})
    assert returned.json()["status"] == "returned"
    officer.post(f"{url}/submit")
    approved = supervisor.post(f"{url}/approve")
    assert approved.json()["status"] == "approved"
    assert approved.json()["approved_by"]["name"] == str(bob)

    document = officer.post(f"{url}/documents?fmt=docx")
    assert document.status_code == 201
    assert document.json()["format"] == "docx" and document.json()["version"] == 1
    assert officer.get(document.json()["download_url"].removeprefix("/api/v1")).status_code == 200


def test_guidance_coverage_for_the_offices_supervisors_only(
    bob, dave, alice, erin, owen, nina, office, case, agreed_plan
):
    response = ApiClient(bob).get(f"/offices/{office.code}/guidance-coverage")
    assert response.status_code == 200
    rows = {row["officer"]["name"]: row for row in response.json()["officers"]}
    assert rows[str(alice)] | {"officer": None} == {
        "officer": None,
        "clients": 1,
        "with_current_plan": 1,
        "with_current_evaluation": 1,
    }
    assert ApiClient(dave).get(f"/offices/{office.code}/guidance-coverage").status_code == 200
    for outsider in (alice, erin, owen, nina):
        status = ApiClient(outsider).get(f"/offices/{office.code}/guidance-coverage").status_code
        assert status == 404
    assert ApiClient(bob).get("/offices/nowhere/guidance-coverage").status_code == 404
