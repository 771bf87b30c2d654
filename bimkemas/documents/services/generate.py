"""Generating a document version: what every other app calls with its `DocumentContent`.

`document_generate` renders outside the transaction (a PDF takes a second), then stores the
file, numbers the version and writes the audit row in one transaction, so a failure leaves no
row and no file.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models
from django.db.models import Max
from django.utils.translation import gettext as _

from bimkemas.accounts.models import Office, User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
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
)
from bimkemas.documents.render import (
    DEFAULT_TITLES,
    OfficeTemplateError,
    docx_with_template,
    render_pdf,
)


def _render(
    *, kind: str, office: Office, content: DocumentContent, fmt: str
) -> tuple[bytes, DocumentTemplate | None]:
    if fmt != DocumentFormat.DOCX:
        return render_pdf(kind=kind, office=office, content=content), None
    try:
        return docx_with_template(kind=kind, office=office, content=content)
    except OfficeTemplateError as error:
        message = _(
            "The office's Word template for this document does not work here (%(error)s). "
            "Generate a PDF, or ask the Bapas head to fix the template or to use the "
            "built-in one."
        ) % {"error": error.detail}
        raise ApplicationError(message, field="fmt") from error


def check_choice(value: str, choices: type[models.TextChoices], field: str) -> str:
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
    check_choice(kind, DocumentKind, "kind")
    check_choice(fmt, DocumentFormat, "fmt")
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
