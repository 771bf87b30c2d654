"""Every kind renders the official layout in both formats, with the content intact."""

import pytest

from bimkemas.documents.content import DocumentContent, Section, Signature
from bimkemas.documents.models import DocumentKind
from bimkemas.documents.render import render_docx, render_pdf
from bimkemas.documents.samples import sample_content
from bimkemas.documents.tests.reading import docx_header, docx_text, pdf_text

KINDS = list(DocumentKind.values)


def tricky_content() -> DocumentContent:
    return DocumentContent(
        title="LAPORAN PERKEMBANGAN PEMBIMBINGAN KLIEN",
        number="0001/PB/D/2026/PLG",
        subtitle="Tahap Awal",
        confidential=True,
        place="Palembang",
        date="2 Desember 2026",
        facts=[("Nama", "Budi & Sons <Alias>"), ("NIK", "1671011708900001")],
        sections=[
            Section(heading="A. PELAKSANAAN", paragraphs=["Skor < 7 & stabil"]),
            Section(
                heading="B. KEHADIRAN",
                header=True,
                rows=[["Bulan", "Lapor"], ["Oktober 2026", "Hadir 3×"]],
            ),
            Section(heading="C. PENJAMIN", facts=[("Hubungan", "Istri")]),
        ],
        signatures=[
            Signature(role="Pembimbing Kemasyarakatan", name="Alice R.", nip="198501012010012001"),
            Signature(label="Mengetahui", role="Kepala Bapas", name="Dave H.", nip="1972031520"),
        ],
    )


EXPECTED = [
    "LAPORAN PERKEMBANGAN PEMBIMBINGAN KLIEN",
    "0001/PB/D/2026/PLG",
    "Tahap Awal",
    "Budi & Sons <Alias>",
    "1671011708900001",
    "A. PELAKSANAAN",
    "Skor < 7 & stabil",
    "B. KEHADIRAN",
    "Oktober 2026",
    "Hadir 3×",
    "C. PENJAMIN",
    "Istri",
    "Alice R.",
    "NIP. 198501012010012001",
    "Mengetahui",
    "Dave H.",
    "Palembang, 2 Desember 2026",
    "BALAI PEMASYARAKATAN KELAS I PALEMBANG",
    "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA",
    "KANTOR WILAYAH DIREKTORAT JENDERAL PEMASYARAKATAN SUMATERA SELATAN",
]


@pytest.mark.parametrize("kind", KINDS)
def test_it_renders_every_kind_as_docx_with_the_content_intact(office, letterhead, kind):
    data = render_docx(kind=kind, office=office, content=tricky_content())
    text = docx_text(data)
    for expected in EXPECTED:
        assert expected in text, expected
    assert "Nomor: 0001/PB/D/2026/PLG" in text
    assert "bapas.palembang@kemenimipas.go.id" in text
    assert "RAHASIA" in docx_header(data)
    assert "{{" not in text and "{%" not in text


@pytest.mark.parametrize("kind", KINDS)
def test_it_renders_every_kind_as_pdf_with_the_content_intact(office, letterhead, kind):
    data = render_pdf(kind=kind, office=office, content=tricky_content())
    assert data.startswith(b"%PDF")
    text = " ".join(pdf_text(data).split())
    for expected in EXPECTED:
        assert expected in text, expected
    assert "RAHASIA" in text
    assert "Halaman 1 dari 1" in text


def test_a_document_that_is_not_confidential_has_no_rahasia(office):
    content = tricky_content()
    content.confidential = False
    assert "RAHASIA" not in docx_header(render_docx(kind="litmas", office=office, content=content))
    assert "RAHASIA" not in pdf_text(render_pdf(kind="litmas", office=office, content=content))


def test_rahasia_is_on_every_page_of_a_long_pdf(office):
    data = render_pdf(kind="litmas", office=office, content=sample_content("litmas"))
    from io import BytesIO

    from pypdf import PdfReader

    pages = PdfReader(BytesIO(data)).pages
    assert len(pages) > 2
    assert all("RAHASIA" in page.extract_text() for page in pages)


def test_a_kind_without_a_title_gets_its_default_title(office):
    content = DocumentContent(title="")
    text = docx_text(render_docx(kind="guidance_card", office=office, content=content))
    assert "KARTU BIMBINGAN KLIEN PEMASYARAKATAN" in text


def test_the_letterhead_defaults_come_from_the_office(office):
    office.address = "Jl. Kapten A. Rivai No. 90"
    office.save()
    text = docx_text(render_docx(kind="litmas", office=office, content=tricky_content()))
    assert "Jl. Kapten A. Rivai No. 90" in text
    assert "BALAI PEMASYARAKATAN KELAS I PALEMBANG" in text
