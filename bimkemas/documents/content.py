"""What a generated document says, independent of its format.

Every document type (litmas, progress report, TPP minutes, guidance card, completion
certificate) is built by the app that owns its record as a `DocumentContent`; the documents
app renders it into DOCX (docxtpl, the office's template or the default) and PDF
(WeasyPrint, an HTML template) in the Indonesian official layout, and stores each result as a
version. Templates see the content as `doc` (e.g. `{{ doc.title }}`, `{% for s in
doc.sections %}`), the office's letterhead as `letterhead`, and `doc.extra` for fields that
only one type has.
"""

import base64
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Signature:
    role: str  # "Pembimbing Kemasyarakatan", "Kepala Bapas Kelas I Palembang"
    name: str
    nip: str = ""
    label: str = ""  # words above the role: "Mengetahui", "Disetujui oleh"


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    # A table: the first row is the header when `header` is True.
    rows: list[list[str]] = field(default_factory=list)
    header: bool = False
    # Label / value pairs shown as a two-column list ("Nama : Budi Santoso").
    facts: list[tuple[str, str]] = field(default_factory=list)

    @property
    def head(self) -> list[str]:
        """The table's header row, or [] (templates print it in bold)."""
        return self.rows[0] if self.header and self.rows else []

    @property
    def body(self) -> list[list[str]]:
        """The table's rows after the header."""
        return self.rows[1:] if self.header else self.rows


@dataclass
class DocumentContent:
    title: str  # "LAPORAN PENELITIAN KEMASYARAKATAN"
    number: str = ""  # the document's own number, e.g. the litmas register number
    subtitle: str = ""  # e.g. "Untuk Pembebasan Bersyarat"
    confidential: bool = False  # prints RAHASIA at the top of every page
    place: str = ""  # "Palembang"
    date: str = ""  # "2 Desember 2026", formatted by the builder
    facts: list[tuple[str, str]] = field(default_factory=list)  # identity block at the top
    sections: list[Section] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    # A passport photo (PNG or JPEG bytes) printed beside the identity facts, as on the
    # guidance card; DOCX templates place it with {{ photo }}.
    photo: bytes = b""

    @property
    def photo_data_uri(self) -> str:
        """The photo for the PDF's HTML, embedded so that WeasyPrint fetches nothing."""
        if not self.photo:
            return ""
        kind = "png" if self.photo.startswith(b"\x89PNG") else "jpeg"
        return f"data:image/{kind};base64,{base64.b64encode(self.photo).decode('ascii')}"
