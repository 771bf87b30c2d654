"""Writes of the documents app (see the package's modules); everything other apps call is
importable from here: `from bimkemas.documents.services import document_generate`."""

from bimkemas.documents.render import render_docx, render_pdf
from bimkemas.documents.services.generate import document_generate, guidance_card_generate
from bimkemas.documents.services.letterhead import LETTERHEAD_FIELDS, letterhead_update
from bimkemas.documents.services.templates import (
    MAX_TEMPLATE_BYTES,
    document_template_activate,
    document_template_check,
    document_template_deactivate,
    document_template_upload,
)

__all__ = [
    "LETTERHEAD_FIELDS",
    "MAX_TEMPLATE_BYTES",
    "document_generate",
    "document_template_activate",
    "document_template_check",
    "document_template_deactivate",
    "document_template_upload",
    "guidance_card_generate",
    "letterhead_update",
    "render_docx",
    "render_pdf",
]
