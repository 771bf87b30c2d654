"""API: generated documents (DOCX and PDF of litmas, progress reports, TPP minutes, cards,
certificates): download, a case's documents, a guidance card version, the office's own
DOCX templates."""

import datetime as dt
import uuid
from enum import Enum
from typing import Annotated

from django.http import FileResponse, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from bimkemas.accounts.models import Office, User
from bimkemas.api import presenters
from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS, WRITE_ERRORS
from bimkemas.api.schemas import InputSchema, NoNul, PersonRef
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record, audit_view
from bimkemas.clients.access import can_supervise, get_case_for_user, require
from bimkemas.clients.models import Client
from bimkemas.core.errors import ApplicationError
from bimkemas.documents import services
from bimkemas.documents.access import get_generated_document_for_user
from bimkemas.documents.models import (
    CONTENT_TYPES,
    DocumentFormat,
    DocumentKind,
    DocumentTemplate,
    GeneratedDocument,
    OfficeLetterhead,
    default_letterhead,
)
from bimkemas.documents.render import default_template_path
from bimkemas.documents.selectors import documents_of_client

router = Router(tags=["Generated documents"])

# Its own name in the OpenAPI document: the clients' handover-document kinds are "DocumentKind".
GeneratedDocumentKind = Enum(  # type: ignore[misc]
    "GeneratedDocumentKind", {kind.name: kind.value for kind in DocumentKind}, type=str
)

FILE_RESPONSE = {
    "responses": {
        "200": {
            "description": "The file",
            "content": {
                kind: {"schema": {"type": "string", "format": "binary"}}
                for kind in CONTENT_TYPES.values()
            },
        }
    }
}


class GeneratedDocumentOut(Schema):
    id: uuid.UUID
    kind: GeneratedDocumentKind
    kind_display: str
    format: DocumentFormat
    version: int
    title: str
    number: str
    size: int
    sha256: str
    filename: str
    created_at: dt.datetime
    created_by: PersonRef | None
    office_template: bool  # False: the built-in default template (or a PDF)
    download_url: str


class FormatQuery(Schema):
    fmt: DocumentFormat = DocumentFormat.PDF


class DocumentTemplateOut(Schema):
    id: uuid.UUID
    kind: GeneratedDocumentKind
    kind_display: str
    file_name: str
    is_active: bool
    note: str
    uploaded_by: PersonRef | None
    uploaded_at: dt.datetime


def _document(document: GeneratedDocument) -> dict:
    return {
        "id": document.public_id,
        "kind": document.kind,
        "kind_display": document.get_kind_display(),
        "format": document.fmt,
        "version": document.version,
        "title": document.title,
        "number": document.number,
        "size": document.size,
        "sha256": document.sha256,
        "filename": document.filename,
        "created_at": document.created_at,
        "created_by": presenters.person(document.created_by),
        "office_template": document.template_id is not None,
        "download_url": reverse("api:generated_document_file", args=[document.public_id]),
    }


def _template(template: DocumentTemplate) -> dict:
    return {
        "id": template.public_id,
        "kind": template.kind,
        "kind_display": template.get_kind_display(),
        "file_name": template.original_name,
        "is_active": template.is_active,
        "note": template.note,
        "uploaded_by": presenters.person(template.uploaded_by),
        "uploaded_at": template.uploaded_at,
    }


@router.get(
    "/generated-documents/{document_id}",
    response=READ_ERRORS,
    openapi_extra=FILE_RESPONSE,
    url_name="generated_document_file",
)
def generated_document_file(request: HttpRequest, document_id: uuid.UUID):
    """The file of a generated document, for whoever may see its client (an office's own
    document: its staff); audited as a download."""
    user = actor(request)
    document = get_generated_document_for_user(user, document_id)
    client = Client(pk=document.client_pk) if document.client_pk is not None else None
    audit_record(
        actor=user, action=AuditAction.DOWNLOAD, obj=document, client=client, summary=str(document)
    )
    return FileResponse(
        document.file.open("rb"),
        content_type=document.content_type,
        as_attachment=True,
        filename=document.filename,
    )


@router.get(
    "/cases/{case_id}/generated-documents",
    response={200: list[GeneratedDocumentOut], **READ_ERRORS},
)
def case_generated_documents(request: HttpRequest, case_id: uuid.UUID):
    """Every document generated about the case's client, of all kinds, newest first."""
    user = actor(request)
    case = get_case_for_user(user, case_id)
    documents = list(documents_of_client(case.client_id))
    audit_view(actor=user, obj=case, client=case.client, what=_("Generated documents"))
    return [_document(document) for document in documents]


@router.post(
    "/cases/{case_id}/guidance-card",
    response={201: GeneratedDocumentOut, **WRITE_ERRORS},
)
def guidance_card_generate(request: HttpRequest, case_id: uuid.UUID, query: Query[FormatQuery]):
    """A new version of the case's guidance card (kartu bimbingan) as DOCX or PDF."""
    user = actor(request)
    case = get_case_for_user(user, case_id, write=True)
    document = services.guidance_card_generate(actor=user, case=case, fmt=query.fmt.value)
    return Status(201, _document(document))


def _office_staff(user: User) -> int:
    if user.office_id is None or not user.role or user.is_national_viewer:
        raise HttpError(403, _("Only the staff of a Bapas have document templates."))
    return user.office_id


@router.get(
    "/offices/mine/document-templates",
    response={200: list[DocumentTemplateOut], **READ_ERRORS},
)
def office_document_templates(request: HttpRequest):
    """The templates of the caller's office, active first, newest first within a kind."""
    office_id = _office_staff(actor(request))
    templates = DocumentTemplate.objects.filter(office_id=office_id).select_related("uploaded_by")
    return [_template(t) for t in templates.order_by("kind", "-is_active", "-uploaded_at")]


@router.post(
    "/offices/mine/document-templates",
    response={201: DocumentTemplateOut, **WRITE_ERRORS},
)
def office_document_template_upload(
    request: HttpRequest,
    kind: Form[GeneratedDocumentKind],
    file: File[UploadedFile],
    note: str = Form("", max_length=300),
):
    """A new active DOCX template of the office for one kind (Bapas head and section heads).
    Refused with the reason on `file`: not a DOCX, over 2 MB, or it does not render."""
    user = actor(request)
    _office_staff(user)
    require(can_supervise(user) and user.office is not None)
    assert user.office is not None
    if "\x00" in note:
        raise ApplicationError(_("NUL characters are not allowed."), field="note")
    template = services.document_template_upload(
        actor=user, office=user.office, kind=kind.value, file=file, note=note
    )
    return Status(201, _template(template))


@router.post(
    "/offices/mine/document-templates/{template_id}/activate",
    response={200: DocumentTemplateOut, **WRITE_ERRORS},
)
def office_document_template_activate(request: HttpRequest, template_id: uuid.UUID):
    """Use an earlier template of the office again (Bapas head and section heads)."""
    user = actor(request)
    office_id = _office_staff(user)
    require(can_supervise(user))
    template = DocumentTemplate.objects.filter(public_id=template_id, office_id=office_id).first()
    require(template is not None)
    assert template is not None
    return _template(services.document_template_activate(actor=user, template=template))


@router.post(
    "/offices/mine/document-templates/{template_id}/deactivate",
    response={200: DocumentTemplateOut, **WRITE_ERRORS},
)
def office_document_template_deactivate(request: HttpRequest, template_id: uuid.UUID):
    """Stop using the template: the office's documents of its kind use the built-in one."""
    user = actor(request)
    office_id = _office_staff(user)
    require(can_supervise(user))
    template = DocumentTemplate.objects.filter(public_id=template_id, office_id=office_id).first()
    require(template is not None)
    assert template is not None
    return _template(services.document_template_deactivate(actor=user, template=template))


@router.get(
    "/document-templates/default/{kind}",
    response=READ_ERRORS,
    openapi_extra={
        "responses": {
            "200": {
                "description": "The built-in DOCX template of a kind, to start an office's own",
                "content": {CONTENT_TYPES[DocumentFormat.DOCX]: {"schema": {"type": "string"}}},
            }
        }
    },
)
def document_template_default(request: HttpRequest, kind: GeneratedDocumentKind):
    actor(request)
    return FileResponse(
        default_template_path(kind.value).open("rb"),
        content_type=CONTENT_TYPES[DocumentFormat.DOCX],
        as_attachment=True,
        filename=f"{kind.value}-default.docx",
    )


class LetterheadOut(Schema):
    ministry: str
    regional_office: str
    office_line: str
    address: str
    phone: str
    email: str
    website: str
    city: str
    defaults: dict[str, str]  # what an empty field prints


class LetterheadIn(InputSchema):
    ministry: Annotated[str, Field(max_length=500), NoNul] = ""
    regional_office: Annotated[str, Field(max_length=200), NoNul] = ""
    office_line: Annotated[str, Field(max_length=200), NoNul] = ""
    address: Annotated[str, Field(max_length=500), NoNul] = ""
    phone: Annotated[str, Field(max_length=60), NoNul] = ""
    email: Annotated[str, Field(max_length=254), NoNul] = ""
    website: Annotated[str, Field(max_length=120), NoNul] = ""
    city: Annotated[str, Field(max_length=80), NoNul] = ""


def _letterhead(office: Office) -> dict:
    saved = OfficeLetterhead.objects.filter(office=office).first() or OfficeLetterhead()
    values = {name: getattr(saved, name) for name in services.LETTERHEAD_FIELDS}
    return {**values, "defaults": default_letterhead(office)}


@router.get("/offices/mine/letterhead", response={200: LetterheadOut, **READ_ERRORS})
def office_letterhead(request: HttpRequest):
    """The office's letterhead (kop surat) as saved, with the defaults of empty fields."""
    user = actor(request)
    _office_staff(user)
    assert user.office is not None
    return _letterhead(user.office)


@router.put("/offices/mine/letterhead", response={200: LetterheadOut, **WRITE_ERRORS})
def office_letterhead_update(request: HttpRequest, payload: LetterheadIn):
    """Replace the office's letterhead (Bapas head and section heads); "" uses the default."""
    user = actor(request)
    _office_staff(user)
    require(can_supervise(user))
    assert user.office is not None
    services.letterhead_update(actor=user, office=user.office, data=payload.model_dump())
    return _letterhead(user.office)
