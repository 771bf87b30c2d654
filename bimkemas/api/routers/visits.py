"""API: home visits — an officer's visits and day route, planning, recording (replay-safe
with an Idempotency-Key), cancelling, a case's visits, and a recorded visit's photos."""

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated, Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, File, Header, Query, Router, Schema, Status
from ninja.files import UploadedFile

from bimkemas.api import presenters
from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS, WRITE_ERRORS, error_body
from bimkemas.api.routers.intake import IDEMPOTENCY_KEY
from bimkemas.api.schemas import InputSchema, NoNul, PersonRef, Str200, Str300
from bimkemas.audit.services import audit_clients_listed, audit_view
from bimkemas.clients.access import get_case_for_editing, get_case_for_user, require
from bimkemas.core.dates import today
from bimkemas.visits.access import get_visit_for_user
from bimkemas.visits.models import HomeVisit, PersonKind, VisitReason, VisitStatus
from bimkemas.visits.routes import SPEED_KMH
from bimkemas.visits.selectors import day_route, officer_visits
from bimkemas.visits.services import (
    MAX_PERSONS,
    TEXT_MAX_LENGTH,
    IdempotencyKeyReused,
    visit_cancel,
    visit_photo_add,
    visit_plan,
    visit_record,
)

router = Router(tags=["Home visits"])

Text = Annotated[str, Field(max_length=TEXT_MAX_LENGTH), NoNul]
MAX_RANGE_DAYS = 366


class PersonMet(Schema):
    kind: PersonKind
    name: Str200 = ""


class VisitOut(Schema):
    id: uuid.UUID
    case: uuid.UUID
    client: uuid.UUID
    client_name: str
    register_number: str
    officer: PersonRef | None
    planned_on: dt.date | None
    reason: VisitReason
    note: str
    status: VisitStatus
    visited_at: dt.datetime | None
    latitude: Decimal | None
    longitude: Decimal | None
    accuracy_m: int | None
    persons_met: list[PersonMet]
    findings: str
    follow_up: str
    photos: list[str] = Field(..., description="URLs of the photos (session or token auth)")
    checkin: uuid.UUID | None = Field(None, description="The wajib lapor contact recorded")
    cancel_reason: str


class PlanIn(InputSchema):
    planned_on: dt.date
    reason: VisitReason
    note: Text = ""


class RecordIn(InputSchema):
    visit: uuid.UUID | None = Field(None, description="The planned visit; none: unplanned")
    outcome: Annotated[str, Field(pattern="^(done|not_found)$")] = "done"
    reason: VisitReason = Field(VisitReason.OTHER, description="Of an unplanned visit")
    visited_at: dt.datetime
    latitude: Annotated[Decimal, Field(ge=-90, le=90)] | None = None
    longitude: Annotated[Decimal, Field(ge=-180, le=180)] | None = None
    accuracy_m: Annotated[int, Field(ge=0, le=1_000_000)] | None = None
    persons_met: list[PersonMet] = Field([], max_length=MAX_PERSONS)
    findings: Text = ""
    follow_up: Text = ""
    idempotency_key: Annotated[str, Field(pattern=IDEMPOTENCY_KEY, max_length=90)] | None = None


class CancelIn(InputSchema):
    reason: Str300 = ""


class StopOut(Schema):
    position: int
    leg_m: int
    visit: VisitOut


class RouteOut(Schema):
    day: dt.date
    office_located: bool = Field(..., description="False: the route starts at the first stop")
    total_m: int
    total_km: float
    minutes: int = Field(..., description="Estimated travel time")
    speed_kmh: int = Field(..., description="The average speed the estimate assumes")
    stops: list[StopOut]
    unlocated: list[VisitOut] = Field(..., description="Visits whose home is not recorded")


class RangeQuery(Schema):
    start: dt.date | None = Field(None, alias="from")
    end: dt.date | None = Field(None, alias="to")


def visit_out(visit: HomeVisit) -> dict[str, Any]:
    case = visit.case
    photos = [
        reverse("visits_photo", args=[visit.public_id, n])
        for n in range(1, len(visit.photos.all()) + 1)
    ]
    return {
        "id": visit.public_id,
        "case": case.public_id,
        "client": case.client.public_id,
        "client_name": case.client.full_name,
        "register_number": case.register_number,
        "officer": presenters.person(visit.officer),
        "planned_on": visit.planned_on,
        "reason": visit.reason,
        "note": visit.note,
        "status": visit.status,
        "visited_at": visit.visited_at,
        "latitude": visit.latitude,
        "longitude": visit.longitude,
        "accuracy_m": visit.accuracy_m,
        "persons_met": visit.persons_met,
        "findings": visit.findings,
        "follow_up": visit.follow_up,
        "photos": photos,
        "checkin": visit.checkin.public_id if visit.checkin_id and visit.checkin else None,
        "cancel_reason": visit.cancel_reason,
    }


def _staff(request: HttpRequest):
    user = actor(request)
    require(user.office_id is not None and not user.is_national_viewer)
    return user


@router.get("/me/visits", response={200: list[VisitOut], **READ_ERRORS})
def my_visits(request: HttpRequest, query: Query[RangeQuery]):
    """The caller's visits planned or made from `from` to `to` (default: today and the next
    14 days; at most a year)."""
    user = _staff(request)
    start = query.start or today()
    end = query.end or start + dt.timedelta(days=14)
    if end < start or (end - start).days > MAX_RANGE_DAYS:
        return Status(422, error_body(_("Choose a range of at most a year, from before to.")))
    visits = list(
        officer_visits(user, start, end)
        .select_related("officer", "checkin")
        .prefetch_related("photos")
    )
    audit_clients_listed(actor=user, clients=[v.case.client for v in visits], where=_("My visits"))
    return [visit_out(v) for v in visits]


@router.get("/me/visit-route", response={200: RouteOut, **READ_ERRORS})
def my_visit_route(request: HttpRequest, day: dt.date | None = None):
    """The caller's planned visits of `day` (default today) ordered into a short route from
    their office, with the legs' straight-line distances and an estimated travel time."""
    user = _staff(request)
    the_day = day or today()
    route = day_route(user, the_day)
    visits = [stop.item for stop in route.stops] + list(route.unlocated)
    audit_clients_listed(
        actor=user, clients=[v.case.client for v in visits], where=_("Day plan of visits")
    )
    office = user.office
    return {
        "day": the_day,
        "office_located": office is not None and office.latitude is not None,
        "total_m": route.total_m,
        "total_km": route.total_km,
        "minutes": route.minutes,
        "speed_kmh": SPEED_KMH,
        "stops": [
            {"position": n, "leg_m": stop.leg_m or 0, "visit": visit_out(stop.item)}
            for n, stop in enumerate(route.stops, start=1)
        ],
        "unlocated": [visit_out(v) for v in route.unlocated],
    }


@router.get("/cases/{case_id}/visits", response={200: list[VisitOut], **READ_ERRORS})
def case_visits(request: HttpRequest, case_id: uuid.UUID):
    """The case's visits, planned, made and cancelled, newest first."""
    user = actor(request)
    case = get_case_for_user(user, case_id)
    visits = list(
        case.home_visits.select_related("case__client", "officer", "checkin")
        .prefetch_related("photos")
        .order_by("-visited_at", "-planned_on", "-pk")
    )
    audit_view(actor=user, obj=case, client=case.client, what=_("Home visits"))
    return [visit_out(v) for v in visits]


@router.get("/visits/{visit_id}", response={200: VisitOut, **READ_ERRORS})
def visit_detail(request: HttpRequest, visit_id: uuid.UUID):
    user = actor(request)
    visit = get_visit_for_user(user, visit_id)
    audit_view(actor=user, obj=visit, client=visit.case.client, what=_("Home visit"))
    return visit_out(visit)


@router.post("/cases/{case_id}/visits", response={201: VisitOut, **WRITE_ERRORS})
def visit_plan_create(request: HttpRequest, case_id: uuid.UUID, payload: PlanIn):
    """Plan a visit (the case's officer or a supervisor of its office); one planned visit
    per case at a time."""
    user = actor(request)
    case = get_case_for_editing(user, case_id)
    visit = visit_plan(
        actor=user,
        case=case,
        planned_on=payload.planned_on,
        reason=payload.reason.value,
        note=payload.note,
    )
    return Status(201, visit_out(visit))


@router.post("/cases/{case_id}/visit-records", response={201: VisitOut, **WRITE_ERRORS})
def visit_record_create(
    request: HttpRequest,
    case_id: uuid.UUID,
    payload: RecordIn,
    idempotency_key: str | None = Header(
        None,
        alias="Idempotency-Key",
        pattern=IDEMPOTENCY_KEY,
        max_length=90,
        description="Or the body's idempotency_key: the same visit sent again with it returns "
        "the first record; the same key with another body is a 422.",
    ),
):
    """Record a visit (planned: `visit`; else unplanned). A done visit is also recorded as a
    wajib lapor contact (channel home visit). Photos: POST /visits/{id}/photos."""
    user = actor(request)
    case = get_case_for_editing(user, case_id)
    key = idempotency_key or payload.idempotency_key
    if not key:
        return Status(
            422,
            error_body(
                _("Send an Idempotency-Key header or an idempotency_key."),
                {"Idempotency-Key": [_("This field is required.")]},
            ),
        )
    planned = None
    if payload.visit is not None:
        planned = get_visit_for_user(user, payload.visit, write=True)
    visited_at = payload.visited_at
    if timezone.is_naive(visited_at):
        visited_at = timezone.make_aware(visited_at)
    try:
        visit = visit_record(
            actor=user,
            case=case,
            visit=planned,
            idempotency_key=key,
            visited_at=visited_at,
            latitude=payload.latitude,
            longitude=payload.longitude,
            accuracy_m=payload.accuracy_m,
            persons_met=[p.model_dump() for p in payload.persons_met],
            findings=payload.findings,
            follow_up=payload.follow_up,
            outcome=payload.outcome,
            reason=payload.reason.value,
        )
    except IdempotencyKeyReused as error:
        return Status(422, error_body(error.message, {"Idempotency-Key": [error.message]}))
    return Status(201, visit_out(visit))


@router.post("/visits/{visit_id}/cancel", response={200: VisitOut, **WRITE_ERRORS})
def visit_cancel_create(request: HttpRequest, visit_id: uuid.UUID, payload: CancelIn):
    user = actor(request)
    visit = get_visit_for_user(user, visit_id, write=True)
    return visit_out(visit_cancel(actor=user, visit=visit, reason=payload.reason))


@router.post("/visits/{visit_id}/photos", response={201: VisitOut, **WRITE_ERRORS})
def visit_photo_create(request: HttpRequest, visit_id: uuid.UUID, photo: File[UploadedFile]):
    """Add a photo (JPEG or PNG) to a recorded visit; at most three a visit."""
    user = actor(request)
    visit = get_visit_for_user(user, visit_id, write=True)
    visit_photo_add(actor=user, visit=visit, photo=photo)
    return Status(201, visit_out(get_visit_for_user(user, visit_id)))
