"""API: the guidance programme — stage plans (propose, edit a draft's items, agree, revise),
activities (sessions with attendances), evaluations (draft with prefill, judgement, submit,
approve, return, revise, progress report documents) and an office's coverage."""

import datetime as dt
import uuid
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from pydantic import StrictBool, StrictInt

from bimkemas.accounts.models import Office
from bimkemas.api import presenters
from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS, WRITE_ERRORS
from bimkemas.api.routers.generated_documents import GeneratedDocumentOut
from bimkemas.api.routers.generated_documents import _document as document_out
from bimkemas.api.schemas import InputSchema, NoNul, PersonRef, Str100, Str200
from bimkemas.audit.services import audit_clients_listed, audit_view
from bimkemas.clients.access import can_supervise, get_case_for_user, require
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.documents.models import DocumentFormat
from bimkemas.guidance.access import get_evaluation_for_user, get_plan_for_user
from bimkemas.guidance.coverage import coverage_per_officer
from bimkemas.guidance.models import (
    AgreementMethod,
    Attendance,
    AttendanceStatus,
    Evaluation,
    EvaluationStatus,
    GuidanceArea,
    GuidanceKind,
    GuidanceMethod,
    GuidanceStage,
    PlanItem,
    PlanStatus,
    Recommendation,
    SessionKind,
    StagePlan,
)
from bimkemas.guidance.services import evaluations as evaluation_services
from bimkemas.guidance.services.plans import (
    plan_agree,
    plan_approve,
    plan_propose,
    plan_revise,
    plan_update,
)
from bimkemas.guidance.services.sessions import MAX_ATTENDANCES, AttendanceInput, session_record
from bimkemas.guidance.work_items import awaiting_approval

router = Router(tags=["Guidance"])

Text500 = Annotated[str, Field(max_length=500), NoNul]
Judgement = Annotated[str, Field(max_length=10_000), NoNul]
Note = Annotated[str, Field(max_length=2000), NoNul]
NeedCode = Annotated[str, Field(max_length=50), NoNul]


# --- schemas -------------------------------------------------------------------------------


class StageIn(InputSchema):
    stage: GuidanceStage


class PlanItemIn(InputSchema):
    kind: GuidanceKind
    area: GuidanceArea
    description: Text500 = Field(..., min_length=1)
    method: GuidanceMethod
    frequency: Str100 = ""
    per_month: Annotated[StrictInt, Field(ge=0, le=31)] | None = Field(
        None, description="Sessions a month; empty: read from the frequency text"
    )
    responsible: Str200 = ""
    need_codes: list[NeedCode] = Field([], max_length=20)


class PlanItemsIn(InputSchema):
    items: list[PlanItemIn] = Field(..., min_length=1, max_length=30)
    note: Note | None = None


class AgreeIn(InputSchema):
    agreed_on: dt.date
    method: AgreementMethod
    note: Note = ""


class PlanItemOut(Schema):
    id: uuid.UUID
    kind: GuidanceKind
    area: GuidanceArea
    description: str
    method: GuidanceMethod
    frequency: str
    per_month: int
    responsible: str
    need_codes: list[str]
    standard: bool


class PlanOut(Schema):
    id: uuid.UUID
    case: uuid.UUID
    stage: GuidanceStage
    version: int
    status: PlanStatus
    client_agreed_on: dt.date | None
    agreement_method: str
    note: str
    author: PersonRef | None
    approved_by: PersonRef | None
    approved_at: dt.datetime | None
    items: list[PlanItemOut]
    created_at: dt.datetime


class AttendanceIn(InputSchema):
    case: uuid.UUID
    status: AttendanceStatus = AttendanceStatus.ATTENDED
    plan_item: uuid.UUID | None = None
    note: Text500 = ""


class SessionIn(InputSchema):
    held_on: dt.date
    kind: SessionKind
    method: GuidanceMethod
    area: GuidanceArea
    title: Str200 = Field(..., min_length=1)
    place: Str200 = ""
    notes: Annotated[str, Field(max_length=5000), NoNul] = ""
    partner: Str200 = ""
    attendances: list[AttendanceIn] = Field(..., min_length=1, max_length=MAX_ATTENDANCES)


class SessionOut(Schema):
    id: uuid.UUID
    held_on: dt.date
    kind: SessionKind
    method: GuidanceMethod
    area: GuidanceArea
    title: str
    place: str
    partner: str
    led_by: PersonRef | None
    attendances: int


class ActivityOut(Schema):
    session: uuid.UUID
    held_on: dt.date
    kind: SessionKind
    method: GuidanceMethod
    area: GuidanceArea
    title: str
    status: AttendanceStatus
    plan_item: uuid.UUID | None
    note: str


class EvaluationOut(Schema):
    id: uuid.UUID
    case: uuid.UUID
    stage: GuidanceStage
    period_start: dt.date
    period_end: dt.date
    version: int
    status: EvaluationStatus
    prefill: dict[str, Any]
    progress_summary: str
    attitude: str
    compliance_judgement: str
    recommendation: str
    author: PersonRef | None
    submitted_at: dt.datetime | None
    approved_by: PersonRef | None
    approved_at: dt.datetime | None
    returned_by: PersonRef | None
    return_note: str


class JudgementIn(InputSchema):
    progress_summary: Judgement | None = None
    attitude: Judgement | None = None
    compliance_judgement: Judgement | None = None
    recommendation: Recommendation | None = None
    refresh: StrictBool = Field(False, description="Gather the period's records again")


class ReturnIn(InputSchema):
    note: Judgement = Field(..., min_length=1)


class FormatIn(Schema):
    fmt: DocumentFormat = DocumentFormat.PDF


class OfficerCoverageOut(Schema):
    officer: PersonRef
    clients: int
    with_current_plan: int
    with_current_evaluation: int


class CoverageOut(Schema):
    office: str
    day: dt.date
    officers: list[OfficerCoverageOut]
    officers_with_clients: int
    officers_all_plans: int
    officers_all_evaluations: int


# --- presenters ----------------------------------------------------------------------------


def plan_out(plan: StagePlan) -> dict[str, Any]:
    return {
        "id": plan.public_id,
        "case": plan.case.public_id,
        "stage": plan.stage,
        "version": plan.version,
        "status": plan.status,
        "client_agreed_on": plan.client_agreed_on,
        "agreement_method": plan.agreement_method,
        "note": plan.note,
        "author": presenters.person(plan.author),
        "approved_by": presenters.person(plan.approved_by),
        "approved_at": plan.approved_at,
        "items": [item_out(item) for item in plan.items.all()],
        "created_at": plan.created_at,
    }


def item_out(item: PlanItem) -> dict[str, Any]:
    return {
        "id": item.public_id,
        "kind": item.kind,
        "area": item.area,
        "description": item.description,
        "method": item.method,
        "frequency": item.frequency,
        "per_month": item.per_month,
        "responsible": item.responsible,
        "need_codes": item.need_codes or [],
        "standard": item.standard,
    }


def evaluation_out(evaluation: Evaluation) -> dict[str, Any]:
    return {
        "id": evaluation.public_id,
        "case": evaluation.case.public_id,
        "stage": evaluation.stage,
        "period_start": evaluation.period_start,
        "period_end": evaluation.period_end,
        "version": evaluation.version,
        "status": evaluation.status,
        "prefill": evaluation.prefill or {},
        "progress_summary": evaluation.progress_summary,
        "attitude": evaluation.attitude,
        "compliance_judgement": evaluation.compliance_judgement,
        "recommendation": evaluation.recommendation,
        "author": presenters.person(evaluation.author),
        "submitted_at": evaluation.submitted_at,
        "approved_by": presenters.person(evaluation.approved_by),
        "approved_at": evaluation.approved_at,
        "returned_by": presenters.person(evaluation.returned_by),
        "return_note": evaluation.return_note,
    }


def _case(request: HttpRequest, case_id: uuid.UUID, *, write: bool = False):
    user = actor(request)
    return user, get_case_for_user(user, case_id, write=write)


# --- plans ---------------------------------------------------------------------------------


@router.get("/cases/{case_id}/plans", response={200: list[PlanOut], **READ_ERRORS})
def plan_list(request: HttpRequest, case_id: uuid.UUID):
    """Every version of every stage's plan, by stage and newest version first."""
    user, case = _case(request, case_id)
    plans = StagePlan.objects.filter(case=case).select_related("author", "case")
    audit_view(actor=user, obj=case, client=case.client, what=_("Stage plans"))
    return [plan_out(plan) for plan in plans.prefetch_related("items")]


@router.post("/cases/{case_id}/plans", response={201: PlanOut, **WRITE_ERRORS})
def plan_create(request: HttpRequest, case_id: uuid.UUID, payload: StageIn):
    """Propose a draft plan of the stage from the client's needs and the stage's standard
    items (the case's officer or a supervisor)."""
    user, case = _case(request, case_id, write=True)
    return Status(201, plan_out(plan_propose(actor=user, case=case, stage=payload.stage)))


@router.get("/plans/{plan_id}", response={200: PlanOut, **READ_ERRORS})
def plan_detail(request: HttpRequest, plan_id: uuid.UUID):
    user = actor(request)
    plan = get_plan_for_user(user, plan_id)
    audit_view(actor=user, obj=plan, client=plan.case.client, what=_("Stage plan"))
    return plan_out(plan)


@router.put("/plans/{plan_id}/items", response={200: PlanOut, **WRITE_ERRORS})
def plan_items_replace(request: HttpRequest, plan_id: uuid.UUID, payload: PlanItemsIn):
    """Replace the items of a draft (an agreed plan is revised instead)."""
    user = actor(request)
    plan = get_plan_for_user(user, plan_id, write=True)
    items = [item.model_dump(mode="json") for item in payload.items]
    return plan_out(plan_update(actor=user, plan=plan, items=items, note=payload.note))


@router.post("/plans/{plan_id}/agree", response={200: PlanOut, **WRITE_ERRORS})
def plan_agree_endpoint(request: HttpRequest, plan_id: uuid.UUID, payload: AgreeIn):
    """Record the client's agreement to a draft: it becomes the stage's plan."""
    user = actor(request)
    plan = get_plan_for_user(user, plan_id, write=True)
    return plan_out(
        plan_agree(
            actor=user,
            plan=plan,
            agreed_on=payload.agreed_on,
            method=payload.method,
            note=payload.note,
        )
    )


@router.post("/plans/{plan_id}/approve", response={200: PlanOut, **WRITE_ERRORS})
def plan_approve_endpoint(request: HttpRequest, plan_id: uuid.UUID):
    """A section or Bapas head of the office approves an agreed plan (never its author)."""
    user = actor(request)
    plan = get_plan_for_user(user, plan_id)
    return plan_out(plan_approve(actor=user, plan=plan))


@router.post("/plans/{plan_id}/revise", response={201: PlanOut, **WRITE_ERRORS})
def plan_revise_endpoint(request: HttpRequest, plan_id: uuid.UUID):
    """A new draft version of an agreed plan; the agreed one stays until it is replaced."""
    user = actor(request)
    plan = get_plan_for_user(user, plan_id, write=True)
    return Status(201, plan_out(plan_revise(actor=user, plan=plan)))


# --- activities ----------------------------------------------------------------------------


def _attendances(user, rows: list[AttendanceIn]) -> list[AttendanceInput]:
    result = []
    for row in rows:
        case = get_case_for_user(user, row.case, write=True)
        item = None
        if row.plan_item is not None:
            item = PlanItem.objects.filter(public_id=row.plan_item, plan__case=case).first()
            if item is None:
                raise ApplicationError(
                    _("A plan item belongs to another client's plan."), field="attendances"
                )
        result.append(AttendanceInput(case, row.status, item, row.note))
    return result


@router.post("/sessions", response={201: SessionOut, **WRITE_ERRORS})
def session_create(request: HttpRequest, payload: SessionIn):
    """Record a guidance session: individual (one attendance) or group (many clients of
    the officer's caseload, or of a supervisor's office, at once). Photos: the web form."""
    user = actor(request)
    session = session_record(
        actor=user,
        held_on=payload.held_on,
        kind=payload.kind,
        method=payload.method,
        area=payload.area,
        title=payload.title,
        place=payload.place,
        notes=payload.notes,
        partner=payload.partner,
        attendances=_attendances(user, payload.attendances),
    )
    return Status(
        201,
        {
            "id": session.public_id,
            "held_on": session.held_on,
            "kind": session.kind,
            "method": session.method,
            "area": session.area,
            "title": session.title,
            "place": session.place,
            "partner": session.partner,
            "led_by": presenters.person(session.led_by),
            "attendances": session.attendances.count(),
        },
    )


@router.get("/cases/{case_id}/activities", response={200: list[ActivityOut], **READ_ERRORS})
def activity_list(request: HttpRequest, case_id: uuid.UUID):
    """The case's attendances at guidance sessions, newest first."""
    user, case = _case(request, case_id)
    rows = (
        Attendance.objects.filter(case=case)
        .select_related("session", "plan_item")
        .order_by("-session__held_on", "-pk")
    )
    audit_view(actor=user, obj=case, client=case.client, what=_("Guidance activities"))
    return [
        {
            "session": row.session.public_id,
            "held_on": row.session.held_on,
            "kind": row.session.kind,
            "method": row.session.method,
            "area": row.session.area,
            "title": row.session.title,
            "status": row.status,
            "plan_item": row.plan_item.public_id if row.plan_item else None,
            "note": row.note,
        }
        for row in rows
    ]


# --- evaluations ---------------------------------------------------------------------------


@router.get("/cases/{case_id}/evaluations", response={200: list[EvaluationOut], **READ_ERRORS})
def evaluation_list(request: HttpRequest, case_id: uuid.UUID):
    user, case = _case(request, case_id)
    evaluations = Evaluation.objects.filter(case=case).select_related(
        "case", "author", "approved_by", "returned_by"
    )
    audit_view(actor=user, obj=case, client=case.client, what=_("Evaluations"))
    return [evaluation_out(e) for e in evaluations]


@router.post("/cases/{case_id}/evaluations", response={201: EvaluationOut, **WRITE_ERRORS})
def evaluation_create(request: HttpRequest, case_id: uuid.UUID, payload: StageIn):
    """Draft the stage's evaluation, pre-filled with the period's records."""
    user, case = _case(request, case_id, write=True)
    evaluation = evaluation_services.evaluation_create(actor=user, case=case, stage=payload.stage)
    return Status(201, evaluation_out(evaluation))


@router.get("/evaluations/{evaluation_id}", response={200: EvaluationOut, **READ_ERRORS})
def evaluation_detail(request: HttpRequest, evaluation_id: uuid.UUID):
    user = actor(request)
    evaluation = get_evaluation_for_user(user, evaluation_id)
    audit_view(actor=user, obj=evaluation, client=evaluation.case.client, what=_("Evaluation"))
    return evaluation_out(evaluation)


@router.patch("/evaluations/{evaluation_id}", response={200: EvaluationOut, **WRITE_ERRORS})
def evaluation_patch(request: HttpRequest, evaluation_id: uuid.UUID, payload: JudgementIn):
    """Write the PK's judgement on a draft or returned evaluation."""
    user = actor(request)
    evaluation = get_evaluation_for_user(user, evaluation_id, write=True)
    fields = payload.model_dump(exclude_none=True, mode="json")
    refresh = fields.pop("refresh", False)
    evaluation = evaluation_services.evaluation_update(
        actor=user, evaluation=evaluation, refresh=refresh, **fields
    )
    return evaluation_out(evaluation)


def _transition(request: HttpRequest, evaluation_id: uuid.UUID, service, **kwargs):
    user = actor(request)
    evaluation = get_evaluation_for_user(user, evaluation_id)
    return evaluation_out(service(actor=user, evaluation=evaluation, **kwargs))


@router.post("/evaluations/{evaluation_id}/submit", response={200: EvaluationOut, **WRITE_ERRORS})
def evaluation_submit(request: HttpRequest, evaluation_id: uuid.UUID):
    return _transition(request, evaluation_id, evaluation_services.evaluation_submit)


@router.post("/evaluations/{evaluation_id}/approve", response={200: EvaluationOut, **WRITE_ERRORS})
def evaluation_approve(request: HttpRequest, evaluation_id: uuid.UUID):
    """A section or Bapas head of the office approves; never the author."""
    return _transition(request, evaluation_id, evaluation_services.evaluation_approve)


@router.post("/evaluations/{evaluation_id}/return", response={200: EvaluationOut, **WRITE_ERRORS})
def evaluation_return(request: HttpRequest, evaluation_id: uuid.UUID, payload: ReturnIn):
    return _transition(
        request, evaluation_id, evaluation_services.evaluation_return, note=payload.note
    )


@router.post("/evaluations/{evaluation_id}/revise", response={201: EvaluationOut, **WRITE_ERRORS})
def evaluation_revise(request: HttpRequest, evaluation_id: uuid.UUID):
    """A new draft version of an approved evaluation; the approved one stays in force."""
    user = actor(request)
    evaluation = get_evaluation_for_user(user, evaluation_id, write=True)
    draft = evaluation_services.evaluation_revise(actor=user, evaluation=evaluation)
    return Status(201, evaluation_out(draft))


@router.post(
    "/evaluations/{evaluation_id}/documents",
    response={201: GeneratedDocumentOut, **WRITE_ERRORS},
)
def evaluation_document(request: HttpRequest, evaluation_id: uuid.UUID, query: Query[FormatIn]):
    """Generate a new version of the progress report (DOCX or PDF); download it from
    `download_url`."""
    user = actor(request)
    evaluation = get_evaluation_for_user(user, evaluation_id)
    document = evaluation_services.evaluation_document_generate(
        actor=user, evaluation=evaluation, fmt=query.fmt
    )
    return Status(201, document_out(document))


@router.get("/me/evaluations-to-approve", response={200: list[EvaluationOut], **READ_ERRORS})
def evaluations_to_approve(request: HttpRequest):
    """Submitted evaluations of the supervisor's office written by someone else, oldest
    first."""
    user = actor(request)
    require(can_supervise(user))
    waiting = list(awaiting_approval(user).select_related("approved_by", "returned_by"))
    audit_clients_listed(
        actor=user, clients=[e.case.client for e in waiting], where="evaluations to approve"
    )
    return [evaluation_out(e) for e in waiting]


# --- coverage ------------------------------------------------------------------------------


@router.get("/offices/{code}/guidance-coverage", response={200: CoverageOut, **READ_ERRORS})
def guidance_coverage(request: HttpRequest, code: Annotated[str, Field(max_length=20)]):
    """Per officer: clients (open cases under guidance), with a current plan (agreed for the
    current stage), with a current evaluation (every ended stage approved). The office's
    section and Bapas heads only; anyone else gets a 404."""
    user = actor(request)
    office = Office.objects.filter(code__iexact=code).first()
    require(office is not None and can_supervise(user) and user.office_id == office.pk)
    assert office is not None
    figures = coverage_per_officer(office.pk, today())
    return {
        "office": office.code,
        "day": figures.day,
        "officers": [
            {
                "officer": presenters.person(row.officer),
                "clients": row.clients,
                "with_current_plan": row.with_current_plan,
                "with_current_evaluation": row.with_current_evaluation,
            }
            for row in figures.officers
        ],
        "officers_with_clients": len(figures.with_clients),
        "officers_all_plans": figures.officers_all_plans,
        "officers_all_evaluations": figures.officers_all_evaluations,
    }
