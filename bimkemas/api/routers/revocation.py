"""API: revocation (pencabutan) of a client's programme — the request, each step, the Bapas
head's temporary revocation, the documents, the export package for the Kanwil / Ditjenpas,
the final decision, the office list and the statistics. The same access helpers, selectors
and services as the revocation pages."""

import datetime as dt
import uuid
from typing import Annotated

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, File, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import StrictBool

from bimkemas.accounts.models import Office, User
from bimkemas.api import presenters
from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS, WRITE_ERRORS
from bimkemas.api.routers.generated_documents import FormatQuery, GeneratedDocumentOut
from bimkemas.api.routers.generated_documents import _document as generated_document
from bimkemas.api.schemas import InputSchema, LongText, PersonRef, Str100, Str200
from bimkemas.audit.services import audit_clients_listed, audit_view
from bimkemas.clients.access import get_case_for_user, require
from bimkemas.clients.models import Facility
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.revocation import selectors, services
from bimkemas.revocation.access import (
    get_revocation_for_user,
    may_record,
    may_request,
    visible_revocations,
    works_on,
)
from bimkemas.revocation.letters import export_package, letter_generate
from bimkemas.revocation.models import ReportRecipient, RequestChannel, Revocation
from bimkemas.revocation.workflow import Route, StepKind, allowed_steps
from bimkemas.revocation.workflow import Status as RevocationStatus
from bimkemas.violations.models import Violation, ViolationKind

router = Router(tags=["Revocation"])
LISTED = 200


class RevocationStepOut(Schema):
    id: uuid.UUID
    kind: StepKind
    kind_display: str
    on: dt.date
    actor: PersonRef | None
    note: str
    details: dict
    tpp_agenda_item: uuid.UUID | None
    documents: list[uuid.UUID]
    status_after: RevocationStatus


class RevocationClockOut(Schema):
    working_day: int
    of: int
    due_on: dt.date
    overdue: bool
    running: bool


class RevocationSummaryOut(Schema):
    id: uuid.UUID
    case_id: uuid.UUID
    client_id: uuid.UUID
    client_name: str
    register_number: str
    route: Route
    status: RevocationStatus
    status_display: str
    grounds: ViolationKind
    requested_on: dt.date
    next_step: StepKind | None
    clock: RevocationClockOut


class RevocationOut(RevocationSummaryOut):
    violation_id: uuid.UUID | None
    channel: RequestChannel
    sender: str
    letter_number: str
    account: str
    institution: str | None
    decision_reference: str
    decided_on: dt.date | None
    closed_on: dt.date | None
    allowed_steps: list[StepKind]
    steps: list[RevocationStepOut]


class RevocationRequestIn(InputSchema):
    channel: RequestChannel
    requested_on: dt.date
    sender: Str200
    grounds: ViolationKind | None = None
    letter_number: Str100 = ""
    account: LongText = ""
    violation_id: uuid.UUID | None = None
    note: LongText = ""


class RevocationQuestionIn(InputSchema):
    question: Annotated[str, Field(max_length=1000)]
    answer: LongText = ""


class RevocationStatementIn(InputSchema):
    on: dt.date
    questions: Annotated[list[RevocationQuestionIn], Field(max_length=60)] = []
    statement: LongText = ""
    note: LongText = ""


class RevocationExaminationIn(InputSchema):
    on: dt.date
    attended: StrictBool
    account: LongText = ""
    note: LongText = ""


class RevocationTppIn(InputSchema):
    agenda_item_id: uuid.UUID | None = Field(
        None, description="a decided revocation recommendation of a TPP session"
    )
    on: dt.date | None = None
    recommend: StrictBool | None = None
    members: Annotated[str, Field(max_length=1000)] = ""
    note: LongText = ""


class RevocationTemporaryIn(InputSchema):
    on: dt.date
    decree_number: Str200
    note: LongText = ""


class RevocationReportIn(InputSchema):
    on: dt.date
    letter_number: Str100
    recipient: ReportRecipient | None = Field(
        None, description="kanwil, ditjenpas or both; asimilasi goes to the prison"
    )
    institution_id: Annotated[int, Field(ge=1)] | None = Field(
        None, description="the Lapas/Rutan (asimilasi); default the case's origin"
    )
    note: LongText = ""


class RevocationDecisionIn(InputSchema):
    on: dt.date
    revoked: StrictBool
    decision_reference: Str200 = ""
    authority: Str200 = ""
    note: LongText = ""


class RevocationWithdrawalIn(InputSchema):
    on: dt.date
    reason: LongText


class RevocationListQuery(Schema):
    status: Annotated[str, Field(max_length=20)] = ""
    overdue: bool = False
    route: Route | None = None
    year: Annotated[int, Field(ge=2000, le=2100)] | None = None


class RevocationStatisticsQuery(Schema):
    start: dt.date | None = Field(None, alias="from")
    end: dt.date | None = Field(None, alias="to")
    office: Annotated[str, Field(max_length=40)] = ""


class RevocationYearOut(Schema):
    year: int
    proposals: int
    revocations: int
    clients: int
    proposals_per_100: float | None
    revocations_per_100: float | None


class RevocationStatisticsOut(Schema):
    scope: str
    start: dt.date
    end: dt.date
    proposals: int
    revocations: int
    clients_under_guidance: int
    proposals_per_100: float | None
    years: list[RevocationYearOut]


class RevocationDocumentOut(Schema):
    id: uuid.UUID
    name: str
    size: int


def _clock(revocation: Revocation) -> dict:
    clock = selectors.clock(revocation, today())
    return {
        "working_day": clock.day,
        "of": clock.of,
        "due_on": clock.due_on,
        "overdue": clock.overdue,
        "running": clock.running,
    }


def _summary(revocation: Revocation) -> dict:
    case = revocation.case
    return {
        "id": revocation.public_id,
        "case_id": case.public_id,
        "client_id": case.client.public_id,
        "client_name": case.client.full_name,
        "register_number": case.register_number,
        "route": revocation.route,
        "status": revocation.status,
        "status_display": revocation.get_status_display(),
        "grounds": revocation.grounds,
        "requested_on": revocation.requested_on,
        "next_step": revocation.next_step,
        "clock": _clock(revocation),
    }


def _detail(user: User, revocation: Revocation) -> dict:
    steps = revocation.steps.select_related("actor", "agenda_item").prefetch_related("documents")
    return {
        **_summary(revocation),
        "violation_id": revocation.violation.public_id if revocation.violation else None,
        "channel": revocation.channel,
        "sender": revocation.sender,
        "letter_number": revocation.letter_number,
        "account": revocation.account,
        "institution": revocation.institution.name if revocation.institution else None,
        "decision_reference": revocation.decision_reference,
        "decided_on": revocation.decided_on,
        "closed_on": revocation.closed_on,
        "allowed_steps": [
            step
            for step in allowed_steps(revocation.status, revocation.route)
            if may_record(user, revocation, step)
        ],
        "steps": [
            {
                "id": step.public_id,
                "kind": step.kind,
                "kind_display": step.get_kind_display(),
                "on": step.on,
                "actor": presenters.person(step.actor),
                "note": step.note,
                "details": step.details,
                "tpp_agenda_item": step.agenda_item.public_id if step.agenda_item else None,
                "documents": [document.public_id for document in step.documents.all()],
                "status_after": step.status_after,
            }
            for step in steps
        ],
    }


def _load(request: HttpRequest, revocation_id: uuid.UUID) -> tuple[User, Revocation]:
    user = actor(request)
    return user, get_revocation_for_user(user, revocation_id)


def _done(user: User, revocation: Revocation):
    revocation.refresh_from_db()
    return Status(201, _detail(user, revocation))


@router.post("/cases/{case_id}/revocations", response={201: RevocationOut, **WRITE_ERRORS})
def revocation_start(request: HttpRequest, case_id: uuid.UUID, payload: RevocationRequestIn):
    """Record a written request or an oral report taken down: the revocation starts and its
    20 working days run (the case's officer or a supervisor)."""
    user = actor(request)
    case = get_case_for_user(user, case_id)
    require(may_request(user, case))
    violation = None
    if payload.violation_id is not None:
        violation = Violation.objects.filter(public_id=payload.violation_id, case=case).first()
        if violation is None:
            raise ApplicationError(_("The violation is not of this case."), field="violation_id")
    data = payload.dict(exclude={"violation_id"})
    data["grounds"] = data["grounds"] or ""
    revocation = services.revocation_request(actor=user, case=case, violation=violation, **data)
    return _done(user, revocation)


@router.get("/revocations", response={200: list[RevocationSummaryOut], **READ_ERRORS})
def revocation_list(request: HttpRequest, query: Query[RevocationListQuery]):
    """The revocations the user may see (the office's for supervisors, an officer's own
    clients'), in progress first, then by due date; at most 200."""
    user = actor(request)
    rows = list(
        selectors.revocations_listed(
            visible_revocations(user),
            status=query.status,
            overdue=query.overdue,
            route=query.route or "",
            year=query.year,
            day=today(),
        )[:LISTED]
    )
    audit_clients_listed(actor=user, clients=[r.case.client for r in rows], where="API revocations")
    return [_summary(row) for row in rows]


@router.get("/revocations/statistics", response={200: RevocationStatisticsOut, **WRITE_ERRORS})
def revocation_statistics(request: HttpRequest, query: Query[RevocationStatisticsQuery]):
    """Proposals and revocations per year and per 100 clients: the user's office (section
    and Bapas heads), or every office or one by code (national viewers). Aggregates only."""
    user = actor(request)
    require(user.is_national_viewer or (user.is_supervisor and user.office_id is not None))
    office = None
    if user.is_national_viewer and query.office:
        office = Office.objects.filter(code=query.office).first()
        require(office is not None)
    revocations, cases = selectors.statistics_scope(user, office.pk if office else None)
    day = today()
    start = query.start or dt.date(day.year - 2, 1, 1)
    end = query.end or day
    if end < start:
        raise ApplicationError(_("The period ends before it starts."), field="to")
    period = selectors.period(revocations, cases, start, end)
    years = selectors.per_year(revocations, cases, min(start.year, day.year - 2), day.year)
    if office is not None:
        scope = office.code
    elif user.is_national_viewer or user.office is None:
        scope = "national"
    else:
        scope = user.office.code
    return {
        "scope": scope,
        "start": start,
        "end": end,
        "proposals": period.proposals,
        "revocations": period.revocations,
        "clients_under_guidance": period.clients_now,
        "proposals_per_100": period.per_100,
        "years": [
            {
                "year": row.year,
                "proposals": row.proposals,
                "revocations": row.revocations,
                "clients": row.clients,
                "proposals_per_100": row.proposals_per_100,
                "revocations_per_100": row.revocations_per_100,
            }
            for row in years
        ],
    }


@router.get("/revocations/{revocation_id}", response={200: RevocationOut, **READ_ERRORS})
def revocation_get(request: HttpRequest, revocation_id: uuid.UUID):
    """A revocation with its steps, its clock (working day N of 20) and the steps the user
    may record now."""
    user, revocation = _load(request, revocation_id)
    audit_view(actor=user, obj=revocation, client=revocation.case.client, what="API revocation")
    return _detail(user, revocation)


@router.post(
    "/revocations/{revocation_id}/statement", response={201: RevocationOut, **WRITE_ERRORS}
)
def revocation_statement(
    request: HttpRequest, revocation_id: uuid.UUID, payload: RevocationStatementIn
):
    """The statement (BAP): questions and answers, or the statement as one text."""
    user, revocation = _load(request, revocation_id)
    services.revocation_record_statement(
        actor=user,
        revocation=revocation,
        on=payload.on,
        questions=[pair.dict() for pair in payload.questions],
        statement=payload.statement,
        note=payload.note,
    )
    return _done(user, revocation)


@router.post(
    "/revocations/{revocation_id}/examination", response={201: RevocationOut, **WRITE_ERRORS}
)
def revocation_examination(
    request: HttpRequest, revocation_id: uuid.UUID, payload: RevocationExaminationIn
):
    """The examination of the client: attendance and the client's account."""
    user, revocation = _load(request, revocation_id)
    services.revocation_record_examination(actor=user, revocation=revocation, **payload.dict())
    return _done(user, revocation)


@router.post("/revocations/{revocation_id}/tpp", response={201: RevocationOut, **WRITE_ERRORS})
def revocation_tpp(request: HttpRequest, revocation_id: uuid.UUID, payload: RevocationTppIn):
    """The TPP's recommendation: a decided agenda item of a TPP session, or a recorded
    decision (date, recommend, members). Section and Bapas heads."""
    user, revocation = _load(request, revocation_id)
    item = None
    if payload.agenda_item_id is not None:
        item = (
            services.decided_agenda_items(revocation.case)
            .filter(public_id=payload.agenda_item_id)
            .first()
        )
        if item is None:
            raise ApplicationError(
                _("Choose a decided revocation recommendation of this case."),
                field="agenda_item_id",
            )
    data = payload.dict(exclude={"agenda_item_id"})
    services.revocation_record_tpp(actor=user, revocation=revocation, agenda_item=item, **data)
    return _done(user, revocation)


@router.post(
    "/revocations/{revocation_id}/temporary-revocation",
    response={201: RevocationOut, **WRITE_ERRORS},
)
def revocation_temporary(
    request: HttpRequest, revocation_id: uuid.UUID, payload: RevocationTemporaryIn
):
    """The Bapas head revokes temporarily (PB, CB, CMB only; nobody else may)."""
    user, revocation = _load(request, revocation_id)
    services.revocation_revoke_temporarily(actor=user, revocation=revocation, **payload.dict())
    return _done(user, revocation)


@router.post("/revocations/{revocation_id}/report", response={201: RevocationOut, **WRITE_ERRORS})
def revocation_report(request: HttpRequest, revocation_id: uuid.UUID, payload: RevocationReportIn):
    """The report upward (Kanwil / Ditjenpas) or, for asimilasi, to the Lapas/Rutan."""
    user, revocation = _load(request, revocation_id)
    institution = None
    if payload.institution_id is not None:
        institution = Facility.objects.filter(pk=payload.institution_id).first()
        if institution is None:
            raise ApplicationError(_("Unknown Lapas/Rutan."), field="institution_id")
    services.revocation_report(
        actor=user,
        revocation=revocation,
        on=payload.on,
        letter_number=payload.letter_number,
        recipient=payload.recipient or "",
        institution=institution,
        note=payload.note,
    )
    return _done(user, revocation)


@router.post("/revocations/{revocation_id}/decision", response={201: RevocationOut, **WRITE_ERRORS})
def revocation_decision(
    request: HttpRequest, revocation_id: uuid.UUID, payload: RevocationDecisionIn
):
    """The final decision: revoked (decree number and date; the case ends as revoked) or
    not revoked (guidance continues). The violation, if any, is decided."""
    user, revocation = _load(request, revocation_id)
    services.revocation_decide(actor=user, revocation=revocation, **payload.dict())
    return _done(user, revocation)


@router.post(
    "/revocations/{revocation_id}/withdrawal", response={201: RevocationOut, **WRITE_ERRORS}
)
def revocation_withdrawal(
    request: HttpRequest, revocation_id: uuid.UUID, payload: RevocationWithdrawalIn
):
    """Withdraw the request (until the temporary revocation or the prison's report)."""
    user, revocation = _load(request, revocation_id)
    services.revocation_withdraw(actor=user, revocation=revocation, **payload.dict())
    return _done(user, revocation)


@router.post(
    "/revocations/{revocation_id}/steps/{step_id}/documents",
    response={201: RevocationDocumentOut, **WRITE_ERRORS},
)
def revocation_step_document(
    request: HttpRequest,
    revocation_id: uuid.UUID,
    step_id: uuid.UUID,
    file: File[UploadedFile],
):
    """Attach a document (letter, evidence: PDF or image) to a recorded step (multipart)."""
    user, revocation = _load(request, revocation_id)
    step = revocation.steps.filter(public_id=step_id).first()
    require(step is not None)
    assert step is not None
    document = services.revocation_attach(actor=user, revocation=revocation, step=step, upload=file)
    return Status(
        201, {"id": document.public_id, "name": document.original_name, "size": document.size}
    )


@router.post(
    "/revocations/{revocation_id}/documents/{which}",
    response={201: GeneratedDocumentOut, **WRITE_ERRORS},
)
def revocation_document(
    request: HttpRequest, revocation_id: uuid.UUID, which: str, query: Query[FormatQuery]
):
    """A new version of the statement (`which` = statement, the BAP) or of the revocation
    report (`which` = report), as DOCX or PDF."""
    user, revocation = _load(request, revocation_id)
    require(which in ("statement", "report") and works_on(user, revocation.case))
    document = letter_generate(actor=user, revocation=revocation, which=which, fmt=query.fmt.value)
    return Status(201, generated_document(document))


@router.post(
    "/revocations/{revocation_id}/export",
    response=WRITE_ERRORS,
    openapi_extra={
        "responses": {
            "200": {
                "description": "ZIP: the revocation report's PDF and kasus.json",
                "content": {"application/zip": {}},
            }
        }
    },
)
def revocation_export(request: HttpRequest, revocation_id: uuid.UUID):
    """The export package for the Kanwil / Ditjenpas: a new PDF of the revocation report and
    the case as structured JSON (identity, case and SK, violation, steps, TPP, hashes)."""
    user, revocation = _load(request, revocation_id)
    require(works_on(user, revocation.case))
    name, data = export_package(actor=user, revocation=revocation)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
