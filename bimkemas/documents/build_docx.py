"""Builds the default DOCX templates (bimkemas/documents/docx/<kind>.docx) with python-docx.

The templates are committed as binary files; run this after changing the layout:

    .venv/bin/python -m bimkemas.documents.build_docx

They use docxtpl's syntax and see the same context as the PDF templates: `doc` (the
`DocumentContent`), `letterhead` (`models.Letterhead`) and `kind`. An office may replace
one with its own (uploaded through the admin or the API): starting from these files, edited
in Word, keeps the tags intact. The layout is the Indonesian official letter: kop surat with
a double rule, RAHASIA in the page header when confidential, title and number, identity
facts, sections (paragraphs, facts, tables), place and date, signatures side by side.
"""

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

DOCX_DIR = Path(__file__).resolve().parent / "docx"
KINDS = (
    "litmas",
    "progress_report",
    "tpp_minutes",
    "guidance_card",
    "completion_certificate",
    "violation_letter",
    "revocation_statement",
    "revocation_report",
)
# Short documents meant to fit one page are set a little smaller.
BODY_SIZE = {"guidance_card": 10.5, "completion_certificate": 11.5}
FONT = "Times New Roman"


def _paragraph(
    container,
    text: str = "",
    *,
    bold: bool = False,
    underline: bool = False,
    size: float | None = None,
    align: int | None = None,
    after: float = 0,
) -> Paragraph:
    paragraph = container.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.underline = underline or None
        if size:
            run.font.size = Pt(size)
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.space_before = Pt(0)
    return paragraph


def _tag(container, tag: str) -> Paragraph:
    """A paragraph holding only a docxtpl `{%p … %}` tag: removed when rendered."""
    return _paragraph(container, "{%p " + tag + " %}")


def _rule_under(paragraph: Paragraph) -> None:
    """The kop surat's double rule: a thick-thin border under the paragraph."""
    properties = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (
        ("val", "thickThinSmallGap"),
        ("sz", "18"),
        ("space", "4"),
        ("color", "000000"),
    ):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    properties.append(borders)


def _no_borders(table: Table) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def _cell_text(cell, text: str, *, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold or None
    paragraph.paragraph_format.space_after = Pt(0)


def _facts_table(document, items: str, *, photo: bool = False) -> None:
    """label : value rows, without borders; with `photo`, the photo in a fourth column
    merged down the rows (docxtpl's {% vm %})."""
    _tag(document, f"if {items}")
    table = document.add_table(rows=3, cols=4 if photo else 3)
    _no_borders(table)
    table.autofit = False
    widths = (Cm(4.6), Cm(0.6), Cm(8.0), Cm(3.3)) if photo else (Cm(5.2), Cm(0.6), Cm(10.7))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid, which LibreOffice follows
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width  # the cells, which Word follows
    _cell_text(table.cell(0, 0), "{%tr for f in " + items + " %}")
    _cell_text(table.cell(1, 0), "{{ f[0] }}")
    _cell_text(table.cell(1, 1), ":")
    _cell_text(table.cell(1, 2), "{{ f[1] }}")
    if photo:
        _cell_text(table.cell(1, 3), "{% vm %}{{ photo }}")
        table.cell(1, 3).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _cell_text(table.cell(2, 0), "{%tr endfor %}")
    # Word joins tables that touch: a paragraph keeps the next table apart.
    _paragraph(document, after=2)
    _tag(document, "endif")


def _rows_table(document) -> None:
    """A section's table: the header row in bold when the section has one."""
    _tag(document, "if s.rows")
    table = document.add_table(rows=6, cols=3)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _cell_text(table.cell(0, 0), "{%tr if s.head %}")
    # The header row repeats at the top of each page the table runs onto.
    table.rows[1]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    _cell_text(table.cell(1, 0), "{%tc for c in s.head %}")
    _cell_text(table.cell(1, 1), "{{ c }}", bold=True)
    table.cell(1, 1).paragraphs[0].paragraph_format.keep_with_next = True  # never orphaned
    _cell_text(table.cell(1, 2), "{%tc endfor %}")
    _cell_text(table.cell(2, 0), "{%tr endif %}")
    _cell_text(table.cell(3, 0), "{%tr for r in s.body %}")
    _cell_text(table.cell(4, 0), "{%tc for c in r %}")
    _cell_text(table.cell(4, 1), "{{ c }}")
    _cell_text(table.cell(4, 2), "{%tc endfor %}")
    _cell_text(table.cell(5, 0), "{%tr endfor %}")
    _paragraph(document, after=4)
    _tag(document, "endif")


def _signatures(document) -> None:
    _tag(document, "if doc.signatures")
    table = document.add_table(rows=1, cols=3)
    _no_borders(table)
    row = table.rows[0]
    row_properties = row._tr.get_or_add_trPr()
    row_properties.append(OxmlElement("w:cantSplit"))
    _cell_text(row.cells[0], "{%tc for sig in doc.signatures %}")
    cell = row.cells[1]
    centre = WD_ALIGN_PARAGRAPH.CENTER
    cell.paragraphs[0].alignment = centre
    cell.paragraphs[0].add_run("{{ sig.label }}")
    _paragraph(cell, "{{ sig.role }}", align=centre)
    for _ in range(3):
        _paragraph(cell, align=centre)
    _paragraph(cell, "{{ sig.name }}", bold=True, underline=True, align=centre)
    _paragraph(cell, "{{ 'NIP. ' ~ sig.nip if sig.nip else '' }}", align=centre)
    _cell_text(row.cells[2], "{%tc endfor %}")
    _tag(document, "endif")
    _paragraph(document)  # Word expects the body to end with a paragraph


def _page_setup(document, body_size: float) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.header_distance = section.footer_distance = Cm(1)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.font.size = Pt(body_size)
    style.paragraph_format.space_after = Pt(0)
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = header.add_run("{{ 'RAHASIA' if doc.confidential else '' }}")
    run.bold = True
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Halaman ")
    _field(footer, "PAGE")
    footer.add_run(" dari ")
    _field(footer, "NUMPAGES")


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (the page number, the page count) that Word fills in when it lays out."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    field_run = OxmlElement("w:r")
    field_text = OxmlElement("w:t")
    field_text.text = "1"
    field_run.append(field_text)
    field.append(field_run)
    paragraph._p.append(field)


def _letterhead(document) -> None:
    centre = WD_ALIGN_PARAGRAPH.CENTER
    _tag(document, "for line in letterhead.ministry_lines")
    _paragraph(document, "{{ line }}", size=12, align=centre)
    _tag(document, "endfor")
    _paragraph(document, "{{ letterhead.regional_office }}", size=12, align=centre)
    _paragraph(document, "{{ letterhead.office_line }}", bold=True, size=14, align=centre)
    contact = _paragraph(document, "{{ letterhead.contact }}", size=9, align=centre, after=12)
    _rule_under(contact)


def _heading(document) -> None:
    centre = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(document, "{{ doc.title }}", bold=True, underline=True, size=13, align=centre)
    _tag(document, "if doc.number")
    _paragraph(document, "Nomor: {{ doc.number }}", align=centre)
    _tag(document, "endif")
    _tag(document, "if doc.subtitle")
    _paragraph(document, "{{ doc.subtitle }}", bold=True, align=centre)
    _tag(document, "endif")
    _paragraph(document, after=6)


def _sections(document) -> None:
    _tag(document, "for s in doc.sections")
    _tag(document, "if s.heading")
    heading = _paragraph(document, "{{ s.heading }}", bold=True, after=3)
    heading.paragraph_format.space_before = Pt(8)
    heading.paragraph_format.keep_with_next = True
    _tag(document, "endif")
    _tag(document, "for para in s.paragraphs")
    paragraph = _paragraph(document, "{{ para }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=4)
    paragraph.paragraph_format.first_line_indent = Cm(1)
    _tag(document, "endfor")
    _facts_table(document, "s.facts")
    _rows_table(document)
    _tag(document, "endfor")


def _identity(document) -> None:
    """The identity facts, with the client's photo beside them when there is one."""
    _tag(document, "if photo")
    _facts_table(document, "doc.facts", photo=True)
    _tag(document, "else")
    _facts_table(document, "doc.facts")
    _tag(document, "endif")


def build(kind: str) -> DocxDocument:
    document = Document()
    _page_setup(document, BODY_SIZE.get(kind, 12))
    _letterhead(document)
    _heading(document)
    _identity(document)
    _sections(document)
    _paragraph(document, after=8)
    _tag(document, "if doc.date")
    _paragraph(
        document,
        "{{ doc.place or letterhead.city }}, {{ doc.date }}",
        align=WD_ALIGN_PARAGRAPH.RIGHT,
        after=6,
    )
    _tag(document, "endif")
    _signatures(document)
    document.core_properties.title = "{{ doc.title }}"
    document.core_properties.author = "bimkemas"
    return document


def main() -> None:
    DOCX_DIR.mkdir(exist_ok=True)
    for kind in KINDS:
        build(kind).save(str(DOCX_DIR / f"{kind}.docx"))
        print(DOCX_DIR / f"{kind}.docx")


if __name__ == "__main__":
    main()
