"""The office's document settings page: heads and section heads set the letterhead and
the office's templates; everyone else gets a 404."""

import pytest
from django.urls import reverse

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.documents.models import DocumentTemplate, OfficeLetterhead, letterhead_for
from bimkemas.documents.tests.reading import docx_text
from bimkemas.documents.tests.templates import edited_default, upload
from bimkemas.testing import login

PAGE = "document_settings"


def test_the_head_sees_every_kind_with_its_built_in_template(client, dave):
    login(client, dave)
    response = client.get(reverse(PAGE))
    assert response.status_code == 200
    body = response.content.decode()
    for kind in ("litmas", "progress_report", "tpp_minutes", "guidance_card"):
        assert reverse("document_template_default", args=[kind]) in body
    assert "Default: BALAI PEMASYARAKATAN KELAS I PALEMBANG" in body


def test_the_built_in_template_downloads(client, bob):
    login(client, bob)
    response = client.get(reverse("document_template_default", args=["litmas"]))
    assert response.status_code == 200
    assert "{{ doc.title }}" in docx_text(b"".join(response.streaming_content))


def test_a_refused_upload_shows_the_reason_on_the_page(client, bob):
    login(client, bob)
    broken = edited_default("litmas", "{{ doc.title }}", "{{ doc.title + }}")
    response = client.post(
        reverse("document_template_upload"), {"kind": "litmas", "file": upload(broken)}
    )
    assert response.status_code == 400
    assert "The template does not render: unexpected" in response.content.decode()
    assert not DocumentTemplate.objects.exists()


def test_an_upload_is_used_and_can_be_switched_back_to_the_built_in(client, bob, office):
    login(client, bob)
    data = edited_default("litmas", "{{ doc.title }}", "{{ doc.title }} (KOP)")
    response = client.post(
        reverse("document_template_upload"),
        {"kind": "litmas", "file": upload(data, "kop-litmas.docx"), "note": "2027"},
        follow=True,
    )
    assert "The template was saved and is now in use." in response.content.decode()
    template = DocumentTemplate.objects.get()
    assert (template.original_name, template.is_active) == ("kop-litmas.docx", True)
    assert "kop-litmas.docx" in response.content.decode()

    file = client.get(reverse("document_template_file", args=[template.public_id]))
    assert "(KOP)" in docx_text(b"".join(file.streaming_content))

    use = reverse("document_template_activate", args=[template.public_id])
    client.post(use, {"use": "default"})
    template.refresh_from_db()
    assert template.is_active is False
    client.post(use)
    template.refresh_from_db()
    assert template.is_active is True


def test_the_head_saves_the_letterhead_and_documents_print_it(client, dave, office):
    login(client, dave)
    response = client.post(
        reverse("document_letterhead_save"),
        {"office_line": "BAPAS KELAS I PALEMBANG", "phone": "0711-352418", "city": ""},
    )
    assert response.status_code == 302
    letterhead = letterhead_for(office)
    assert (letterhead.office_line, letterhead.phone, letterhead.city) == (
        "BAPAS KELAS I PALEMBANG",
        "0711-352418",
        "Palembang",
    )
    event = AuditEvent.objects.get(object_type="officeletterhead")
    assert event.action == AuditAction.CREATE
    assert event.changes["phone"] == ["", "0711-352418"]


def test_a_bad_email_is_refused_on_its_field(client, dave):
    login(client, dave)
    response = client.post(reverse("document_letterhead_save"), {"email": "not an address"})
    assert response.status_code == 400
    assert not OfficeLetterhead.objects.exists()


@pytest.mark.parametrize("persona", ["alice", "carol", "erin", "nina"])
def test_others_get_a_404(client, request, persona):
    login(client, request.getfixturevalue(persona))
    assert client.get(reverse(PAGE)).status_code == 404
    assert client.get(reverse("document_template_default", args=["litmas"])).status_code == 404


def test_another_offices_template_is_a_404(client, dave, owen):
    login(client, owen)
    data = edited_default("litmas", "{{ doc.title }}", "{{ doc.title }}!")
    client.post(reverse("document_template_upload"), {"kind": "litmas", "file": upload(data)})
    theirs = DocumentTemplate.objects.get()
    login(client, dave)
    assert client.get(reverse("document_template_file", args=[theirs.public_id])).status_code == 404
    use = reverse("document_template_activate", args=[theirs.public_id])
    assert client.post(use, {"use": "default"}).status_code == 404
