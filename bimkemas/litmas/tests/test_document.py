import datetime as dt
import io

import pytest
from docx import Document
from pypdf import PdfReader

from bimkemas.litmas.services import report_save
from bimkemas.tpp.models import TppSession

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(office, bob, dave):
    return TppSession.objects.create(
        office=office,
        year=2026,
        seq=7,
        number="TPP.07/2026/PLG",
        held_on=dt.date(2026, 11, 20),
        place="Aula Bapas",
        chair=dave,
        secretary=bob,
        scheduled_by=bob,
    )


def _docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
        for table in section.header.tables:
            parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _generate(client, user, report, fmt):
    client.force_login(user)
    response = client.post(f"/litmas/{report.request.public_id}/report/document/{fmt}/")
    assert response.status_code == 200, response.content[:300]
    return b"".join(response.streaming_content)


def test_the_docx_is_confidential_numbered_and_complete(
    client, full_report, alice, session, client_of_alice
):
    report_save(actor=alice, report=full_report, content={}, tpp_session=session)
    full_report.refresh_from_db()
    text = _docx_text(_generate(client, alice, full_report, "docx"))
    assert "RAHASIA" in text
    assert full_report.number in text
    assert "PENDAHULUAN" in text and "REKOMENDASI" in text
    assert client_of_alice.full_name in text
    assert "TPP.07/2026/PLG" in text
    assert "Mengetahui" in text


def test_the_pdf_says_the_same(client, full_report, alice, client_of_alice):
    data = _generate(client, alice, full_report, "pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "RAHASIA" in text
    assert full_report.number in text
    assert client_of_alice.full_name in text
