"""API v1: instruments, a client's assessments, record / continue / read, due, triggers."""

import pytest

from bimkemas.api.tests.conftest import ApiClient
from bimkemas.assessments.models import Assessment, ReassessmentTrigger
from bimkemas.assessments.tests.conftest import answers_for, highest
from bimkemas.core.dates import today


@pytest.fixture
def api_as():
    return ApiClient


def body(instrument, answers, **extra):
    return {
        "instrument_id": str(instrument.public_id),
        "answers": answers,
        "assessed_on": today().isoformat(),
        "reason": "initial",
        **extra,
    }


def test_it_lists_published_instruments_with_definitions(api_as, alice, risk, needs):
    response = api_as(alice).get("/assessment-instruments")
    assert response.status_code == 200
    rows = {row["code"]: row for row in response.json()}
    assert rows[risk.code]["definition"]["bands"][-1]["label"] == "Sangat Tinggi"
    assert len(rows[needs.code]["definition"]["domains"]) == 7
    assert rows[risk.code]["note"] == "Contoh — periksa terhadap teks resmi"


def test_a_complete_post_is_scored(api_as, alice, case, needs):
    response = api_as(alice).post(
        f"/cases/{case.public_id}/assessments", body(needs, answers_for(needs, highest))
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert (data["status"], data["score"], data["band"]) == ("scored", 63, "Tinggi")
    assert data["needs"][0]["level"] == "tinggi"
    assert data["needs"][0]["suggestion"]["method"] in ("casework", "groupwork")
    assert data["missing"] == []


def test_an_incomplete_post_is_a_draft_and_a_patch_completes_it(api_as, alice, case, risk):
    api = api_as(alice)
    answers = answers_for(risk)
    answers["A2"] = None
    created = api.post(f"/cases/{case.public_id}/assessments", body(risk, answers)).json()
    assert (created["status"], created["score"], created["missing"]) == ("draft", None, ["A2"])
    answers["A2"] = 2
    patched = api.patch(f"/assessments/{created['id']}", {"answers": answers})
    assert patched.status_code == 200
    assert (patched.json()["status"], patched.json()["score"]) == ("scored", 2)
    again = api.patch(f"/assessments/{created['id']}", {"answers": answers})
    assert again.status_code == 400
    assert "cannot be changed" in again.json()["detail"]


def test_bad_answers_are_a_clear_error_and_change_nothing(api_as, alice, case, risk):
    api = api_as(alice)
    url = f"/cases/{case.public_id}/assessments"
    response = api.post(url, body(risk, {"A1": 9}))
    assert response.status_code == 400
    assert "answers.A1" in response.json()["errors"]
    assert api.post(url, body(risk, {"A1": "2"})).status_code == 422
    assert api.post(url, body(risk, {}, surprise=1)).status_code == 422
    assert not Assessment.objects.exists()


def test_it_lists_a_clients_assessments_and_reads_one(api_as, carol, case, risk, assess):
    assessment = assess(case, risk)
    api = api_as(carol)
    rows = api.get(f"/clients/{case.client.public_id}/assessments").json()
    assert [row["id"] for row in rows] == [str(assessment.public_id)]
    one = api.get(f"/assessments/{assessment.public_id}").json()
    assert one["instrument"]["version"] == 1 and one["band"] == "Rendah"


def test_the_next_reassessment_date_and_a_trigger(api_as, alice, case, risk, assess):
    api = api_as(alice)
    due = api.get(f"/cases/{case.public_id}/reassessment-due").json()
    assert due["why"] == "initial"
    assess(case, risk)
    response = api.post(
        f"/cases/{case.public_id}/reassessment-triggers", {"reason": "tpp_request", "note": "TPP"}
    )
    assert response.status_code == 201
    assert ReassessmentTrigger.objects.get().created_by == alice
    due = api.get(f"/cases/{case.public_id}/reassessment-due").json()
    assert due["why"] == "trigger"


@pytest.mark.parametrize("persona", ["carol", "pat", "erin", "nina"])
def test_non_writers_cannot_assess(api_as, request, persona, case, risk):
    api = api_as(request.getfixturevalue(persona))
    url = f"/cases/{case.public_id}/assessments"
    assert api.post(url, body(risk, answers_for(risk))).status_code == 404
    trigger = api.post(f"/cases/{case.public_id}/reassessment-triggers", {"reason": "other"})
    assert trigger.status_code == 404


@pytest.mark.parametrize("persona", ["pat", "erin", "nina"])
def test_outsiders_read_nothing(api_as, request, persona, case, risk, assess):
    assessment = assess(case, risk)
    api = api_as(request.getfixturevalue(persona))
    assert api.get(f"/assessments/{assessment.public_id}").status_code == 404
    assert api.get(f"/clients/{case.client.public_id}/assessments").status_code == 404
    assert api.get(f"/cases/{case.public_id}/reassessment-due").status_code == 404


def test_the_section_head_assesses_too(api_as, bob, case, risk):
    response = api_as(bob).post(
        f"/cases/{case.public_id}/assessments", body(risk, answers_for(risk))
    )
    assert response.status_code == 201


def test_the_operations_are_in_the_openapi_schema(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/v1/cases/{case_id}/assessments" in paths
    assert "patch" in paths["/api/v1/assessments/{assessment_id}"]
