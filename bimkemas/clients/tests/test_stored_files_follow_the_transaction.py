"""A rolled-back write leaves no file behind: rows and files go together."""

import pytest
from django.db import transaction

from bimkemas.clients import services
from bimkemas.clients.models import CaseDocument, Client
from bimkemas.testing import case_data, identity_data, pdf_upload, png_upload


def stored_files(settings) -> list:
    root = settings.MEDIA_ROOT
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def failing_after(calls: int):
    """An audit writer that fails on its n-th call, as a database error would."""
    real = services.audit_record
    count = {"n": 0}

    def audit_record(**kwargs):
        count["n"] += 1
        if count["n"] >= calls:
            raise RuntimeError("database went away")
        return real(**kwargs)

    return audit_record


def test_it_removes_a_document_file_when_its_audit_row_fails(settings, monkeypatch, bob, case):
    monkeypatch.setattr(services, "audit_record", failing_after(1))

    with pytest.raises(RuntimeError):
        services.document_add(actor=bob, case=case, kind="sk", upload=pdf_upload())

    assert not CaseDocument.objects.exists()
    assert stored_files(settings) == []


def test_it_removes_every_stored_file_when_an_intake_fails_after_them(
    settings, monkeypatch, carol, work_area, pb, facility
):
    # The second document's audit row fails: the first document's file is already on disk.
    before = Client.objects.count()
    real = services.audit_record

    def fail_on_second_document(**kwargs):
        if kwargs["obj"].__class__ is CaseDocument and CaseDocument.objects.count() == 2:
            raise RuntimeError("database went away")
        return real(**kwargs)

    monkeypatch.setattr(services, "audit_record", fail_on_second_document)

    with pytest.raises(RuntimeError):
        services.client_intake(
            actor=carol,
            identity=identity_data(work_area),
            case=case_data(pb, facility),
            documents=[("sk", pdf_upload()), ("photo_front", png_upload())],
        )

    assert Client.objects.count() == before
    assert stored_files(settings) == []


def test_it_keeps_the_files_of_a_write_that_commits(settings, bob, case):
    with transaction.atomic():
        document = services.document_add(actor=bob, case=case, kind="sk", upload=pdf_upload())

    assert [path.name for path in stored_files(settings)] == [document.file.name.split("/")[-1]]
