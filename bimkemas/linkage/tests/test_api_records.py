# ruff: noqa: F811 (fixtures imported from records_support are test arguments)
"""API of the external records: the feed, file upload, list, one record, import history."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bimkemas.api.tests.conftest import ApiClient
from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.linkage.models import ExternalRecord
from bimkemas.linkage.tests.records_support import (  # noqa: F401 (fixtures)
    matched_record,
    record,
    sdp_file,
    sdp_row,
)

pytestmark = pytest.mark.django_db


def _feed(records, **extra):
    return {"source": "sdp_admission", "records": records, **extra}


def test_the_feed_stores_records_once(carol):
    api = ApiClient(carol)
    first = api.post("/external-records/batch", _feed([sdp_row(1), sdp_row(2)]))
    assert first.status_code == 201, first.json()
    body = first.json()
    assert body["status"] == "imported" and body["rows_created"] == 2 and body["problems"] == []
    again = api.post("/external-records/batch", _feed([sdp_row(2), sdp_row(3)]))
    assert (again.json()["rows_created"], again.json()["rows_unchanged"]) == (1, 1)
    assert ExternalRecord.objects.count() == 3


def test_a_bad_record_rejects_the_call_with_its_problems(carol):
    api = ApiClient(carol)
    response = api.post(
        "/external-records/batch", _feed([sdp_row(1), sdp_row(2, tanggal_masuk="31/13/2026")])
    )
    assert response.status_code == 400
    body = response.json()
    assert list(body["errors"]) == ["2.tanggal_masuk"]
    assert body["batch"]["status"] == "rejected" and body["batch"]["rows_rejected"] == 1
    assert ExternalRecord.objects.count() == 0
    partial = api.post(
        "/external-records/batch",
        _feed([sdp_row(1), sdp_row(2, tanggal_masuk="31/13/2026")], partial=True),
    )
    assert partial.status_code == 201 and partial.json()["status"] == "partial"
    assert ExternalRecord.objects.count() == 1


@pytest.mark.parametrize(
    "body",
    [
        {"source": "sdp_admission", "records": []},
        {"source": "lapas", "records": [{"nama": "A"}]},
        {"source": "sdp_admission", "records": [{"nama": ["A"]}]},
        {"source": "sdp_admission", "records": [{"nama": "A"}], "partial": "yes"},
        {"source": "sdp_admission", "records": [{"nama": "A"}], "extra": 1},
    ],
)
def test_a_malformed_body_is_422(carol, body):
    assert ApiClient(carol).post("/external-records/batch", body).status_code == 422


def test_upload_of_a_file(carol):
    api = ApiClient(carol)
    upload = SimpleUploadedFile("wbp.csv", sdp_file(1, 2))
    response = api.client.post(
        "/api/v1/external-records/import", {"source": "sdp_admission", "file": upload}
    )
    assert response.status_code == 201, response.json()
    assert response.json()["file_name"] == "wbp.csv" and response.json()["rows_created"] == 2
    bad = SimpleUploadedFile("wbp.csv", "nama;upt\nBüdi;X\n".encode("latin-1"))
    rejected = api.client.post(
        "/api/v1/external-records/import",
        {"source": "sdp_admission", "file": bad, "partial": "true"},
    )
    assert rejected.status_code == 400 and "UTF-8" in rejected.json()["errors"]["__all__"][0]


@pytest.mark.parametrize("persona", ["alice", "erin"])
def test_officers_cannot_import(persona, request):
    api = ApiClient(request.getfixturevalue(persona))
    assert api.post("/external-records/batch", _feed([sdp_row(1)])).status_code == 404
    assert api.get("/record-imports").status_code == 404
    assert ExternalRecord.objects.count() == 0


def test_anonymous_is_401(record):
    client = Client()
    assert client.get("/api/v1/external-records").status_code == 401
    assert client.get(f"/api/v1/external-records/{record.public_id}").status_code == 401
    response = client.post(
        "/api/v1/external-records/batch", _feed([sdp_row(1)]), content_type="application/json"
    )
    assert response.status_code == 401


def test_list_filters_and_audits(carol):
    api = ApiClient(carol)
    api.post("/external-records/batch", _feed([sdp_row(1), sdp_row(2, tanggal_masuk="2026-11-05")]))
    everything = api.get("/external-records").json()
    assert everything["count"] == 2
    assert everything["results"][0]["external_id"] == "AI.0002/2026"  # newest event first
    assert api.get("/external-records", q="santoso a").json()["count"] == 1
    assert api.get("/external-records", date_from="2026-11-01").json()["count"] == 1
    assert api.get("/external-records", source="sipp_decision").json()["count"] == 0
    assert api.get("/external-records", institution="rutan").json()["count"] == 0
    assert api.get("/external-records", date_from="kemarin").status_code == 422
    assert AuditEvent.objects.filter(actor=carol, action=AuditAction.LIST).count() == 4


def test_one_record_with_its_raw_fields(carol, record):
    response = ApiClient(carol).get(f"/external-records/{record.public_id}")
    assert response.status_code == 200
    body = response.json()
    assert body["raw"]["kamar"] == "B-12" and body["full_name"] == "Rudi Hartono"
    assert AuditEvent.objects.filter(
        actor=carol, action=AuditAction.VIEW, object_id=str(record.public_id)
    ).exists()


def test_an_officer_reads_only_records_matched_to_their_clients(alice, pat, matched_record):
    ExternalRecord.objects.create(
        source="sdp_admission",
        institution="X",
        external_id="2",
        event_date="2026-10-01",
        full_name="Orang Lain",
    )
    api = ApiClient(alice)
    assert [r["full_name"] for r in api.get("/external-records").json()["results"]] == [
        "Rudi Hartono"
    ]
    assert api.get(f"/external-records/{matched_record.public_id}").status_code == 200
    other = ApiClient(pat)
    assert other.get(f"/external-records/{matched_record.public_id}").status_code == 404
    assert other.get("/external-records").json()["count"] == 0


def test_nina_and_registrars_read_everything(nina, record):
    assert ApiClient(nina).get("/external-records").json()["count"] == 1


def test_import_history(carol, bob):
    ApiClient(bob).post("/external-records/batch", _feed([sdp_row(1)]))
    api = ApiClient(carol)
    history = api.get("/record-imports").json()
    assert history["count"] == 1 and history["results"][0]["imported_by"]["name"] == str(bob)
    one = api.get(f"/record-imports/{history['results'][0]['id']}")
    assert one.status_code == 200 and one.json()["rows_created"] == 1
    assert api.get("/record-imports/00000000-0000-0000-0000-000000000000").status_code == 404
