"""Wajib lapor for staff: check-ins of a case (record, list, detail, review), the review
queue, the case's reporting schedule and its compliance per period."""

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Header, Router, Schema, Status
from pydantic import StrictBool

from bimkemas.api import presenters
from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS, WRITE_ERRORS, error_body
from bimkemas.api.routers.intake import IDEMPOTENCY_KEY
from bimkemas.api.schemas import InputSchema, NoNul, PersonRef, Str200
from bimkemas.audit.services import audit_clients_listed, audit_view
from bimkemas.clients.access import get_case_for_user, get_officer_for_user, require
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.dates import today
from bimkemas.reporting.access import get_checkin_for_user, review_queue
from bimkemas.reporting.models import (
    Channel,
    CheckIn,
    Concern,
    Frequency,
    Reporter,
    ReviewStatus,
    ScheduleBasis,
    SupportNeed,
)
from bimkemas.reporting.selectors import case_compliance
from bimkemas.reporting.services.checkins import (
    ANSWER_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    STAFF_CHANNELS,
    IdempotencyKeyReused,
    checkin_record,
    checkin_review,
)
from bimkemas.reporting.services.schedules import schedule_set

router = Router(tags=["reporting"])

Answer = Annotated[str, Field(max_length=ANSWER_MAX_LENGTH), NoNul]
Note = Annotated[str, Field(max_length=NOTE_MAX_LENGTH), NoNul]
StaffChannel = Annotated[str, Field(pattern="^(" + "|".join(STAFF_CHANNELS) + ")$")]


class AnswersIn(InputSchema):
    condition: Answer = ""
    activity: Answer = ""
    social: Answer = ""
    obstacles: Answer = ""
    plans: Answer = ""


class CheckInIn(InputSchema):
    channel: StaffChannel = Field(..., description="in_person, phone, video, chat, home_visit, tpp")
    occurred_at: dt.datetime = Field(..., description="When the contact took place (ISO 8601)")
    reporter: Reporter = Reporter.CLIENT
    reporter_name: Str200 = Field("", description="Required when someone reported for the client")
    answers: AnswersIn = AnswersIn()
    needs: list[SupportNeed] = Field([], max_length=len(SupportNeed.values))
    wants_call_back: StrictBool = False
    note: Note = ""
    latitude: Annotated[Decimal, Field(ge=-90, le=90)] | None = None
    longitude: Annotated[Decimal, Field(ge=-180, le=180)] | None = None
    accuracy_m: Annotated[int, Field(ge=0, le=1_000_000)] | None = None


class CheckInOut(Schema):
    id: uuid.UUID
    case: uuid.UUID
    channel: Channel
    occurred_at: dt.datetime
    recorded_by: PersonRef | None
    reporter: Reporter
    reporter_name: str
    answers: dict[str, str]
    needs: list[str]
    wants_call_back: bool
    note: str
    latitude: Decimal | None
    longitude: Decimal | None
    accuracy_m: int | None
    distance_from_home_m: int | None
    has_selfie: bool
    has_evidence: bool
    photos: int
    counts: bool
    concerns: list[Concern]
    review_status: ReviewStatus
    reviewed_by: PersonRef | None
    reviewed_at: dt.datetime | None
    review_note: str
    minutes_to_review: int | None = Field(None, description="From submission to review")
    created_at: dt.datetime


class QueueItemOut(CheckInOut):
    client: uuid.UUID
    client_name: str
    register_number: str


class ReviewIn(InputSchema):
    note: Note = ""


class ScheduleOut(Schema):
    frequency: Frequency
    grace_days: int
    since: dt.date
    basis: str = Field(..., description="builtin, office, officer, tpp or condition")
    reference: str
    set_by: PersonRef | None


class ScheduleIn(InputSchema):
    frequency: Frequency
    starts_on: dt.date
    grace_days: Annotated[int, Field(ge=0, le=31)] = 3
    basis: ScheduleBasis
    reference: Str200 = ""


class PeriodOut(Schema):
    starts_on: dt.date
    ends_on: dt.date
    closes_on: dt.date
    frequency: Frequency
    status: str = Field(..., description="reported, missed, excused or open")
    consecutive_misses: int
    checkins: list[uuid.UUID]
    excuse_reasons: list[str]


class ComplianceOut(Schema):
    case: uuid.UUID
    day: dt.date
    schedule: ScheduleOut | None
    consecutive_misses: int
    rate: float | None = Field(None, description="Reported / (reported + missed)")
    periods: list[PeriodOut]


def checkin_out(checkin: CheckIn) -> dict[str, Any]:
    reviewed = checkin.reviewed_at
    return {
        "id": checkin.public_id,
        "case": checkin.case.public_id,
        "channel": checkin.channel,
        "occurred_at": checkin.occurred_at,
        "recorded_by": presenters.person(checkin.recorded_by),
        "reporter": checkin.reporter,
        "reporter_name": checkin.reporter_name,
        "answers": checkin.answers,
        "needs": checkin.needs,
        "wants_call_back": checkin.wants_call_back,
        "note": checkin.note,
        "latitude": checkin.latitude,
        "longitude": checkin.longitude,
        "accuracy_m": checkin.accuracy_m,
        "distance_from_home_m": checkin.distance_from_home_m,
        "has_selfie": bool(checkin.selfie),
        "has_evidence": bool(checkin.evidence),
        "photos": checkin.photos.count(),
        "counts": checkin.counts,
        "concerns": checkin.concerns,
        "review_status": checkin.review_status,
        "reviewed_by": presenters.person(checkin.reviewed_by),
        "reviewed_at": reviewed,
        "review_note": checkin.review_note,
        "minutes_to_review": (
            int((reviewed - checkin.created_at).total_seconds() // 60) if reviewed else None
        ),
        "created_at": checkin.created_at,
    }


def _case(request: HttpRequest, case_id: uuid.UUID, *, write: bool = False):
    user = actor(request)
    return user, get_case_for_user(user, case_id, write=write)


@router.post("/cases/{case_id}/checkins", response={201: CheckInOut, **WRITE_ERRORS})
def checkin_create(
    request: HttpRequest,
    case_id: uuid.UUID,
    payload: CheckInIn,
    idempotency_key: str | None = Header(
        None,
        alias="Idempotency-Key",
        pattern=IDEMPOTENCY_KEY,
        description="A key of your choosing, e.g. a UUID: the same request sent again with "
        "it returns the first check-in; the same key with another body is a 422.",
    ),
):
    """Record a contact with the client: in person, by phone, video or chat, a home visit,
    a TPP appearance, or a report by family or the RT head (`reporter`, `reporter_name`)."""
    user, case = _case(request, case_id, write=True)
    data = payload.model_dump()
    try:
        checkin = checkin_record(
            actor=user,
            case=case,
            channel=data["channel"],
            occurred_at=data["occurred_at"],
            reporter=data["reporter"],
            reporter_name=data["reporter_name"],
            answers={k: v for k, v in data["answers"].items() if v},
            needs=[str(need) for need in data["needs"]],
            wants_call_back=data["wants_call_back"],
            note=data["note"],
            latitude=data["latitude"],
            longitude=data["longitude"],
            accuracy_m=data["accuracy_m"],
            idempotency_key=idempotency_key or "",
        )
    except IdempotencyKeyReused as error:
        return Status(422, error_body(error.message, {"Idempotency-Key": [error.message]}))
    return Status(201, checkin_out(checkin))


@router.get("/cases/{case_id}/checkins", response={200: list[CheckInOut], **READ_ERRORS})
def checkin_list(request: HttpRequest, case_id: uuid.UUID):
    """The case's check-ins, newest first."""
    user, case = _case(request, case_id)
    checkins = list(case.checkins.select_related("recorded_by", "reviewed_by"))
    audit_view(actor=user, obj=case, client=case.client, what=_("Check-ins"))
    return [checkin_out(checkin) for checkin in checkins]


@router.get("/checkins/{checkin_id}", response={200: CheckInOut, **READ_ERRORS})
def checkin_detail(request: HttpRequest, checkin_id: uuid.UUID):
    user = actor(request)
    checkin = get_checkin_for_user(user, checkin_id)
    audit_view(actor=user, obj=checkin, client=checkin.case.client, what=_("Check-in"))
    return checkin_out(checkin)


@router.post("/checkins/{checkin_id}/review", response={200: CheckInOut, **WRITE_ERRORS})
def checkin_mark_reviewed(request: HttpRequest, checkin_id: uuid.UUID, payload: ReviewIn):
    """Mark a check-in with a concern reviewed (the case's officer or a supervisor)."""
    user = actor(request)
    checkin = get_checkin_for_user(user, checkin_id)
    return checkin_out(checkin_review(actor=user, checkin=checkin, note=payload.note))


@router.get("/me/review-queue", response={200: list[QueueItemOut], **READ_ERRORS})
def my_review_queue(
    request: HttpRequest,
    officer: uuid.UUID | None = None,
    limit: Annotated[int, Field(ge=1, le=200)] = 50,
):
    """Check-ins waiting for review, newest first: an officer's own cases; a supervisor's
    office (or one `officer` of it)."""
    user = actor(request)
    require(user.office_id is not None)
    chosen = None
    if officer is not None:
        chosen = get_officer_for_user(user, officer)
    checkins = list(review_queue(user, officer=chosen)[:limit])
    audit_clients_listed(
        actor=user, clients=[c.case.client for c in checkins], where=_("Check-ins to review")
    )
    return [
        {
            **checkin_out(c),
            "client": c.case.client.public_id,
            "client_name": c.case.client.full_name,
            "register_number": c.case.register_number,
        }
        for c in checkins
    ]


def _schedule_out(schedule) -> dict[str, Any] | None:
    if schedule is None:
        return None
    return {
        "frequency": schedule.frequency,
        "grace_days": schedule.grace_days,
        "since": schedule.since,
        "basis": schedule.basis,
        "reference": schedule.reference,
        "set_by": presenters.person(schedule.set_by),
    }


@router.get("/cases/{case_id}/schedule", response={200: ScheduleOut | None, **READ_ERRORS})
def schedule_read(request: HttpRequest, case_id: uuid.UUID):
    """The reporting rule in force today (null before the guidance starts)."""
    user, case = _case(request, case_id)
    audit_view(actor=user, obj=case, client=case.client, what=_("Reporting schedule"))
    return _schedule_out(case_compliance(case, today()).schedule)


@router.put("/cases/{case_id}/schedule", response={200: ScheduleOut | None, **WRITE_ERRORS})
def schedule_update(request: HttpRequest, case_id: uuid.UUID, payload: ScheduleIn):
    """Give the case its own frequency from `starts_on` (the PK's or TPP's decision, or a
    special condition of the SK); earlier rules stay in the case's history."""
    user, case = _case(request, case_id, write=True)
    schedule_set(
        actor=user,
        case=case,
        frequency=payload.frequency.value,
        starts_on=payload.starts_on,
        grace_days=payload.grace_days,
        basis=payload.basis.value,
        reference=payload.reference,
    )
    return _schedule_out(case_compliance(case, today()).schedule)


@router.get("/cases/{case_id}/compliance", response={200: ComplianceOut, **READ_ERRORS})
def compliance_read(request: HttpRequest, case_id: uuid.UUID):
    """Every period the case owed up to today: reported, missed, excused (with reasons) or
    still open, and the current run of consecutive misses."""
    user, case = _case(request, case_id)
    audit_view(actor=user, obj=case, client=case.client, what=_("Reporting compliance"))
    return _compliance_out(case)


def _compliance_out(case: SupervisionCase) -> dict[str, Any]:
    compliance = case_compliance(case, today())
    return {
        "case": case.public_id,
        "day": compliance.day,
        "schedule": _schedule_out(compliance.schedule),
        "consecutive_misses": compliance.consecutive_misses,
        "rate": compliance.rate,
        "periods": [
            {
                "starts_on": p.starts_on,
                "ends_on": p.ends_on,
                "closes_on": p.closes_on,
                "frequency": p.frequency,
                "status": p.status,
                "consecutive_misses": p.consecutive_misses,
                "checkins": [c.public_id for c in p.checkins],
                "excuse_reasons": list(p.excuse_reasons),
            }
            for p in compliance.periods
        ],
    }
