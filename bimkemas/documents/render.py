"""Rendering a `DocumentContent` to DOCX (docxtpl) and PDF (WeasyPrint).

Both formats see the same context: `doc` (the content, its title defaulted per kind),
`letterhead` (the office's kop surat) and `kind`. DOCX templates are the office's active
upload or the built-in default (docx/<kind>.docx, made by build_docx.py); they run in
Jinja's sandbox, since an office's own template is text written by its staff, and with
autoescape, so "&" and "<" in the content survive as text.
"""

import dataclasses
import io
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from jinja2 import ChainableUndefined
from jinja2.sandbox import SandboxedEnvironment

from bimkemas.accounts.models import Office
from bimkemas.documents.content import DocumentContent
from bimkemas.documents.models import DocumentKind, DocumentTemplate, letterhead_for

DOCX_DIR = Path(__file__).resolve().parent / "docx"

DEFAULT_TITLES = {
    DocumentKind.LITMAS: "LAPORAN PENELITIAN KEMASYARAKATAN",
    DocumentKind.PROGRESS_REPORT: "LAPORAN PERKEMBANGAN PEMBIMBINGAN KLIEN",
    DocumentKind.TPP_MINUTES: "RISALAH SIDANG TIM PENGAMAT PEMASYARAKATAN",
    DocumentKind.GUIDANCE_CARD: "KARTU BIMBINGAN KLIEN PEMASYARAKATAN",
    DocumentKind.COMPLETION_CERTIFICATE: "SURAT KETERANGAN SELESAI MENJALANI BIMBINGAN",
}


def template_context(*, kind: str, office: Office, content: DocumentContent) -> dict[str, Any]:
    doc = content
    if not content.title:
        doc = dataclasses.replace(content, title=DEFAULT_TITLES[DocumentKind(kind)])
    return {"doc": doc, "letterhead": letterhead_for(office), "kind": kind}


def active_template(office: Office, kind: str) -> DocumentTemplate | None:
    if office.pk is None:  # an office not saved (a preview, the benchmark) has none
        return None
    return DocumentTemplate.objects.filter(office=office, kind=kind, is_active=True).first()


def default_template_path(kind: str) -> Path:
    return DOCX_DIR / f"{DocumentKind(kind).value}.docx"


def _jinja_env() -> SandboxedEnvironment:
    # Chainable: a template naming `doc.extra.x.y` that this content lacks prints nothing.
    return SandboxedEnvironment(autoescape=True, undefined=ChainableUndefined)


def _inline_photo(template: Any, photo: bytes) -> Any:
    """The photo as docxtpl's inline image, 3 × 4 cm; "" when there is none or it is not an
    image python-docx can read (a broken photo leaves the box empty, not the document)."""
    from docx.image.image import Image
    from docx.shared import Mm
    from docxtpl import InlineImage

    if not photo:
        return ""
    try:
        Image.from_blob(photo)
    except Exception:  # any unreadable image: printed without it
        return ""
    return InlineImage(template, io.BytesIO(photo), width=Mm(30), height=Mm(40))


def docx_from_template(source: Any, context: dict[str, Any]) -> bytes:
    """Fill a docxtpl template (a path or a binary file) with `context`.

    Raises jinja2's TemplateError (syntax errors, sandbox refusals) and docxtpl's own."""
    from docxtpl import DocxTemplate

    template = DocxTemplate(source)
    context = {**context, "photo": _inline_photo(template, context["doc"].photo)}
    template.render(context, jinja_env=_jinja_env(), autoescape=True)
    output = io.BytesIO()
    template.save(output)
    return output.getvalue()


class OfficeTemplateError(Exception):
    """An office's own template failed on this content (it rendered the sample when it was
    uploaded): the office should fix it or go back to the built-in template."""

    def __init__(self, template: DocumentTemplate, error: Exception) -> None:
        self.template = template
        self.detail = getattr(error, "message", None) or str(error) or type(error).__name__
        super().__init__(self.detail)


def docx_with_template(
    *, kind: str, office: Office, content: DocumentContent
) -> tuple[bytes, DocumentTemplate | None]:
    """The DOCX and the office template it came from (None: the built-in default)."""
    context = template_context(kind=kind, office=office, content=content)
    template = active_template(office, kind)
    if template is None:
        return docx_from_template(default_template_path(kind), context), None
    with template.file.open("rb") as upload:
        data = io.BytesIO(upload.read())
    try:
        return docx_from_template(data, context), template
    except Exception as error:  # whatever an office's template does wrong is its own failure
        raise OfficeTemplateError(template, error) from error


def render_docx(*, kind: str, office: Office, content: DocumentContent) -> bytes:
    return docx_with_template(kind=kind, office=office, content=content)[0]


def pdf_html(*, kind: str, office: Office, content: DocumentContent) -> str:
    """The HTML WeasyPrint prints: Indonesian whatever the reader's language."""
    context = template_context(kind=kind, office=office, content=content)
    with translation.override("id"):
        return render_to_string(f"documents/pdf/{DocumentKind(kind).value}.html", context)


def render_pdf(*, kind: str, office: Office, content: DocumentContent) -> bytes:
    # Imported here: WeasyPrint needs Pango from the system (as clients/card.py). Only data:
    # URIs may be fetched, never a file or a network address named in the content.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=["data"])
    html = pdf_html(kind=kind, office=office, content=content)
    return HTML(string=html, url_fetcher=fetcher).write_pdf()
