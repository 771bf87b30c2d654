"""The progress report as DOCX (python-docx) and PDF (pypdf): the client's name, register
number, stage, period facts and the PK's judgement."""

import io

import docx
import pypdf
import pytest

from bimkemas.core.errors import ApplicationError
from bimkemas.documents.selectors import documents_of
from bimkemas.guidance.services.evaluations import (
    evaluation_approve,
    evaluation_document_generate,
)

pytestmark = pytest.mark.django_db


def docx_text(document) -> str:
    with document.file.open("rb") as stream:
        parsed = docx.Document(io.BytesIO(stream.read()))
    cells = [c.text for t in parsed.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in parsed.paragraphs] + cells)


def pdf_text(document) -> str:
    with document.file.open("rb") as stream:
        reader = pypdf.PdfReader(io.BytesIO(stream.read()))
        return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def approved(submitted, bob):
    bob.nip = "198001012005011001"
    bob.save()
    return evaluation_approve(actor=bob, evaluation=submitted)


def test_the_docx_holds_the_client_the_stage_and_the_judgement(approved, alice):
    document = evaluation_document_generate(actor=alice, evaluation=approved, fmt="docx")

    text = docx_text(document)
    assert "Rahmat Hidayat" in text
    assert approved.case.register_number in text
    assert "Tahap Awal" in text
    assert "Klien mengikuti bimbingan dengan baik." in text
    assert "Dilanjutkan ke tahap berikutnya" in text
    assert "PELAKSANAAN WAJIB LAPOR" in text
    assert "Mengetahui" in text and "198001012005011001" in text


def test_the_pdf_holds_them_too_and_versions_are_kept(approved, alice):
    first = evaluation_document_generate(actor=alice, evaluation=approved, fmt="pdf")
    second = evaluation_document_generate(actor=alice, evaluation=approved, fmt="pdf")

    text = " ".join(pdf_text(second).split())
    assert "Rahmat Hidayat" in text
    assert approved.case.register_number in text
    assert "Tahap Awal" in text
    assert "Dilanjutkan ke tahap berikutnya" in text
    assert [d.version for d in documents_of(approved)] == [2, 1]
    assert first.version == 1


def test_another_officer_cannot_generate(approved, pat):
    with pytest.raises(ApplicationError):
        evaluation_document_generate(actor=pat, evaluation=approved, fmt="pdf")
