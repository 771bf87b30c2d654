"""The client API, for the Lapor Bapas app and other client-facing systems.

`POST /client-auth/token` exchanges register number + birth date + PIN for a client token;
`/me/...` answers only to that token (staff tokens and sessions get 401 here, and a client
token gets 401 on every staff endpoint). A client sees and reports only for their own open
case."""

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Header, Router, Schema, Status, UploadedFile
from ninja.security import HttpBearer
from pydantic import StringConstraints

from bimkemas.api.errors import READ_ERRORS, WRITE_ERRORS, ErrorOut, error_body
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.reporting.models import CheckIn, ClientAccess, SupportNeed
from bimkemas.reporting.selectors import PeriodStatus
from bimkemas.reporting.services.checkins import (
    ANSWER_MAX_LENGTH,
    Feeling,
    IdempotencyKeyReused,
    checkin_submit_self,
)
from bimkemas.reporting.services.client_app import (
    Contact,
    access_open_case,
    access_sign_in,
    audit_client_read,
    client_overview,
    client_token_authenticate,
    client_token_create,
    client_token_revoke,
    reported_at,
)

IDEMPOTENCY_KEY = r"^[\x21-\x7e]{1,100}$"
MAX_PHOTOS = 3
Text = Annotated[str, StringConstraints(max_length=ANSWER_MAX_LENGTH)]


class ClientBearer(HttpBearer):
    """A client token (`lapor_…`); staff tokens are not client tokens and fail here."""

    def authenticate(self, request: HttpRequest, token: str) -> ClientAccess | None:
        access = client_token_authenticate(token)
        if access is not None:
            request.client_access = access  # type: ignore[attr-defined]
            request.client_token = token  # type: ignore[attr-defined]
        return access


router = Router(tags=["client app"], auth=ClientBearer())


def _access(request: HttpRequest) -> ClientAccess:
    access = request.auth  # type: ignore[attr-defined]
    assert isinstance(access, ClientAccess)
    return access


class TokenIn(Schema):
    register_number: str = Field(max_length=60)
    birth_date: dt.date
    pin: str = Field(max_length=20)


class TokenOut(Schema):
    token: str
    client_name: str


@router.post(
    "/client-auth/token",
    auth=None,
    response={201: TokenOut, 400: ErrorOut, 401: ErrorOut, 422: ErrorOut},
)
def client_token(request: HttpRequest, payload: TokenIn):
    """Sign in as a client: a bearer token for `/me/...`, shown once. A refusal (401) says
    why: wrong details (with the tries left), not activated, or locked — five wrong PINs in
    a row lock the access until the client's officer resets it."""
    try:
        access = access_sign_in(
            register_number=payload.register_number,
            birth_date=payload.birth_date,
            pin=payload.pin,
        )
    except ApplicationError as error:
        return Status(401, error_body(error.message))
    _token, key = client_token_create(access=access)
    return Status(201, {"token": key, "client_name": access.client.full_name})


@router.delete("/client-auth/token", response={204: None, **READ_ERRORS})
def client_token_delete(request: HttpRequest):
    """Sign out: the token stops working."""
    client_token_revoke(request.client_token)  # type: ignore[attr-defined]
    return Status(204, None)


class PeriodOut(Schema):
    starts_on: dt.date
    ends_on: dt.date
    due_on: dt.date = Field(description="Report by this day (the period's last day).")
    status: str


class ContactOut(Schema):
    name: str
    phone: str
    whatsapp_url: str


class ReportingOut(Schema):
    client_name: str
    register_number: str | None
    due: PeriodOut | None = Field(description="The earliest period still to report for.")
    current: PeriodOut | None
    next_starts_on: dt.date | None
    consecutive_misses: int
    officer: ContactOut | None
    office: ContactOut | None


def _period(period: PeriodStatus | None) -> dict[str, Any] | None:
    if period is None:
        return None
    return {
        "starts_on": period.starts_on,
        "ends_on": period.ends_on,
        "due_on": period.ends_on,
        "status": period.status,
    }


def _contact(contact: Contact | None) -> dict[str, Any] | None:
    if contact is None:
        return None
    whatsapp = f"https://wa.me/{contact.whatsapp}" if contact.phone else ""
    return {"name": contact.name, "phone": contact.phone, "whatsapp_url": whatsapp}


@router.get("/me/reporting", response={200: ReportingOut, **READ_ERRORS})
def my_reporting(request: HttpRequest):
    """My duty to report now (the period due and by when), my officer and my office."""
    access = _access(request)
    overview = client_overview(access, today())
    audit_client_read(access, _("Client API: reporting duty and contacts"))
    return {
        "client_name": access.client.full_name,
        "register_number": overview.case.register_number if overview.case else None,
        "due": _period(overview.due),
        "current": _period(overview.current),
        "next_starts_on": overview.next_starts_on,
        "consecutive_misses": overview.consecutive_misses,
        "officer": _contact(overview.officer),
        "office": _contact(overview.office),
    }


class CheckInOut(Schema):
    id: uuid.UUID
    occurred_at: dt.datetime
    received_at: dt.datetime
    channel: str
    answers: dict[str, str]
    needs: list[str]
    wants_call_back: bool
    has_selfie: bool
    photos: int
    latitude: Decimal | None
    longitude: Decimal | None
    accuracy_m: int | None


def _checkin(checkin: CheckIn) -> dict[str, Any]:
    return {
        "id": checkin.public_id,
        "occurred_at": checkin.occurred_at,
        "received_at": checkin.created_at,
        "channel": checkin.channel,
        "answers": checkin.answers,
        "needs": checkin.needs,
        "wants_call_back": checkin.wants_call_back,
        "has_selfie": bool(checkin.selfie),
        "photos": checkin.photos.count(),
        "latitude": checkin.latitude,
        "longitude": checkin.longitude,
        "accuracy_m": checkin.accuracy_m,
    }


@router.get("/me/checkins", response={200: list[CheckInOut], **READ_ERRORS})
def my_checkins(request: HttpRequest):
    """My check-ins in my open case through every channel, newest first (the last 50)."""
    access = _access(request)
    case = access_open_case(access)
    if case is None:
        return []
    checkins = CheckIn.objects.filter(case=case).prefetch_related("photos")[:50]
    audit_client_read(access, _("Client API: own check-ins"))
    return [_checkin(c) for c in checkins]


class CheckInIn(Schema):
    condition: Feeling
    activity: Text = ""
    obstacles: Text = ""
    plans: Text = ""
    needs: list[SupportNeed] = []
    wants_call_back: bool = False
    latitude: Decimal | None = Field(None, ge=-90, le=90)
    longitude: Decimal | None = Field(None, ge=-180, le=180)
    accuracy_m: int | None = Field(None, ge=0, le=1_000_000)
    occurred_at: dt.datetime | None = Field(
        None, description="When the client filled it in (a report sent late); default now."
    )


SELFIE = File(None, description="A photo of the client, taken now (JPEG or PNG).")
PHOTOS = File(None, description="Up to 3 photos of the client's daily activity.")


@router.post("/me/checkins", response={201: CheckInOut, **WRITE_ERRORS})
def my_checkin_create(
    request: HttpRequest,
    payload: Form[CheckInIn],
    selfie: UploadedFile | None = SELFIE,
    photos: list[UploadedFile] | None = PHOTOS,
    idempotency_key: str | None = Header(
        None,
        alias="Idempotency-Key",
        pattern=IDEMPOTENCY_KEY,
        description="A key the phone makes for this report (a UUID): sending it again with "
        "the same key returns the first record and the same answer.",
    ),
):
    """Report (multipart form: the answers, a selfie, up to 3 photos of daily activity)."""
    access = _access(request)
    case = access_open_case(access)
    if case is None:
        raise ApplicationError(_("You have no guidance period to report for."))
    if photos and len(photos) > MAX_PHOTOS:
        raise ApplicationError(
            _("Send at most %(count)d photos.") % {"count": MAX_PHOTOS}, field="photos"
        )
    answers = {
        "condition": payload.condition.value,
        "activity": payload.activity,
        "obstacles": payload.obstacles,
        "plans": payload.plans,
    }
    try:
        checkin = checkin_submit_self(
            access=access,
            case=case,
            occurred_at=reported_at(payload.occurred_at),
            answers={k: v for k, v in answers.items() if v},
            needs=[need.value for need in payload.needs],
            wants_call_back=payload.wants_call_back,
            selfie=selfie,
            photos=photos or [],
            latitude=payload.latitude,
            longitude=payload.longitude,
            accuracy_m=payload.accuracy_m,
            idempotency_key=idempotency_key or "",
        )
    except IdempotencyKeyReused as error:
        return Status(422, error_body(error.message, {"Idempotency-Key": [error.message]}))
    return Status(201, _checkin(checkin))
