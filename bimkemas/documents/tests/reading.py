"""Reading generated documents back: python-docx for DOCX, pypdf for PDF."""

import io

from docx import Document
from pypdf import PdfReader


def docx_text(data: bytes) -> str:
    """Every paragraph of the body, its tables (nested too) and its headers, one per line."""
    document = Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]

    def cells(tables):
        for table in tables:
            for row in table.rows:
                for cell in row.cells:
                    yield cell.text
                    yield from cells(cell.tables)

    lines += list(cells(document.tables))
    return "\n".join(lines)


def docx_header(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    return "\n".join(p.text for s in document.sections for p in s.header.paragraphs)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
