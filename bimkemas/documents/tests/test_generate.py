"""document_generate: each call is a new version, stored and audited; nothing overwritten."""

import hashlib

import pytest

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.documents.models import GeneratedDocument
from bimkemas.documents.samples import sample_content
from bimkemas.documents.selectors import documents_of
from bimkemas.documents.services import document_generate


def generate(alice, case, fmt="docx", kind="litmas"):
    return document_generate(
        actor=alice,
        kind=kind,
        source=case,
        office=case.office,
        content=sample_content("progress_report"),
        fmt=fmt,
        client=case.client,
    )


def test_it_stores_the_file_with_its_hash_and_audits_it(alice, case):
    document = generate(alice, case)
    data = document.file.read()
    assert document.version == 1
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.size == len(data)
    assert document.client_pk == case.client_id
    assert document.template is None
    assert document.filename == "litmas-0001-PB-D-2026-PLG-v1.docx"
    event = AuditEvent.objects.get(action=AuditAction.CREATE, object_type="generateddocument")
    assert (event.actor, event.client_pk, event.object_id) == (
        alice,
        case.client_id,
        str(document.public_id),
    )


def test_versions_increment_per_format_and_never_overwrite(alice, case):
    first = generate(alice, case)
    second = generate(alice, case)
    pdf = generate(alice, case, fmt="pdf")
    card = generate(alice, case, kind="guidance_card")
    assert [first.version, second.version, pdf.version, card.version] == [1, 2, 1, 1]
    assert first.file.name != second.file.name
    first.refresh_from_db()
    assert first.file.read()[:2] == b"PK"
    assert list(documents_of(case)) == [card, pdf, second, first]
    assert list(documents_of(case, kind="litmas")) == [pdf, second, first]


def test_it_refuses_an_unknown_format_and_saves_nothing(alice, case):
    from bimkemas.core.errors import ApplicationError

    with pytest.raises(ApplicationError):
        generate(alice, case, fmt="odt")
    assert not GeneratedDocument.objects.exists()


def test_a_failed_write_leaves_no_file(alice, case, monkeypatch, settings):
    from bimkemas.documents.services import generate as services

    def broken(**kwargs):
        raise RuntimeError("audit down")

    monkeypatch.setattr(services, "audit_record", broken)
    with pytest.raises(RuntimeError):
        generate(alice, case)
    assert not GeneratedDocument.objects.exists()
    stored = list((settings.MEDIA_ROOT / "documents").rglob("*.docx"))
    assert stored == []
