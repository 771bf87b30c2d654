import datetime as dt

import pytest

from bimkemas.accounts.models import Absence, AbsenceKind
from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.clients.models import CaseAccessGrant
from bimkemas.core.dates import today
from bimkemas.testing import pdf_upload


@pytest.fixture
def unassigned(make_case):
    return make_case()


def test_it_shows_a_case_and_audits_the_view(api_as, alice, case):
    response = api_as(alice).get(f"/cases/{case.public_id}")
    assert response.status_code == 200
    body = response.json()
    assert (body["register_number"], body["officer"]["name"]) == (case.register_number, "Alice")
    assert body["stage"] == "awal"
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, channel="api").exists()


def test_another_bapas_gets_404(api_as, erin, case):
    assert api_as(erin).get(f"/cases/{case.public_id}").status_code == 404


def test_it_proposes_the_least_loaded_officer(api_as, bob, alice, pat, case, unassigned):
    response = api_as(bob).get(f"/cases/{unassigned.public_id}/proposal")
    assert response.status_code == 200
    assert response.json()["officer"]["username"] == "pat"
    Absence.objects.create(officer=pat, kind=AbsenceKind.LEAVE, starts_on=today())
    proposed = api_as(bob).get(f"/cases/{unassigned.public_id}/proposal").json()["officer"]
    assert proposed["username"] == "alice"
    assert proposed["case_count"] == 1


def test_officers_cannot_propose_or_assign(api_as, alice, pat, case):
    assert api_as(alice).get(f"/cases/{case.public_id}/proposal").status_code == 404
    response = api_as(alice).post(
        f"/cases/{case.public_id}/assignment", {"officer": str(pat.public_id)}
    )
    assert response.status_code == 404


def test_it_assigns_and_keeps_the_history(api_as, bob, alice, pat, unassigned):
    client = api_as(bob)
    url = f"/cases/{unassigned.public_id}/assignment"
    response = client.post(url, {"officer": str(alice.public_id), "reason": "area"})
    assert response.status_code == 200
    assert response.json()["status"] == "active"
    response = client.post(url, {"officer": str(pat.public_id), "reason": "alice on leave"})
    history = response.json()["assignments"]
    assert [row["officer"]["name"] for row in history] == ["Pat", "Alice"]
    assert history[0]["ended_at"] is None and history[1]["ended_at"] is not None
    assert AuditEvent.objects.filter(action=AuditAction.ASSIGN, channel="api").count() == 2


def test_an_assignment_to_a_non_officer_is_a_400(api_as, bob, carol, erin, unassigned):
    url = f"/cases/{unassigned.public_id}/assignment"
    for person in (carol, erin):
        response = api_as(bob).post(url, {"officer": str(person.public_id)})
        assert response.status_code == 400
        assert "officer" in response.json()["errors"]
    unknown = "00000000-0000-0000-0000-000000000000"
    assert api_as(bob).post(url, {"officer": unknown}).status_code == 400


def test_it_closes_a_case(api_as, bob, case):
    url = f"/cases/{case.public_id}/close"
    response = api_as(bob).post(
        url, {"status": "completed", "closed_on": str(today()), "note": "selesai"}
    )
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["closing_note"]) == ("completed", "selesai")
    again = api_as(bob).post(url, {"status": "revoked", "closed_on": str(today())})
    assert again.status_code == 400
    assert "status" in again.json()["errors"]


def test_a_closing_date_in_the_future_is_a_400(api_as, bob, case):
    tomorrow = today() + dt.timedelta(days=1)
    response = api_as(bob).post(
        f"/cases/{case.public_id}/close", {"status": "completed", "closed_on": str(tomorrow)}
    )
    assert response.json()["errors"] == {
        "closed_on": ["The closing date must lie between the reception date and today."]
    }


def test_it_grants_read_access(api_as, bob, pat, case):
    until = today() + dt.timedelta(days=14)
    response = api_as(bob).post(
        f"/cases/{case.public_id}/grants", {"officer": str(pat.public_id), "until": str(until)}
    )
    assert response.status_code == 201
    assert response.json()["until"] == str(until)
    assert CaseAccessGrant.objects.get().officer == pat
    assert api_as(pat).get(f"/cases/{case.public_id}").status_code == 200
    past = api_as(bob).post(
        f"/cases/{case.public_id}/grants",
        {"officer": str(pat.public_id), "until": str(today() - dt.timedelta(days=1))},
    )
    assert past.status_code == 400


def test_documents_are_uploaded_and_downloaded_with_an_audit(api_as, alice, erin, case):
    client = api_as(alice).client
    response = client.post(
        f"/api/v1/cases/{case.public_id}/documents", {"kind": "sk", "file": pdf_upload()}
    )
    assert response.status_code == 201, response.json()
    document_id = response.json()["id"]
    response = client.get(f"/api/v1/documents/{document_id}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert AuditEvent.objects.filter(action=AuditAction.DOWNLOAD, channel="api").exists()
    assert api_as(erin).get(f"/documents/{document_id}").status_code == 404


def test_a_bad_upload_is_a_400(api_as, alice, case):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = api_as(alice).client.post(
        f"/api/v1/cases/{case.public_id}/documents",
        {"kind": "sk", "file": SimpleUploadedFile("x.exe", b"MZ\x90\x00")},
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"sk": ["Only PDF, JPEG and PNG files can be uploaded."]}


def test_a_multipart_body_without_a_boundary_is_a_400(api_as, alice, case):
    # Found by schemathesis: Django raises MultiPartParserError while reading the body.
    response = api_as(alice).client.post(
        f"/api/v1/cases/{case.public_id}/documents", b"x", content_type="multipart/form-data"
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "The request body could not be read.", "errors": {}}


def test_a_case_cannot_be_closed_as_active(api_as, bob, make_case):
    registered = make_case()
    response = api_as(bob).post(
        f"/cases/{registered.public_id}/close", {"status": "active", "closed_on": str(today())}
    )
    assert response.status_code == 422
    assert "status" in response.json()["errors"]
