import pytest

from bimkemas.litmas.models import ReportStatus
from bimkemas.litmas.tests.conftest import filled_content

pytestmark = pytest.mark.django_db


def _api(client, user):
    client.force_login(user)
    return client


def test_register_assign_write_and_sign_through_the_api(client, carol, bob, alice, dave, case):
    api = _api(client, carol)
    created = api.post(
        "/api/v1/litmas/requests",
        {
            "type": "integrasi",
            "requester_kind": "lapas_rutan",
            "requester_name": "Lapas Kelas I Palembang",
            "client": str(case.client.public_id),
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    request_id = created.json()["id"]
    assert len(created.json()["tracking_code"]) == 11
    api = _api(client, bob)
    assigned = api.post(
        f"/api/v1/litmas/requests/{request_id}/assign",
        {"officer": str(alice.public_id)},
        content_type="application/json",
    )
    assert assigned.json()["status"] == "assigned"
    api = _api(client, alice)
    started = api.post(f"/api/v1/litmas/requests/{request_id}/report")
    assert started.status_code == 201
    from bimkemas.litmas.models import LitmasReport

    report = LitmasReport.objects.get()
    put = api.put(
        f"/api/v1/litmas/requests/{request_id}/report",
        {
            "content": filled_content(report),
            "sources": [{"kind": "interview", "date": "2026-11-01", "note": "Klien"}],
        },
        content_type="application/json",
    )
    assert put.status_code == 200, put.content
    bad = api.put(
        f"/api/v1/litmas/requests/{request_id}/report",
        {"content": {"nope": "x"}},
        content_type="application/json",
    )
    assert bad.status_code == 400 and "nope" in bad.json()["errors"]
    assert api.post(f"/api/v1/litmas/requests/{request_id}/report/submit").status_code == 200
    own = api.post(
        f"/api/v1/litmas/requests/{request_id}/report/review",
        {"approve": True},
        content_type="application/json",
    )
    assert own.status_code == 400
    api = _api(client, bob)
    api.post(
        f"/api/v1/litmas/requests/{request_id}/report/review",
        {"approve": True},
        content_type="application/json",
    )
    api = _api(client, dave)
    done = api.post(
        f"/api/v1/litmas/requests/{request_id}/report/acknowledge",
        {"approve": True},
        content_type="application/json",
    )
    assert done.json()["status"] == ReportStatus.ACKNOWLEDGED
    versions = api.get(f"/api/v1/litmas/requests/{request_id}/report/versions").json()
    assert [v["number"] for v in versions] == [1]
    one = api.get(f"/api/v1/litmas/requests/{request_id}/report/versions/1").json()
    assert one["content"]["kesimpulan"] == "Isi Kesimpulan."


def test_another_bapas_gets_404(client, litmas_request, erin):
    api = _api(client, erin)
    assert api.get(f"/api/v1/litmas/requests/{litmas_request.public_id}").status_code == 404
    assert api.get("/api/v1/litmas/requests").json() == []


def test_the_pk_lists_their_requests(client, litmas_request, alice):
    body = _api(client, alice).get("/api/v1/litmas/requests").json()
    assert [r["id"] for r in body] == [str(litmas_request.public_id)]


def test_the_letter_is_uploaded_and_read_through_the_api(client, litmas_request, carol, alice):
    from django.core.files.uploadedfile import SimpleUploadedFile

    api = _api(client, carol)
    url = f"/api/v1/litmas/requests/{litmas_request.public_id}/letter"
    bad = api.post(url, {"file": SimpleUploadedFile("x.pdf", b"not a pdf")})
    assert bad.status_code == 400 and "letter" in bad.json()["errors"]
    good = api.post(url, {"file": SimpleUploadedFile("surat.pdf", b"%PDF-1.4 surat")})
    assert good.status_code == 200 and good.json()["has_letter"] is True
    assert _api(client, alice).get(url).status_code == 200
    cancel = api.post(
        url.replace("/letter", "/cancel"), {"note": "x"}, content_type="application/json"
    )
    assert cancel.status_code == 400  # a registrar does not cancel: a supervisor does


def test_bad_text_is_a_400_not_a_500(client, carol):
    response = _api(client, carol).post(
        "/api/v1/litmas/requests",
        {
            "type": "diversi",
            "requester_kind": "police",
            "requester_name": "Polresta\u202e Palembang",
            "subject_name": "Andi",
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "requester_name" in response.json()["errors"]
