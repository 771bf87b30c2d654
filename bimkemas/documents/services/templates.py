"""An office's own DOCX templates: checked before they are accepted, one active per kind,
the earlier ones kept."""

import hashlib
import io
import zipfile
from typing import Any

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from bimkemas.accounts.models import Office, User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.core.errors import ApplicationError
from bimkemas.core.files import atomic_with_files, store_file
from bimkemas.documents.models import DocumentKind, DocumentTemplate
from bimkemas.documents.render import docx_from_template, template_context
from bimkemas.documents.samples import sample_content
from bimkemas.documents.services.generate import check_choice

MAX_TEMPLATE_BYTES = 2 * 1024 * 1024


def _read_upload(file: Any) -> bytes:
    size = getattr(file, "size", None)
    if size is not None and size > MAX_TEMPLATE_BYTES:
        raise ApplicationError(_("The template may be at most 2 MB."), field="file")
    file.seek(0)
    data = file.read(MAX_TEMPLATE_BYTES + 1)
    if len(data) > MAX_TEMPLATE_BYTES:
        raise ApplicationError(_("The template may be at most 2 MB."), field="file")
    return data


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return False


def document_template_check(*, kind: str, office: Office, file: Any) -> bytes:
    """The upload's bytes, or ApplicationError on the file field: over 2 MB, not a DOCX, or a
    template that does not render a sample of its kind (the message carries the template
    engine's own error, so the author can find the tag)."""
    check_choice(kind, DocumentKind, "kind")
    data = _read_upload(file)
    if not _is_docx(data):
        raise ApplicationError(_("The template must be a Word document (.docx)."), field="file")
    context = template_context(kind=kind, office=office, content=sample_content(kind))
    try:
        docx_from_template(io.BytesIO(data), context)
    except Exception as error:  # any failure of an uploaded template is its own
        # Jinja's line numbers count lines of Word's XML, not of the document: left out.
        detail = getattr(error, "message", None) or str(error) or type(error).__name__
        raise ApplicationError(
            _("The template does not render: %(error)s") % {"error": detail},
            field="file",
        ) from error
    return data


@atomic_with_files
def document_template_upload(
    *, actor: User, office: Office, kind: str, file: Any, note: str = ""
) -> DocumentTemplate:
    """A new active template for the office's documents of this kind; the previous one stays,
    inactive. Refused: not a DOCX, over 2 MB, or a template that does not render."""
    data = document_template_check(kind=kind, office=office, file=file)
    Office.objects.select_for_update().get(pk=office.pk)
    previous = list(DocumentTemplate.objects.filter(office=office, kind=kind, is_active=True))
    for old in previous:
        old.is_active = False
        old.save(update_fields=["is_active"])
    name = str(getattr(file, "name", "") or "template.docx").rsplit("/", 1)[-1][:200]
    template = DocumentTemplate(
        office=office,
        kind=kind,
        original_name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by=actor,
        note=note[:300],
    )
    store_file(template.file, f"{office.code}-{kind}.docx", ContentFile(data))
    template.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=template,
        summary=f"{template.get_kind_display()}: {name}",
        changes={"replaces": [old.pk for old in previous]},
    )
    return template


@atomic_with_files
def document_template_activate(*, actor: User, template: DocumentTemplate) -> DocumentTemplate:
    """Use an earlier template again (it rendered when uploaded); the active one is kept."""
    Office.objects.select_for_update().get(pk=template.office_id)
    active = DocumentTemplate.objects.filter(
        office_id=template.office_id, kind=template.kind, is_active=True
    ).exclude(pk=template.pk)
    for old in active:  # one by one, so each change enters the edit history
        old.is_active = False
        old.save(update_fields=["is_active"])
    template.is_active = True
    template.save(update_fields=["is_active"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=template,
        summary=_("Template activated"),
        changes={"is_active": [False, True]},
    )
    return template


@atomic_with_files
def document_template_deactivate(*, actor: User, template: DocumentTemplate) -> DocumentTemplate:
    """Back to the built-in default template for this office and kind."""
    template.is_active = False
    template.save(update_fields=["is_active"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=template,
        summary=_("Template deactivated"),
        changes={"is_active": [True, False]},
    )
    return template
