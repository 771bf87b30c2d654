"""The revocation API: start, each step, the head's temporary revocation, documents, export,
the final decision, list, statistics, access and bad input."""

import io
import json
import zipfile

import pytest
from django.test import Client

from bimkemas.api.tests.conftest import ApiClient
from bimkemas.core.dates import today

pytestmark = pytest.mark.django_db


def start_body(**overrides):
    body = {
        "channel": "oral",
        "requested_on": today().isoformat(),
        "sender": "Ketua RT 05",
        "account": "Klien terlibat perkelahian di pasar.",
        "grounds": "unrest",
    }
    body.update(overrides)
    return body


def test_the_whole_workflow_through_the_api(alice, bob, dave, case, violation):
    officer, head, supervisor = ApiClient(alice), ApiClient(dave), ApiClient(bob)
    started = officer.post(
        f"/cases/{case.public_id}/revocations",
        start_body(violation_id=str(violation.public_id), grounds=None),
    )
    assert started.status_code == 201, started.json()
    body = started.json()
    assert body["grounds"] == "new_offence" and body["status"] == "requested"
    assert body["clock"] == {
        "working_day": 0, "of": 20, "due_on": body["clock"]["due_on"], "overdue": False,
        "running": True,
    }  # fmt: skip
    assert body["allowed_steps"] == ["statement"]
    url = f"/revocations/{body['id']}"
    on = today().isoformat()
    steps = [
        (officer, "statement", {"on": on, "questions": [{"question": "Benar?", "answer": "Ya"}]}),
        (officer, "examination", {"on": on, "attended": True, "account": "Saya khilaf"}),
        (supervisor, "tpp", {"on": on, "recommend": True, "members": "Kepala, Kasi, PK"}),
        (head, "temporary-revocation", {"on": on, "decree_number": "W6.PAS.16-1"}),
        (supervisor, "report", {"on": on, "letter_number": "W6-2", "recipient": "ditjenpas"}),
        (supervisor, "decision", {"on": on, "revoked": True, "decision_reference": "PAS-9"}),
    ]
    for api, path, payload in steps:
        response = api.post(f"{url}/{path}", payload)
        assert response.status_code == 201, (path, response.json())
    assert officer.get(url).status_code == 404  # the case closed: no longer alice's
    body = supervisor.get(url).json()
    assert body["status"] == "revoked" and body["decision_reference"] == "PAS-9"
    assert [s["kind"] for s in body["steps"]][-1] == "decision"
    assert ApiClient(bob).get(f"/cases/{case.public_id}/termination").json()["kind"] == "revoked"


def test_only_the_head_revokes_temporarily(alice, bob, dave, recommended):
    url = f"/revocations/{recommended.public_id}/temporary-revocation"
    payload = {"on": today().isoformat(), "decree_number": "1"}
    assert ApiClient(bob).post(url, payload).status_code == 400
    assert ApiClient(alice).post(url, payload).status_code == 400
    assert ApiClient(dave).get(f"/revocations/{recommended.public_id}").json()["allowed_steps"] == [
        "temporary", "withdrawal",
    ]  # fmt: skip
    assert ApiClient(dave).post(url, payload).status_code == 201


def test_other_offices_and_other_officers_get_404(pat, erin, case, revocation):
    for someone in (pat, erin):
        api = ApiClient(someone)
        assert api.get(f"/revocations/{revocation.public_id}").status_code == 404
        assert api.post(f"/cases/{case.public_id}/revocations", start_body()).status_code == 404


def test_bad_input_is_422_or_400(alice, case):
    api = ApiClient(alice)
    url = f"/cases/{case.public_id}/revocations"
    assert api.post(url, start_body(channel="fax")).status_code == 422
    assert api.post(url, start_body(extra="x")).status_code == 422
    assert api.post(url, start_body(sender="a\x00b")).status_code == 422
    assert api.post(url, start_body(requested_on="2026-02-30")).status_code == 422
    response = api.post(url, start_body(account=""))
    assert response.status_code == 400 and "account" in response.json()["errors"]
    response = api.post(url, start_body(violation_id="00000000-0000-0000-0000-000000000000"))
    assert response.status_code == 400 and "violation_id" in response.json()["errors"]
    anonymous = Client().post(f"/api/v1{url}", start_body(), content_type="application/json")
    assert anonymous.status_code == 401


def test_list_documents_and_export(alice, bob, revocation):
    api = ApiClient(alice)
    rows = api.get("/revocations").json()
    assert [row["id"] for row in rows] == [str(revocation.public_id)]
    generated = api.post(f"/revocations/{revocation.public_id}/documents/statement?fmt=docx")
    assert generated.status_code == 201
    assert generated.json()["kind"] == "revocation_statement"
    assert api.post(f"/revocations/{revocation.public_id}/documents/other").status_code == 404
    response = api.client.post(f"/api/v1/revocations/{revocation.public_id}/export")
    assert response.status_code == 200
    package = zipfile.ZipFile(io.BytesIO(response.content))
    assert json.loads(package.read("kasus.json"))["revocation"]["id"] == str(revocation.public_id)


def test_statistics(bob, nina, alice, revocation):
    body = ApiClient(bob).get("/revocations/statistics").json()
    assert body["proposals"] == 1 and body["clients_under_guidance"] == 1
    assert body["proposals_per_100"] == 100.0
    assert ApiClient(nina).get("/revocations/statistics", office="plg").json()["proposals"] == 1
    assert ApiClient(alice).get("/revocations/statistics").status_code == 404
    response = ApiClient(bob).get(
        "/revocations/statistics", **{"from": "2026-12-01", "to": "2026-01-01"}
    )
    assert response.status_code == 400


def test_a_document_is_attached_to_a_step(alice, revocation):
    from bimkemas.testing import pdf_upload

    api = ApiClient(alice)
    step = api.get(f"/revocations/{revocation.public_id}").json()["steps"][0]
    response = api.client.post(
        f"/api/v1/revocations/{revocation.public_id}/steps/{step['id']}/documents",
        {"file": pdf_upload("bukti.pdf")},
    )
    assert response.status_code == 201, response.json()
    assert response.json()["name"] == "bukti.pdf"
