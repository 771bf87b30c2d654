"""The guidance card as a document kind: generated from the case on the client page, as DOCX
or PDF versions; the old card link keeps working."""

import pytest
from django.urls import reverse
from django.utils import translation

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.clients.conditions import reporting_duty
from bimkemas.core.dates import today
from bimkemas.documents.card import guidance_card_content
from bimkemas.documents.models import GeneratedDocument
from bimkemas.documents.tests.reading import docx_text
from bimkemas.testing import login


def url(case) -> str:
    return reverse("guidance_card_generate", args=[case.public_id])


def test_the_content_holds_the_case_officer_duty_and_signatures(case, alice, dave):
    content = guidance_card_content(case, today())
    facts = dict(content.facts)
    assert facts["Nomor register"] == case.register_number
    assert facts["Nama"] == case.client.full_name
    assert content.number == case.register_number
    headings = [s.heading for s in content.sections]
    assert headings == [
        "TAHAP BIMBINGAN",
        "PEMBIMBING KEMASYARAKATAN (PK)",
        "WAJIB LAPOR",
        "KEWAJIBAN KLIEN",
    ]
    assert content.sections[0].rows[1][0] == "Tahap awal"
    assert dict(content.sections[1].facts)["Jabatan"] == "PK Ahli Muda"
    with translation.override("id"):
        assert content.sections[2].paragraphs == [reporting_duty("PB").text]
    assert content.sections[2].paragraphs == ["Sebulan sekali"]  # Indonesian, always
    names = [s.name for s in content.signatures]
    assert names == [case.client.full_name, "Alice", "Dave"]
    assert content.signatures[2].role == "Kepala Bapas Kelas I Palembang"


def test_the_officer_generates_a_docx_card_from_the_client_page(client, alice, case):
    login(client, alice)
    page = client.get(reverse("client_detail", args=[case.client.public_id])).content.decode()
    assert url(case) in page
    assert "Generated documents" in page

    response = client.post(url(case), {"fmt": "docx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    filename = f"guidance-card-{case.register_number.replace('/', '-')}-v1.docx"
    assert filename in response["Content-Disposition"]
    text = docx_text(b"".join(response.streaming_content))
    assert case.register_number in text and "WAJIB LAPOR" in text
    document = GeneratedDocument.objects.get()
    assert (document.kind, document.client_pk) == ("guidance_card", case.client_id)
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="generateddocument")

    page = client.get(reverse("client_detail", args=[case.client.public_id])).content.decode()
    download = reverse("generated_document_download", args=[document.public_id])
    assert download in page


def test_the_registrar_prints_a_pdf_card(client, carol, case):
    login(client, carol)
    response = client.post(url(case), {"fmt": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline;")


def test_a_case_without_officer_gets_no_card_and_the_page_says_why(client, bob, make_case):
    unassigned = make_case(identity={"nik": None, "full_name": "Rudi"})
    login(client, bob)
    response = client.post(url(unassigned), {"fmt": "pdf"}, follow=True)
    assert "The guidance card can be printed once an officer is assigned." in (
        response.content.decode()
    )
    assert not GeneratedDocument.objects.exists()


def test_an_unknown_format_is_refused_with_a_message(client, alice, case):
    login(client, alice)
    response = client.post(url(case), {"fmt": "odt"}, follow=True)
    assert response.status_code == 200
    assert "Unknown value: odt." in response.content.decode()
    assert not GeneratedDocument.objects.exists()


@pytest.mark.parametrize("persona", ["erin", "nina", "pat"])
def test_others_get_a_404(client, request, persona, case):
    login(client, request.getfixturevalue(persona))
    assert client.post(url(case), {"fmt": "pdf"}).status_code == 404


def test_a_get_does_not_generate(client, alice, case):
    login(client, alice)
    assert client.get(url(case)).status_code == 405


def test_the_old_card_link_still_serves_the_pdf(client, alice, case):
    login(client, alice)
    response = client.get(reverse("case_card", args=[case.public_id]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_the_card_prints_the_clients_front_photo_in_both_formats(carol, alice, case):
    import io
    import zipfile

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image
    from pypdf import PdfReader

    from bimkemas.clients.services import document_add
    from bimkemas.documents.services import guidance_card_generate

    buffer = io.BytesIO()
    Image.new("RGB", (60, 80), (120, 90, 60)).save(buffer, format="PNG")
    photo = buffer.getvalue()
    upload = SimpleUploadedFile("depan.png", photo, content_type="image/png")
    document_add(actor=carol, case=case, kind="photo_front", upload=upload)
    case.client.refresh_from_db()
    assert guidance_card_content(case, today()).photo == photo

    docx = guidance_card_generate(actor=alice, case=case, fmt="docx").file.read()
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        media = [name for name in archive.namelist() if name.startswith("word/media/")]
        assert [archive.read(name) for name in media] == [photo]
    pdf = guidance_card_generate(actor=alice, case=case, fmt="pdf").file.read()
    assert PdfReader(io.BytesIO(pdf)).pages[0].images


def test_a_card_with_an_unreadable_photo_is_printed_without_it(carol, alice, case):
    import io
    import zipfile

    from bimkemas.clients.services import document_add
    from bimkemas.documents.services import guidance_card_generate
    from bimkemas.testing import png_upload

    # A PNG the upload check accepts but python-docx cannot read: the box stays empty.
    document_add(actor=carol, case=case, kind="photo_front", upload=png_upload())
    case.client.refresh_from_db()
    docx = guidance_card_generate(actor=alice, case=case, fmt="docx").file.read()
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        assert not [name for name in archive.namelist() if name.startswith("word/media/")]
    assert guidance_card_generate(actor=alice, case=case, fmt="pdf").size > 0
