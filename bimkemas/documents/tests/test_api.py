"""The generated documents over the API: download, a case's documents, a guidance card
version, the office's templates."""

import pytest
from django.test import Client

from bimkemas.accounts.tokens import token_create
from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.documents.models import DocumentTemplate, GeneratedDocument
from bimkemas.documents.tests.reading import pdf_text
from bimkemas.documents.tests.templates import edited_default


def api(user) -> Client:
    _token, key = token_create(user=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def card_url(case, fmt="pdf") -> str:
    return f"/api/v1/cases/{case.public_id}/guidance-card?fmt={fmt}"


def test_the_officer_generates_a_card_and_downloads_it(alice, case):
    caller = api(alice)
    response = caller.post(card_url(case))
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["kind"], body["format"], body["version"]) == ("guidance_card", "pdf", 1)
    assert body["number"] == case.register_number
    assert body["office_template"] is False
    assert caller.post(card_url(case)).json()["version"] == 2
    assert caller.post(card_url(case, "docx")).json()["version"] == 1

    download = caller.get(body["download_url"])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    text = pdf_text(b"".join(download.streaming_content))
    assert case.register_number in text and case.client.full_name in text
    assert AuditEvent.objects.filter(action=AuditAction.DOWNLOAD, actor=alice).count() == 1


def test_a_case_lists_its_documents_newest_first(alice, case):
    caller = api(alice)
    first = caller.post(card_url(case, "docx")).json()
    second = caller.post(card_url(case, "pdf")).json()
    response = caller.get(f"/api/v1/cases/{case.public_id}/generated-documents")
    assert response.status_code == 200
    assert [d["id"] for d in response.json()] == [second["id"], first["id"]]


def test_an_unknown_format_is_a_422_and_nothing_is_made(alice, case):
    assert api(alice).post(card_url(case, "odt")).status_code == 422
    assert not GeneratedDocument.objects.exists()


def test_a_case_without_officer_gets_no_card(bob, make_case):
    unassigned = make_case(identity={"nik": None, "full_name": "Rudi"})
    response = api(bob).post(card_url(unassigned))
    assert response.status_code == 400
    assert "officer is assigned" in response.json()["detail"]


@pytest.mark.parametrize("persona", ["erin", "nina", "pat"])
def test_others_get_404_for_the_case_and_its_documents(request, persona, alice, case):
    document = api(alice).post(card_url(case)).json()
    caller = api(request.getfixturevalue(persona))
    assert caller.post(card_url(case)).status_code == 404
    assert caller.get(f"/api/v1/cases/{case.public_id}/generated-documents").status_code == 404
    assert caller.get(document["download_url"]).status_code == 404


def test_anonymous_gets_401(case):
    assert Client().get(f"/api/v1/cases/{case.public_id}/generated-documents").status_code == 401


def docx_upload(data: bytes, name="kop.docx"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def test_the_head_uploads_a_template_and_the_office_lists_it(dave, alice):
    data = edited_default("guidance_card", "{{ doc.title }}", "{{ doc.title }} (KOP BARU)")
    response = api(dave).post(
        "/api/v1/offices/mine/document-templates",
        {"kind": "guidance_card", "file": docx_upload(data), "note": "Kop 2027"},
    )
    assert response.status_code == 201, response.content
    assert response.json()["is_active"] is True
    listed = api(alice).get("/api/v1/offices/mine/document-templates").json()
    assert [(t["kind"], t["note"]) for t in listed] == [("guidance_card", "Kop 2027")]


def test_a_broken_template_is_refused_with_the_reason_on_the_file(bob):
    broken = edited_default("litmas", "{{ doc.title }}", "{{ doc.title + }}")
    response = api(bob).post(
        "/api/v1/offices/mine/document-templates", {"kind": "litmas", "file": docx_upload(broken)}
    )
    assert response.status_code == 400, response.content
    assert "The template does not render" in response.json()["errors"]["file"][0]
    assert not DocumentTemplate.objects.exists()


@pytest.mark.parametrize("persona", ["alice", "carol"])
def test_officers_and_registrars_may_not_upload_templates(request, persona):
    data = edited_default("litmas", "{{ doc.title }}", "{{ doc.title }}!")
    response = api(request.getfixturevalue(persona)).post(
        "/api/v1/offices/mine/document-templates", {"kind": "litmas", "file": docx_upload(data)}
    )
    assert response.status_code == 404
    assert not DocumentTemplate.objects.exists()


def test_a_national_viewer_has_no_office_templates(nina):
    assert api(nina).get("/api/v1/offices/mine/document-templates").status_code == 403


def test_the_head_activates_an_earlier_template(dave, erin):
    caller = api(dave)
    path = "/api/v1/offices/mine/document-templates"
    first = caller.post(
        path,
        {
            "kind": "litmas",
            "file": docx_upload(edited_default("litmas", "{{ doc.title }}", "{{ doc.title }} A")),
        },
    ).json()
    caller.post(
        path,
        {
            "kind": "litmas",
            "file": docx_upload(edited_default("litmas", "{{ doc.title }}", "{{ doc.title }} B")),
        },
    )
    response = caller.post(f"{path}/{first['id']}/activate")
    assert response.status_code == 200
    assert response.json()["is_active"] is True
    assert DocumentTemplate.objects.filter(is_active=True).get().public_id.hex == first[
        "id"
    ].replace("-", "")
    assert api(erin).post(f"{path}/{first['id']}/activate").status_code == 404


def test_the_head_sets_the_letterhead_over_the_api(dave, alice, office):
    caller = api(dave)
    response = caller.put(
        "/api/v1/offices/mine/letterhead",
        {"office_line": "BAPAS PALEMBANG & SEKITARNYA", "website": "bapas.example.id"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    body = api(alice).get("/api/v1/offices/mine/letterhead").json()
    assert body["office_line"] == "BAPAS PALEMBANG & SEKITARNYA"
    assert body["city"] == ""
    assert body["defaults"]["city"] == "Palembang"


def test_officers_may_not_change_the_letterhead_and_bad_input_is_refused(alice, dave):
    path = "/api/v1/offices/mine/letterhead"
    assert api(alice).put(path, {}, content_type="application/json").status_code == 404
    bad = api(dave).put(path, {"email": "nope"}, content_type="application/json")
    assert bad.status_code == 400
    assert "email" in bad.json()["errors"]
    extra = api(dave).put(path, {"colour": "red"}, content_type="application/json")
    assert extra.status_code == 422


def test_the_built_in_template_downloads_over_the_api(alice):
    response = api(alice).get("/api/v1/document-templates/default/tpp_minutes")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"PK"
    assert api(alice).get("/api/v1/document-templates/default/letter").status_code == 422
