from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.clients.models import CaseDocument
from bimkemas.clients.services import document_add
from bimkemas.testing import login, pdf_upload, png_upload


def upload_url(case):
    return reverse("document_upload", args=[case.public_id])


def download_url(document):
    return reverse("document_download", args=[document.public_id])


def test_it_uploads_a_pdf(client, alice, case):
    login(client, alice)

    response = client.post(upload_url(case), {"kind": "sk", "file": pdf_upload()})

    assert response.status_code == 302
    document = case.documents.get()
    assert (document.kind, document.content_type, document.uploaded_by) == (
        "sk",
        "application/pdf",
        alice,
    )


def test_it_uploads_a_png_photo_and_makes_it_the_clients_photo(client, carol, case):
    login(client, carol)

    client.post(upload_url(case), {"kind": "photo_front", "file": png_upload()})

    case.client.refresh_from_db()
    assert case.client.photo.content_type == "image/png"


def test_it_refuses_an_executable(client, alice, case):
    login(client, alice)
    exe = SimpleUploadedFile("sk.pdf", b"MZ\x90\x00" + b"\x00" * 100, "application/pdf")

    response = client.post(upload_url(case), {"kind": "sk", "file": exe})

    assert response.status_code == 400
    assert "Only PDF, JPEG and PNG files can be uploaded." in response.content.decode()
    assert not CaseDocument.objects.exists()


def test_it_refuses_an_oversized_file(client, alice, case, settings):
    settings.MAX_UPLOAD_BYTES = 1024
    login(client, alice)
    big = SimpleUploadedFile("sk.pdf", b"%PDF-1.4\n" + b"0" * 2048, "application/pdf")

    response = client.post(upload_url(case), {"kind": "sk", "file": big})

    assert response.status_code == 400
    assert not CaseDocument.objects.exists()


def test_it_refuses_a_missing_file(client, alice, case):
    login(client, alice)

    response = client.post(upload_url(case), {"kind": "sk"})

    assert response.status_code == 400


def test_it_refuses_uploads_outside_write_access(client, pat, erin, case):
    for user in (pat, erin):
        login(client, user)
        response = client.post(upload_url(case), {"kind": "sk", "file": pdf_upload()})
        assert response.status_code == 404
    assert not CaseDocument.objects.exists()


def test_it_serves_a_pdf_inline_and_audits_the_download(client, alice, bob, case):
    document = document_add(actor=alice, case=case, kind="sk", upload=pdf_upload())
    login(client, bob)

    response = client.get(download_url(document))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    event = AuditEvent.objects.get(action=AuditAction.DOWNLOAD)
    assert (event.actor, event.client_pk) == (bob, case.client_id)


def test_it_hides_documents_from_other_offices_and_officers(client, alice, case, erin, pat, nina):
    document = document_add(actor=alice, case=case, kind="sk", upload=pdf_upload())
    for user in (erin, pat, nina):
        login(client, user)
        assert client.get(download_url(document)).status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.DOWNLOAD).exists()
