"""An office's own DOCX template: checked before it is accepted, then used for that office."""

import io
import zipfile

import pytest

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.core.errors import ApplicationError
from bimkemas.documents.models import DocumentTemplate
from bimkemas.documents.render import render_docx
from bimkemas.documents.samples import sample_content
from bimkemas.documents.services import (
    document_generate,
    document_template_activate,
    document_template_upload,
)
from bimkemas.documents.tests.reading import docx_text
from bimkemas.documents.tests.templates import edited_default, upload


def with_motto() -> bytes:
    return edited_default("litmas", "{{ doc.title }}", "{{ doc.title }} – MOTTO KANTOR")


def test_it_refuses_a_file_that_is_not_a_docx(dave, office):
    with pytest.raises(ApplicationError) as refusal:
        document_template_upload(
            actor=dave, office=office, kind="litmas", file=upload(b"%PDF-1.7 not a word file")
        )
    assert refusal.value.errors == {"file": ["The template must be a Word document (.docx)."]}
    assert not DocumentTemplate.objects.exists()


def test_it_refuses_a_zip_without_a_word_document(dave, office):
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("content.xml", "<x/>")
    with pytest.raises(ApplicationError, match="Word document"):
        document_template_upload(
            actor=dave, office=office, kind="litmas", file=upload(data.getvalue())
        )


def test_it_refuses_a_template_over_two_megabytes(dave, office):
    with pytest.raises(ApplicationError, match="at most 2 MB"):
        document_template_upload(
            actor=dave, office=office, kind="litmas", file=upload(b"0" * (2 * 1024 * 1024 + 1))
        )
    assert not DocumentTemplate.objects.exists()


@pytest.mark.parametrize(
    ("tag", "error"),
    [
        ("{{ doc.title + }}", "unexpected 'end of print statement'"),
        ("{% if doc.title %}{{ doc.title }}", "Jinja was looking for the following tags"),
        ("{{ doc.title | shout }}", "No filter named 'shout'"),
    ],
)
def test_a_template_with_a_jinja_error_is_refused_with_the_error(
    dave, office, settings, tag, error
):
    broken = edited_default("litmas", "{{ doc.title }}", tag)
    with pytest.raises(ApplicationError) as refusal:
        document_template_upload(actor=dave, office=office, kind="litmas", file=upload(broken))
    message = refusal.value.errors["file"][0]
    assert message.startswith("The template does not render: ")
    assert error in message
    assert not DocumentTemplate.objects.exists()
    assert not AuditEvent.objects.exists()
    assert not list((settings.MEDIA_ROOT).rglob("*.docx"))


def test_a_template_cannot_reach_outside_the_content(dave, office):
    """Templates run in Jinja's sandbox: Python's internals print nothing."""
    internals = "[{{ doc.__class__.__init__.__globals__ }}]"
    escape = edited_default("litmas", "{{ doc.title }}", internals)
    document_template_upload(actor=dave, office=office, kind="litmas", file=upload(escape))
    text = docx_text(render_docx(kind="litmas", office=office, content=sample_content("litmas")))
    assert "[]" in text
    assert "builtins" not in text


def test_an_accepted_template_is_used_for_that_office_only(dave, office, other_office):
    template = document_template_upload(
        actor=dave, office=office, kind="litmas", file=upload(with_motto()), note="Motto"
    )
    assert (template.is_active, template.uploaded_by, template.note) == (True, dave, "Motto")
    content = sample_content("litmas")
    assert "MOTTO KANTOR" in docx_text(render_docx(kind="litmas", office=office, content=content))
    other = docx_text(render_docx(kind="litmas", office=other_office, content=content))
    assert "MOTTO KANTOR" not in other
    progress = render_docx(kind="progress_report", office=office, content=content)
    assert "MOTTO KANTOR" not in docx_text(progress)
    event = AuditEvent.objects.get(action=AuditAction.CREATE)
    assert (event.actor, event.object_type) == (dave, "documenttemplate")


def test_a_generated_document_names_the_template_it_used(dave, alice, case):
    template = document_template_upload(
        actor=dave, office=case.office, kind="litmas", file=upload(with_motto())
    )
    document = document_generate(
        actor=alice,
        kind="litmas",
        source=case,
        office=case.office,
        content=sample_content("litmas"),
        fmt="docx",
        client=case.client,
    )
    assert document.template == template


def test_a_new_upload_replaces_the_active_one_and_keeps_the_old(dave, office):
    first = document_template_upload(
        actor=dave, office=office, kind="litmas", file=upload(with_motto())
    )
    second = document_template_upload(
        actor=dave,
        office=office,
        kind="litmas",
        file=upload(edited_default("litmas", "{{ doc.title }}", "{{ doc.title }} – BARU")),
    )
    first.refresh_from_db()
    assert (first.is_active, second.is_active) == (False, True)
    assert first.history.count() == 2  # created, then deactivated
    content = sample_content("litmas")
    text = docx_text(render_docx(kind="litmas", office=office, content=content))
    assert "BARU" in text and "MOTTO KANTOR" not in text

    document_template_activate(actor=dave, template=first)
    second.refresh_from_db()
    assert second.is_active is False
    assert "MOTTO KANTOR" in docx_text(render_docx(kind="litmas", office=office, content=content))


def test_a_template_failing_on_real_content_is_a_clear_refusal(dave, alice, case):
    """It rendered the sample (whose sections all have paragraphs) but not this content."""
    fragile = edited_default("litmas", "{{ s.heading }}", "{{ 1 // s.paragraphs|length }}")
    document_template_upload(actor=dave, office=case.office, kind="litmas", file=upload(fragile))
    content = sample_content("litmas")
    content.sections[0].paragraphs = []
    with pytest.raises(ApplicationError) as refusal:
        document_generate(
            actor=alice,
            kind="litmas",
            source=case,
            office=case.office,
            content=content,
            fmt="docx",
            client=case.client,
        )
    assert "The office's Word template for this document does not work here" in (
        refusal.value.message
    )
    pdf = document_generate(
        actor=alice,
        kind="litmas",
        source=case,
        office=case.office,
        content=content,
        fmt="pdf",
        client=case.client,
    )
    assert pdf.version == 1
