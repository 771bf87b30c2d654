"""Writes of the documents app: generating a document version, an office's templates.

`document_generate` is what every other app calls with its `DocumentContent`: it renders
outside the transaction (a PDF takes a second), then stores the file, numbers the version and
writes the audit row in one transaction, so a failure leaves no row and no file.
"""

import hashlib
import io
import zipfile
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from bimkemas.accounts.models import Office, User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record, changes_between, snapshot
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.files import atomic_with_files, store_file
from bimkemas.documents.card import guidance_card_content
from bimkemas.documents.content import DocumentContent
from bimkemas.documents.models import (
    DocumentFormat,
    DocumentKind,
    DocumentTemplate,
    GeneratedDocument,
    OfficeLetterhead,
)
from bimkemas.documents.render import (
    DEFAULT_TITLES,
    docx_from_template,
    docx_with_template,
    render_docx,
    render_pdf,
    template_context,
)
from bimkemas.documents.samples import sample_content

__all__ = [
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

MAX_TEMPLATE_BYTES = 2 * 1024 * 1024


def _render(
    *, kind: str, office: Office, content: DocumentContent, fmt: str
) -> tuple[bytes, DocumentTemplate | None]:
    if fmt == DocumentFormat.DOCX:
        return docx_with_template(kind=kind, office=office, content=content)
    return render_pdf(kind=kind, office=office, content=content), None


def _valid_choice(value: str, choices: type[models.TextChoices], field: str) -> str:
    if value not in choices.values:
        raise ApplicationError(_("Unknown value: %(value)s.") % {"value": value}, field=field)
    return value


def document_generate(
    *,
    actor: User,
    kind: str,
    source: models.Model,
    office: Office,
    content: DocumentContent,
    fmt: str,
    client: models.Model | None = None,
) -> GeneratedDocument:
    """Render `content` as a new version of `source`'s document of this kind and format.

    1. Render (DOCX with the office's active template or the default; PDF by WeasyPrint).
    2. In one transaction: lock the office row so two generations of one source never take
       the same version, store the file, write the row (version n + 1) and its audit event.
    `client` is the person the document is about (None for an office's document such as
    TPP minutes); it decides who may download it and whose access log shows it.
    """
    _valid_choice(kind, DocumentKind, "kind")
    _valid_choice(fmt, DocumentFormat, "fmt")
    data, template = _render(kind=kind, office=office, content=content, fmt=fmt)
    return _store(
        actor=actor,
        kind=kind,
        fmt=fmt,
        source=source,
        office=office,
        content=content,
        client=client,
        data=data,
        template=template,
    )


@atomic_with_files
def _store(
    *,
    actor: User,
    kind: str,
    fmt: str,
    source: models.Model,
    office: Office,
    content: DocumentContent,
    client: models.Model | None,
    data: bytes,
    template: DocumentTemplate | None,
) -> GeneratedDocument:
    Office.objects.select_for_update().get(pk=office.pk)
    source_type = ContentType.objects.get_for_model(source)
    versions = GeneratedDocument.objects.filter(
        source_type=source_type, source_id=source.pk, kind=kind, fmt=fmt
    )
    latest = versions.aggregate(latest=Max("version"))["latest"] or 0
    document = GeneratedDocument(
        kind=kind,
        fmt=fmt,
        source_type=source_type,
        source_id=source.pk,
        client_pk=client.pk if client is not None else None,
        office=office,
        version=latest + 1,
        title=(content.title or DEFAULT_TITLES[DocumentKind(kind)])[:300],
        number=content.number[:150],
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        template=template,
        created_by=actor,
    )
    store_file(document.file, f"{document.public_id}.{fmt}", ContentFile(data))
    document.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=document,
        client=client,
        summary=str(document),
    )
    return document


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
    _valid_choice(kind, DocumentKind, "kind")
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


LETTERHEAD_FIELDS = (
    "ministry",
    "regional_office",
    "office_line",
    "address",
    "phone",
    "email",
    "website",
    "city",
)
LETTERHEAD_LIMITS = {
    "ministry": 500,
    "regional_office": 200,
    "office_line": 200,
    "address": 500,
    "phone": 60,
    "email": 254,
    "website": 120,
    "city": 80,
}


@transaction.atomic
def letterhead_update(*, actor: User, office: Office, data: dict[str, str]) -> OfficeLetterhead:
    """Save the office's kop surat; an empty line falls back to its default. Audited with
    each change (old → new)."""
    letterhead = OfficeLetterhead.objects.select_for_update().filter(office=office).first()
    created = letterhead is None
    letterhead = letterhead or OfficeLetterhead(office=office)
    before = snapshot(letterhead, LETTERHEAD_FIELDS)
    for name in LETTERHEAD_FIELDS:
        if name in data:
            value = (data[name] or "").strip()
            if len(value) > LETTERHEAD_LIMITS[name] or "\x00" in value:
                raise ApplicationError(_("This value is too long or not valid."), field=name)
            setattr(letterhead, name, value)
    try:
        letterhead.full_clean(exclude=["office"])
    except ValidationError as error:
        raise ApplicationError.from_validation_error(error) from error
    letterhead.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        obj=letterhead,
        summary=f"Letterhead of {office}",
        changes=changes_between(before, snapshot(letterhead, LETTERHEAD_FIELDS)),
    )
    return letterhead


def guidance_card_generate(*, actor: User, case: SupervisionCase, fmt: str) -> GeneratedDocument:
    """A new version of the case's kartu bimbingan. The card names the PK the client reports
    to, so a case without one is refused."""
    if case.officer_id is None:
        raise ApplicationError(
            _("The guidance card can be printed once an officer is assigned."), field="case"
        )
    return document_generate(
        actor=actor,
        kind=DocumentKind.GUIDANCE_CARD,
        source=case,
        office=case.office,
        content=guidance_card_content(case, today()),
        fmt=fmt,
        client=case.client,
    )
