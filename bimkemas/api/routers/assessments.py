"""API: risk and needs assessments — the published instruments with their definitions, a
client's assessments, recording one (a draft while any answer is missing, scored when
complete), continuing a draft, the next reassessment date, and requesting a reassessment."""

import datetime as dt
import uuid
from typing import Annotated, Any, Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from pydantic import StrictBool, StrictInt

from bimkemas.api import presenters
from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS, WRITE_ERRORS
from bimkemas.api.schemas import InputSchema, LongText, NoNul, PersonRef, Str300
from bimkemas.assessments.access import (
    get_assessment_for_user,
    get_case_for_assessing,
    get_case_for_reading,
    get_published_instrument,
)
from bimkemas.assessments.due import detail_for, next_due_for_case
from bimkemas.assessments.models import (
    Assessment,
    Instrument,
    ReassessmentTrigger,
)
from bimkemas.assessments.scoring import score
from bimkemas.assessments.selectors import client_history, needs_of
from bimkemas.assessments.services import (
    assessment_save,
    assessment_update,
    reassessment_trigger,
)
from bimkemas.audit.services import audit_client_view, audit_view
from bimkemas.clients.access import get_client_for_user
from bimkemas.core.dates import today

router = Router(tags=["assessments"])

ItemCode = Annotated[str, Field(min_length=1, max_length=40), NoNul]
OptionIndex = Annotated[StrictInt, Field(ge=0, le=99)] | None
Answers = Annotated[dict[ItemCode, OptionIndex], Field(max_length=200)]
Reason = Literal["initial", "yearly", "new_information", "request"]


class InstrumentRef(Schema):
    id: uuid.UUID
    code: str
    name: str
    kind: str
    version: int


class InstrumentOut(InstrumentRef):
    status: str
    note: str
    published_at: dt.datetime | None
    definition: dict[str, Any]


class NeedOut(Schema):
    code: str
    label: str
    level: str
    score: int
    suggestion: dict[str, Any]


class AssessmentOut(Schema):
    id: uuid.UUID
    client_id: uuid.UUID
    case_id: uuid.UUID
    instrument: InstrumentRef
    assessor: PersonRef | None
    assessed_on: dt.date
    status: str
    answers: dict[str, int]
    missing: list[str] = Field(description="Items not answered yet (a draft is never scored)")
    score: int | None
    band: str
    needs: list[NeedOut] = Field(description="Need domains, highest level first")
    reason: str
    note: str
    sources: str
    created_at: dt.datetime


class AssessmentIn(InputSchema):
    instrument_id: uuid.UUID
    answers: Answers = {}
    assessed_on: dt.date
    reason: Reason = "initial"
    note: LongText = ""
    sources: Str300 = ""
    finish: StrictBool = Field(True, description="false keeps a complete set of answers as a draft")


class AssessmentPatch(InputSchema):
    answers: Answers
    assessed_on: dt.date | None = None
    reason: Reason | None = None
    note: LongText | None = None
    sources: Str300 | None = None
    finish: StrictBool = True


class DueOut(Schema):
    due_on: dt.date | None
    overdue: bool
    why: str = Field(description="initial, yearly, trigger or violation; empty when none")
    detail: str


class TriggerIn(InputSchema):
    reason: Literal["new_violation", "tpp_request", "other"]
    note: Annotated[str, Field(max_length=500), NoNul] = ""


class TriggerOut(Schema):
    id: uuid.UUID
    case_id: uuid.UUID
    reason: str
    note: str
    created_by: PersonRef | None
    created_at: dt.datetime


def _instrument_ref(instrument: Instrument) -> dict:
    return {
        "id": instrument.public_id,
        "code": instrument.code,
        "name": instrument.name,
        "kind": instrument.kind,
        "version": instrument.version,
    }


def _assessment(assessment: Assessment) -> dict:
    return {
        "id": assessment.public_id,
        "client_id": assessment.client.public_id,
        "case_id": assessment.case.public_id,
        "instrument": _instrument_ref(assessment.instrument),
        "assessor": presenters.person(assessment.assessor),
        "assessed_on": assessment.assessed_on,
        "status": assessment.status,
        "answers": assessment.answers,
        "missing": score(assessment.instrument.definition, assessment.answers).missing,
        "score": assessment.score,
        "band": assessment.band,
        "needs": [vars(need) for need in needs_of(assessment)] if not assessment.is_draft else [],
        "reason": assessment.reason,
        "note": assessment.note,
        "sources": assessment.sources,
        "created_at": assessment.created_at,
    }


@router.get("/assessment-instruments", response={200: list[InstrumentOut], **READ_ERRORS})
def instrument_list(request: HttpRequest):
    """The published instrument versions with their definitions (items, options and scores,
    bands, need domains with thresholds and suggested plan items)."""
    actor(request)
    return [
        {
            **_instrument_ref(i),
            "status": i.status,
            "note": i.note,
            "published_at": i.published_at,
            "definition": i.definition,
        }
        for i in Instrument.objects.published().order_by("kind", "code")
    ]


@router.get("/clients/{client_id}/assessments", response={200: list[AssessmentOut], **READ_ERRORS})
def client_assessment_list(request: HttpRequest, client_id: uuid.UUID):
    """Every assessment of the client, drafts included, newest first."""
    user = actor(request)
    client = get_client_for_user(user, client_id)
    audit_client_view(actor=user, client=client, what=_("Assessments"))
    return [_assessment(a) for a in client_history(client)]


@router.post("/cases/{case_id}/assessments", response={201: AssessmentOut, **WRITE_ERRORS})
def assessment_create(request: HttpRequest, case_id: uuid.UUID, payload: AssessmentIn):
    """Record an assessment with a published instrument: scored when every item is answered
    (and `finish`), otherwise kept as a draft listing the missing items."""
    user = actor(request)
    case = get_case_for_assessing(user, case_id)
    instrument = get_published_instrument(payload.instrument_id)
    data = payload.dict(exclude={"instrument_id"})
    assessment = assessment_save(actor=user, case=case, instrument=instrument, **data)
    return Status(201, _assessment(get_assessment_for_user(user, assessment.public_id)))


@router.get("/assessments/{assessment_id}", response={200: AssessmentOut, **READ_ERRORS})
def assessment_detail(request: HttpRequest, assessment_id: uuid.UUID):
    user = actor(request)
    assessment = get_assessment_for_user(user, assessment_id)
    audit_view(actor=user, obj=assessment, client=assessment.client, what=_("Assessment"))
    return _assessment(assessment)


@router.patch("/assessments/{assessment_id}", response={200: AssessmentOut, **WRITE_ERRORS})
def assessment_patch(request: HttpRequest, assessment_id: uuid.UUID, payload: AssessmentPatch):
    """Continue a draft: the answers replace the draft's; it is scored once complete. A scored
    assessment is refused (400): a correction is a new assessment."""
    user = actor(request)
    assessment = get_assessment_for_user(user, assessment_id, write=True)
    data = payload.dict()
    assessment_update(
        actor=user,
        assessment=assessment,
        answers=data["answers"],
        assessed_on=data["assessed_on"] or assessment.assessed_on,
        reason=data["reason"] or assessment.reason,
        note=assessment.note if data["note"] is None else data["note"],
        sources=assessment.sources if data["sources"] is None else data["sources"],
        finish=data["finish"],
    )
    return _assessment(get_assessment_for_user(user, assessment_id))


@router.get("/cases/{case_id}/reassessment-due", response={200: DueOut, **READ_ERRORS})
def reassessment_due(request: HttpRequest, case_id: uuid.UUID):
    """When the case's next risk and needs assessment is due, and why."""
    user = actor(request)
    case = get_case_for_reading(user, case_id)
    day = today()
    due = next_due_for_case(case, day) if case.is_open else None
    audit_view(actor=user, obj=case, client=case.client, what=_("Reassessment due"))
    if due is None:
        return {"due_on": None, "overdue": False, "why": "", "detail": ""}
    return {"due_on": due[0], "overdue": due[0] < day, "why": due[1], "detail": detail_for(due[1])}


@router.post("/cases/{case_id}/reassessment-triggers", response={201: TriggerOut, **WRITE_ERRORS})
def trigger_create(request: HttpRequest, case_id: uuid.UUID, payload: TriggerIn):
    """New information (a violation, a TPP request): the reassessment becomes due within the
    office's trigger days (14 by default) until the next scored risk assessment."""
    user = actor(request)
    case = get_case_for_assessing(user, case_id)
    trigger = reassessment_trigger(actor=user, case=case, **payload.dict())
    return Status(201, _trigger(trigger, case.public_id))


def _trigger(trigger: ReassessmentTrigger, case_id: uuid.UUID) -> dict:
    return {
        "id": trigger.public_id,
        "case_id": case_id,
        "reason": trigger.reason,
        "note": trigger.note,
        "created_by": presenters.person(trigger.created_by),
        "created_at": trigger.created_at,
    }
