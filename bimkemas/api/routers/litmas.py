"""API: litmas requests (list, register, get, assign, cancel, mark sent), the report (get,
start, save sections of the current draft, submit, review, acknowledge), its versions and
documents, and the public tracking of a request by its code (no sign-in, no personal data)."""

import datetime as dt
import uuid
from typing import Annotated, Any

from django.http import FileResponse, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Router, Schema, Status, UploadedFile
from ninja.errors import HttpError

from bimkemas.accounts.models import User
from bimkemas.api import presenters
from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS, WRITE_ERRORS, ErrorOut
from bimkemas.api.schemas import InputSchema, NoNul, PersonRef, Str60, Str100, Str200, Str300
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_clients_listed, audit_record, audit_view
from bimkemas.clients.access import get_client_for_user, require
from bimkemas.core.errors import ApplicationError
from bimkemas.litmas import access, selectors, services
from bimkemas.litmas.models import (
    LitmasReport,
    LitmasRequest,
    LitmasType,
    LitmasVersion,
    RequesterKind,
    RequestStatus,
)
from bimkemas.tpp.models import TppSession

router = Router(tags=["Litmas"])

TypeCode = Annotated[str, Field(pattern="^(" + "|".join(LitmasType.values) + ")$")]
RequesterCode = Annotated[str, Field(pattern="^(" + "|".join(RequesterKind.values) + ")$")]
Sex = Annotated[str, Field(pattern="^(L|P)?$")]
Note = Annotated[str, Field(max_length=500), NoNul]


class RequestIn(InputSchema):
    type: TypeCode
    requester_kind: RequesterCode
    requester_name: Str200
    letter_number: Str100 = ""
    letter_date: dt.date | None = None
    client: uuid.UUID | None = Field(None, description="An existing client of the office")
    subject_name: Str200 = ""
    subject_birth_date: dt.date | None = None
    subject_sex: Sex = ""
    subject_register: Str60 = ""
    subject_note: Str300 = ""
    received_on: dt.date | None = None
    due_on: dt.date | None = Field(None, description="Empty: the office's deadline for the type")


class StepOut(Schema):
    status: str
    at: dt.datetime
    note: str


class RequestOut(Schema):
    id: uuid.UUID
    type: str
    requester_kind: str
    requester_name: str
    letter_number: str
    letter_date: dt.date | None
    has_letter: bool
    client: uuid.UUID | None
    subject_name: str
    received_on: dt.date
    due_on: dt.date
    status: str
    tracking_code: str
    officer: PersonRef | None
    report_number: str | None
    steps: list[StepOut]


class AssignIn(InputSchema):
    officer: uuid.UUID


class NoteIn(InputSchema):
    note: Note = ""


class DecisionIn(InputSchema):
    approve: bool
    note: Note = ""


class SourceIn(InputSchema):
    kind: Str60
    date: dt.date
    note: Str300 = ""


class SectionsIn(InputSchema):
    content: dict[str, Any] = Field(
        default_factory=dict, description="{section code: text | [[label, value]] | [[cell…]]}"
    )
    sources: list[SourceIn] | None = None
    tpp_session: uuid.UUID | None = Field(
        None, description="The TPP session the recommendation cites (of this Bapas)"
    )


class SectionOut(Schema):
    code: str
    heading: str
    guidance: str
    kind: str
    required: bool
    filled: bool
    value: Any


class VersionSummaryOut(Schema):
    number: int
    reason: str
    note: str
    created_by: PersonRef | None
    created_at: dt.datetime
    submitted_at: dt.datetime | None


class VersionOut(VersionSummaryOut):
    content: dict[str, Any]
    sources: list[dict[str, str]]


class ReportOut(Schema):
    request: uuid.UUID
    number: str
    status: str
    outline_version: int
    author: PersonRef | None
    reviewed_by: PersonRef | None
    acknowledged_by: PersonRef | None
    version: int
    tpp_session: str | None = Field(None, description="Number and date of the cited session")
    sections: list[SectionOut]
    sources: list[dict[str, str]]


class PublicStepOut(Schema):
    status: str
    label: str
    on: dt.date


class TrackingOut(Schema):
    found: bool
    code: str
    status: str
    status_label: str
    type: str
    type_label: str
    office: str
    received_on: dt.date | None
    due_on: dt.date | None
    steps: list[PublicStepOut]


def request_out(request: LitmasRequest) -> dict[str, Any]:
    report = getattr(request, "report", None) if _has_report(request) else None
    return {
        "id": request.public_id,
        "type": request.type,
        "requester_kind": request.requester_kind,
        "requester_name": request.requester_name,
        "letter_number": request.letter_number,
        "letter_date": request.letter_date,
        "has_letter": bool(request.letter),
        "client": request.client.public_id if request.client is not None else None,
        "subject_name": request.subject_display,
        "received_on": request.received_on,
        "due_on": request.due_on,
        "status": request.status,
        "tracking_code": request.tracking_display,
        "officer": presenters.person(request.officer),
        "report_number": report.number if report else None,
        "steps": [{"status": s.status, "at": s.at, "note": s.note} for s in request.steps.all()],
    }


def _has_report(request: LitmasRequest) -> bool:
    try:
        request.report  # noqa: B018 (select_related or one query)
    except LitmasReport.DoesNotExist:
        return False
    return True


def version_summary(version: LitmasVersion) -> dict[str, Any]:
    return {
        "number": version.number,
        "reason": version.reason,
        "note": version.note,
        "created_by": presenters.person(version.created_by),
        "created_at": version.created_at,
        "submitted_at": version.submitted_at,
    }


def report_out(report: LitmasReport) -> dict[str, Any]:
    version = report.current
    return {
        "request": report.request.public_id,
        "number": report.number,
        "status": report.status,
        "outline_version": report.outline.version,
        "author": presenters.person(report.author),
        "reviewed_by": presenters.person(report.reviewed_by),
        "acknowledged_by": presenters.person(report.acknowledged_by),
        "version": version.number,
        "tpp_session": (
            f"{report.tpp_session.number} ({report.tpp_session.held_on.isoformat()})"
            if report.tpp_session
            else None
        ),
        "sections": [
            vars(state) | {"value": state.value}
            for state in selectors.section_states(report, version.content)
        ],
        "sources": version.sources,
    }


def _request(request: HttpRequest, request_id: uuid.UUID) -> tuple[User, LitmasRequest]:
    user = actor(request)
    return user, access.get_request_for_user(user, request_id)


def _report(request: HttpRequest, request_id: uuid.UUID) -> tuple[User, LitmasReport]:
    user = actor(request)
    return user, access.get_report_for_user(user, request_id)


@router.get("/litmas/requests", response={200: list[RequestOut], **READ_ERRORS})
def request_list(request: HttpRequest, status: str = "", mine: bool = False):
    """The user's litmas requests (an officer: assigned to them; office roles: the office's),
    open ones unless `status` names one (or "all")."""
    user = actor(request)
    requests = access.visible_requests(user).select_related("client", "officer", "report")
    if status in RequestStatus.values:
        requests = requests.filter(status=status)
    elif status != "all":
        requests = requests.open()
    if mine:
        requests = requests.filter(officer=user)
    rows = list(requests.prefetch_related("steps").order_by("due_on", "pk")[:500])
    audit_clients_listed(
        actor=user, clients=[r.client for r in rows if r.client], where="API litmas requests"
    )
    return [request_out(r) for r in rows]


@router.post("/litmas/requests", response={201: RequestOut, **WRITE_ERRORS})
def request_create(request: HttpRequest, payload: RequestIn):
    user = actor(request)
    require(access.can_register(user))
    data = payload.dict(exclude={"client"})
    client = get_client_for_user(user, payload.client) if payload.client else None
    assert user.office is not None
    created = services.request_create(actor=user, office=user.office, data=data, client=client)
    return Status(201, request_out(created))


@router.get("/litmas/requests/{request_id}", response={200: RequestOut, **READ_ERRORS})
def request_get(request: HttpRequest, request_id: uuid.UUID):
    user, litmas = _request(request, request_id)
    audit_view(actor=user, obj=litmas, client=litmas.client, what="API litmas request")
    return request_out(litmas)


@router.post("/litmas/requests/{request_id}/letter", response={200: RequestOut, **WRITE_ERRORS})
def request_letter_upload(request: HttpRequest, request_id: uuid.UUID, file: File[UploadedFile]):
    """Attach the requesting letter (multipart; PDF, JPEG or PNG)."""
    user, litmas = _request(request, request_id)
    return request_out(services.request_attach_letter(actor=user, request=litmas, letter=file))


@router.get(
    "/litmas/requests/{request_id}/letter",
    response=READ_ERRORS,
    openapi_extra={"responses": {"200": {"description": "The letter"}}},
)
def request_letter_download(request: HttpRequest, request_id: uuid.UUID):
    user, litmas = _request(request, request_id)
    require(bool(litmas.letter))
    audit_record(
        actor=user,
        action=AuditAction.DOWNLOAD,
        obj=litmas,
        client=litmas.client,
        summary="Requesting letter",
    )
    return FileResponse(
        litmas.letter.open("rb"),
        content_type=litmas.letter_content_type or "application/octet-stream",
    )


@router.post("/litmas/requests/{request_id}/assign", response={200: RequestOut, **WRITE_ERRORS})
def request_assign(request: HttpRequest, request_id: uuid.UUID, payload: AssignIn):
    user, litmas = _request(request, request_id)
    officer = User.objects.filter(public_id=payload.officer).first()
    if officer is None:
        raise ApplicationError(_("Choose a PK working for this Bapas."), field="officer")
    return request_out(services.request_assign(actor=user, request=litmas, officer=officer))


@router.post("/litmas/requests/{request_id}/cancel", response={200: RequestOut, **WRITE_ERRORS})
def request_cancel(request: HttpRequest, request_id: uuid.UUID, payload: NoteIn):
    user, litmas = _request(request, request_id)
    return request_out(services.request_cancel(actor=user, request=litmas, note=payload.note))


@router.post("/litmas/requests/{request_id}/sent", response={200: RequestOut, **WRITE_ERRORS})
def request_sent(request: HttpRequest, request_id: uuid.UUID):
    user, litmas = _request(request, request_id)
    return request_out(services.request_mark_sent(actor=user, request=litmas))


@router.post("/litmas/requests/{request_id}/report", response={201: ReportOut, **WRITE_ERRORS})
def report_start(request: HttpRequest, request_id: uuid.UUID):
    """The assigned PK starts the report (numbered, pre-filled); again: the same report."""
    user, litmas = _request(request, request_id)
    return Status(201, report_out(services.report_start(actor=user, request=litmas)))


@router.get("/litmas/requests/{request_id}/report", response={200: ReportOut, **READ_ERRORS})
def report_get(request: HttpRequest, request_id: uuid.UUID):
    user, report = _report(request, request_id)
    audit_view(actor=user, obj=report, client=report.request.client, what="API litmas report")
    return report_out(report)


@router.put("/litmas/requests/{request_id}/report", response={200: ReportOut, **WRITE_ERRORS})
def report_put(request: HttpRequest, request_id: uuid.UUID, payload: SectionsIn):
    """Save section contents (merged) and, when given, the data sources."""
    user, report = _report(request, request_id)
    sources = (
        [s.dict() | {"date": s.date.isoformat()} for s in payload.sources]
        if payload.sources is not None
        else None
    )
    extra: dict[str, Any] = {}
    if "tpp_session" in payload.model_fields_set:
        extra["tpp_session"] = (
            TppSession.objects.filter(
                public_id=payload.tpp_session, office_id=report.request.office_id
            ).first()
            if payload.tpp_session
            else None
        )
        if payload.tpp_session and extra["tpp_session"] is None:
            raise ApplicationError(_("Choose a TPP session of this Bapas."), field="tpp_session")
    services.report_save(
        actor=user, report=report, content=payload.content, sources=sources, **extra
    )
    report.refresh_from_db()
    return report_out(report)


@router.post(
    "/litmas/requests/{request_id}/report/submit", response={200: ReportOut, **WRITE_ERRORS}
)
def report_submit(request: HttpRequest, request_id: uuid.UUID):
    user, report = _report(request, request_id)
    return report_out(services.report_submit(actor=user, report=report))


@router.post(
    "/litmas/requests/{request_id}/report/review", response={200: ReportOut, **WRITE_ERRORS}
)
def report_review(request: HttpRequest, request_id: uuid.UUID, payload: DecisionIn):
    user, report = _report(request, request_id)
    return report_out(
        services.report_review(
            actor=user, report=report, approve=payload.approve, note=payload.note
        )
    )


@router.post(
    "/litmas/requests/{request_id}/report/acknowledge", response={200: ReportOut, **WRITE_ERRORS}
)
def report_acknowledge(request: HttpRequest, request_id: uuid.UUID, payload: DecisionIn):
    user, report = _report(request, request_id)
    return report_out(
        services.report_acknowledge(
            actor=user, report=report, approve=payload.approve, note=payload.note
        )
    )


@router.get(
    "/litmas/requests/{request_id}/report/versions",
    response={200: list[VersionSummaryOut], **READ_ERRORS},
)
def version_list(request: HttpRequest, request_id: uuid.UUID):
    _user, report = _report(request, request_id)
    return [version_summary(v) for v in report.versions.select_related("created_by")]


@router.get(
    "/litmas/requests/{request_id}/report/versions/{number}",
    response={200: VersionOut, **READ_ERRORS},
)
def version_get(request: HttpRequest, request_id: uuid.UUID, number: int):
    user, report = _report(request, request_id)
    version = report.versions.filter(number=number).select_related("created_by").first()
    require(version is not None)
    assert version is not None
    audit_view(actor=user, obj=report, client=report.request.client, what=f"API litmas v{number}")
    return version_summary(version) | {"content": version.content, "sources": version.sources}


@router.post(
    "/litmas/requests/{request_id}/report/documents/{fmt}",
    response={200: None, **WRITE_ERRORS},
)
def report_document(request: HttpRequest, request_id: uuid.UUID, fmt: str):
    """Generate the litmas as DOCX or PDF (a stored version of the document); the file."""
    from bimkemas.documents.models import DocumentKind
    from bimkemas.documents.services import document_generate
    from bimkemas.documents.views import document_response
    from bimkemas.litmas.document import litmas_content

    user, report = _report(request, request_id)
    require(fmt in ("docx", "pdf"))
    generated = document_generate(
        actor=user,
        kind=DocumentKind.LITMAS,
        source=report,
        office=report.request.office,
        content=litmas_content(report),
        fmt=fmt,
        client=report.request.client,
    )
    return document_response(generated)


@router.get(
    "/public/litmas/{code}",
    auth=None,
    response={200: TrackingOut, 429: ErrorOut, 422: ErrorOut},
)
def public_tracking(request: HttpRequest, code: Annotated[str, Field(max_length=20)]):
    """Public: a request's status by its tracking code, without sign-in and without personal
    data. An unknown code answers the same shape with found=false. Limited per address."""
    if not selectors.tracking_allowed():
        raise HttpError(429, _("Too many lookups from this address. Wait 15 minutes."))
    status = selectors.public_status(code)
    return vars(status) | {
        "steps": [vars(step) for step in status.steps],
    }
