"""API v1 of violations: the same rules as the pages, in JSON; bad input is a 4xx with the
one error shape and changes nothing."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bimkemas.api.tests.conftest import ApiClient
from bimkemas.audit.models import AuditEvent
from bimkemas.core.dates import today
from bimkemas.testing import pdf_upload
from bimkemas.violations.ladder import office_ladder
from bimkemas.violations.models import LadderRung, Violation, ViolationDecision

pytestmark = pytest.mark.django_db

BODY = {
    "kind": "suspect",
    "source": "notice",
    "summary": "Ditahan Polrestabes Palembang",
    "evidence": "Surat pemberitahuan penahanan",
}


def _body(**changes):
    return {**BODY, "occurred_on": today().isoformat(), **changes}


def test_record_decide_and_letter(alice, case):
    api = ApiClient(alice)
    created = api.post(f"/cases/{case.public_id}/violations", _body())
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["status"] == "open" and body["general_condition"] is True
    assert body["may_respond"] and body["suggested_rung"]["name"] == "Konseling (teguran lisan)"
    url = f"/violations/{body['id']}"

    upload = api.client.post(
        f"/api/v1{url}/attachments", {"file": pdf_upload("surat.pdf"), "description": "Surat"}
    )
    assert upload.status_code == 201, upload.json()
    download = api.client.get(upload.json()["download_url"])
    assert download.status_code == 200
    assert AuditEvent.objects.filter(action="download").exists()

    rung = office_ladder(case.office_id)[1]
    decided = api.post(f"{url}/decide", {"rung_id": str(rung.public_id), "note": "Peringatan"})
    assert decided.status_code == 201, decided.json()
    decision = decided.json()["decision"]
    assert decision["rung_name"] == "Surat Peringatan I" and decision["letter_number"]
    assert decided.json()["may_respond"] is False

    letter = api.post(f"{url}/letter?fmt=docx")
    assert letter.status_code == 201 and letter.json()["number"] == decision["letter_number"]
    assert api.client.get(letter.json()["download_url"]).status_code == 200
    assert [d["version"] for d in api.get(f"{url}/letters").json()] == [1]
    assert api.get(url).json()["letters"][0]["kind"] == "violation_letter"

    listed = api.get("/violations").json()
    assert listed["count"] == 1 and listed["results"][0]["decision"]["rung_name"]
    assert len(api.get(f"/cases/{case.public_id}/violations").json()) == 1


def test_a_source_key_records_once(bob, case):
    api = ApiClient(bob)
    first = api.post(f"/cases/{case.public_id}/violations", _body(source_key="sdp:991"))
    again = api.post(f"/cases/{case.public_id}/violations", _body(source_key="sdp:991"))
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert Violation.objects.count() == 1


def test_dismiss(alice, violation):
    api = ApiClient(alice)
    url = f"/violations/{violation.public_id}/dismiss"
    assert api.post(url, {"reason": ""}).status_code == 422
    response = api.post(url, {"reason": "Tidak terbukti"})
    assert response.status_code == 200
    assert response.json()["status"] == "dismissed"
    assert response.json()["dismissed_reason"] == "Tidak terbukti"
    assert api.post(url, {"reason": "lagi"}).status_code == 400


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (_body(kind="teleport"), 422),
        (_body(source="rumour"), 422),
        (_body(summary="x" * 301), 422),
        (_body(summary="a\x00b"), 422),
        (_body(extra="field"), 422),
        (_body(occurred_on="2026-02-30"), 422),
        (_body(occurred_on=(today() + dt.timedelta(days=2)).isoformat()), 400),
        (_body(summary="   "), 400),
        ([1, 2], 422),
    ],
)
def test_bad_records_change_nothing(alice, case, body, status):
    response = ApiClient(alice).post(f"/cases/{case.public_id}/violations", body)
    assert response.status_code == status
    assert set(response.json()) == {"detail", "errors"}
    assert not Violation.objects.exists()


def test_bad_decisions_and_files(alice, violation, other_office):
    api = ApiClient(alice)
    url = f"/violations/{violation.public_id}"
    foreign = office_ladder(other_office.pk)[0]
    assert api.post(f"{url}/decide", {"rung_id": str(foreign.public_id)}).status_code == 400
    assert api.post(f"{url}/decide", {"rung_id": "nope"}).status_code == 422
    assert api.post(f"{url}/letter?fmt=pdf").status_code == 404
    bad = api.client.post(
        f"/api/v1{url}/attachments", {"file": SimpleUploadedFile("x.exe", b"MZ\x90")}
    )
    assert bad.status_code == 400 and "file" in bad.json()["errors"]
    assert not ViolationDecision.objects.exists() and not violation.attachments.exists()


@pytest.mark.parametrize(
    ("persona", "reads", "writes"),
    [
        ("alice", 200, 201),
        ("pat", 404, 404),
        ("bob", 200, 201),
        ("carol", 200, 404),
        ("erin", 404, 404),
        ("nina", 404, 404),
    ],
)
def test_access_by_persona(request, violation, persona, reads, writes):
    api = ApiClient(request.getfixturevalue(persona))
    url = f"/violations/{violation.public_id}"
    assert api.get(url).status_code == reads
    rung = office_ladder(violation.case.office_id)[0]
    assert api.post(f"{url}/decide", {"rung_id": str(rung.public_id)}).status_code == writes


def test_the_ladder(bob, alice, nina, office):
    api = ApiClient(bob)
    rungs = api.get("/offices/mine/violation-ladder").json()
    assert [r["name"] for r in rungs][:2] == ["Konseling (teguran lisan)", "Surat Peringatan I"]
    body = {"rungs": [{**r, "name": r["name"] + "!"} for r in rungs[:3]]}
    saved = api.client.put(
        "/api/v1/offices/mine/violation-ladder", body, content_type="application/json"
    )
    assert saved.status_code == 200, saved.json()
    assert len(saved.json()) == 3
    assert LadderRung.objects.filter(office=office, active=False).count() == 1
    forbidden = ApiClient(alice).client.put(
        "/api/v1/offices/mine/violation-ladder", body, content_type="application/json"
    )
    assert forbidden.status_code == 403
    assert ApiClient(nina).get("/offices/mine/violation-ladder").status_code == 403
    bad = api.client.put(
        "/api/v1/offices/mine/violation-ladder",
        {"rungs": [{"name": "A", "position": 1, "active": False}]},
        content_type="application/json",
    )
    assert bad.status_code == 400
    assert ApiClient(alice).get("/violations").status_code == 200
    assert ApiClient(nina).get("/violations").status_code == 403
