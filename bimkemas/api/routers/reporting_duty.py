"""Wajib lapor around the check-ins, as the client page and the supervisor's page offer it:
excuses from reporting, the messages sent to a client and their opt-outs, the activation
code of the self check-in app, and the office's compliance per officer and work area."""

import datetime as dt
import uuid
from typing import Annotated, Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from pydantic import StrictBool

from bimkemas.api import presenters
from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS, WRITE_ERRORS
from bimkemas.api.schemas import InputSchema, NoNul, PersonRef
from bimkemas.audit.services import audit_client_view, audit_view
from bimkemas.clients.access import (
    can_supervise,
    get_case_for_editing,
    get_case_for_user,
    get_client_for_user,
    require,
)
from bimkemas.core.dates import today
from bimkemas.reporting import oversight
from bimkemas.reporting.models import ClientAccess, Excuse
from bimkemas.reporting.panels_messages import client_messages
from bimkemas.reporting.services.client_app import access_issue_code
from bimkemas.reporting.services.opt_out import client_opt_out_set
from bimkemas.reporting.services.schedules import REASON_MAX_LENGTH, excuse_add

router = Router(tags=["reporting"])


class ExcuseIn(InputSchema):
    starts_on: dt.date
    ends_on: dt.date
    reason: Annotated[str, Field(min_length=1, max_length=REASON_MAX_LENGTH), NoNul]


class ExcuseOut(Schema):
    starts_on: dt.date
    ends_on: dt.date
    reason: str
    granted_by: PersonRef | None
    granted_at: dt.datetime


def _excuse(excuse: Excuse) -> dict:
    return {
        "starts_on": excuse.starts_on,
        "ends_on": excuse.ends_on,
        "reason": excuse.reason,
        "granted_by": presenters.person(excuse.granted_by),
        "granted_at": excuse.created_at,
    }


@router.get("/cases/{case_id}/excuses", response={200: list[ExcuseOut], **READ_ERRORS})
def excuse_list(request: HttpRequest, case_id: uuid.UUID):
    """The days the client was excused from reporting, newest first."""
    user = actor(request)
    case = get_case_for_user(user, case_id)
    audit_view(actor=user, obj=case, client=case.client, what=_("Excuses from reporting"))
    return [_excuse(e) for e in case.excuses.select_related("granted_by").order_by("-starts_on")]


@router.post("/cases/{case_id}/excuses", response={201: ExcuseOut, **WRITE_ERRORS})
def excuse_create(request: HttpRequest, case_id: uuid.UUID, payload: ExcuseIn):
    """Excuse the client from reporting on these days (in hospital, travel the officer
    allowed): a period that the excuse covers for at least half is not counted as missed."""
    user = actor(request)
    case = get_case_for_editing(user, case_id)
    excuse = excuse_add(actor=user, case=case, **payload.dict())
    return Status(201, _excuse(excuse))


class AttemptOut(Schema):
    started_at: dt.datetime
    transport: str
    ok: bool
    detail: str


class MessageOut(Schema):
    id: uuid.UUID
    purpose: str
    period_start: dt.date | None
    channel: str
    address: str
    status: str
    created_at: dt.datetime
    sent_at: dt.datetime | None
    next_attempt_at: dt.datetime | None
    error: str = Field(description="What went wrong, in words an officer can act on")
    attempts: list[AttemptOut]


class MessagesOut(Schema):
    total: int
    opted_out: list[str]
    messages: list[MessageOut]


def _opted_out(client) -> list[str]:
    access = ClientAccess.objects.filter(client=client).first()
    return sorted(access.opted_out_channels or []) if access else []


@router.get("/clients/{client_id}/messages", response={200: MessagesOut, **READ_ERRORS})
def message_list(request: HttpRequest, client_id: uuid.UUID):
    """The newest messages to the client (reminders, activation), each with its status and
    delivery attempts, and the channels the client opted out of."""
    user = actor(request)
    client = get_client_for_user(user, client_id)
    rows, total = client_messages(client)
    audit_client_view(actor=user, client=client, what=_("Messages to the client"))
    return {
        "total": total,
        "opted_out": _opted_out(client),
        "messages": [
            {
                "id": row.notification.public_id,
                "purpose": row.purpose,
                "period_start": row.period_start,
                "channel": row.notification.channel,
                "address": row.notification.address,
                "status": row.notification.status,
                "created_at": row.notification.created_at,
                "sent_at": row.notification.sent_at,
                "next_attempt_at": row.notification.next_attempt_at,
                "error": row.error,
                "attempts": [
                    {
                        "started_at": a.started_at,
                        "transport": a.transport,
                        "ok": a.ok,
                        "detail": a.detail,
                    }
                    for a in row.attempts
                ],
            }
            for row in rows
        ],
    }


class OptOutIn(InputSchema):
    opted_out: StrictBool


@router.put(
    "/clients/{client_id}/opt-outs/{channel}",
    response={200: list[str], **WRITE_ERRORS},
)
def opt_out_set(
    request: HttpRequest,
    client_id: uuid.UUID,
    channel: Literal["whatsapp", "sms"],
    payload: OptOutIn,
):
    """Stop (or resume) reminders to the client by WhatsApp or SMS, at the client's
    request. Answers the channels the client now opts out of."""
    user = actor(request)
    client = get_client_for_user(user, client_id, write=True)
    access = client_opt_out_set(
        actor=user, client=client, channel=channel, opted_out=payload.opted_out
    )
    return sorted(access.opted_out_channels or [])


class ActivationOut(Schema):
    code: str = Field(description="Shown once: give it to the client, it is not kept")
    activation_url: str
    expires_at: dt.datetime


@router.post("/clients/{client_id}/app-access", response={201: ActivationOut, **WRITE_ERRORS})
def app_access_issue(request: HttpRequest, client_id: uuid.UUID):
    """Issue the client's activation code for the self check-in app; issuing again resets
    it (PIN cleared, unlocked, the app's sign-ins ended)."""
    user = actor(request)
    client = get_client_for_user(user, client_id, write=True)
    issued = access_issue_code(actor=user, client=client)
    return Status(
        201,
        {
            "code": issued.display_code,
            "activation_url": issued.activation_url,
            "expires_at": issued.expires_at,
        },
    )


class TallyOut(Schema):
    reported: int
    missed: int
    excused: int
    rate: float | None = Field(description="Percentage reported of reported + missed")


class OfficerComplianceOut(Schema):
    officer: PersonRef
    active_cases: int
    tally: TallyOut
    unreviewed_checkins: int
    unfollowed_misses: int
    far_below_median: bool


class AreaComplianceOut(Schema):
    work_area: str
    tally: TallyOut


class OfficeComplianceOut(Schema):
    office: str
    first: dt.date
    last: dt.date
    total: TallyOut
    median: float | None
    threshold: float | None = Field(description="Officers below this rate are flagged")
    officers: list[OfficerComplianceOut]
    work_areas: list[AreaComplianceOut]


def _tally(tally: oversight.Tally) -> dict:
    return {
        "reported": tally.reported,
        "missed": tally.missed,
        "excused": tally.excused,
        "rate": tally.rate,
    }


@router.get("/offices/mine/compliance", response={200: OfficeComplianceOut, **READ_ERRORS})
def office_compliance(request: HttpRequest):
    """Wajib lapor in the supervisor's office over the last three closed months: compliance
    per officer (with unreviewed check-ins, misses not followed up and the officers far below
    the median) and per work area. Numbers only: no client is named."""
    user = actor(request)
    require(can_supervise(user) and user.office is not None)
    assert user.office is not None
    figures = oversight.office_oversight(user.office, day=today())
    return {
        "office": figures.office.code,
        "first": figures.first,
        "last": figures.last,
        "total": _tally(figures.total),
        "median": figures.median,
        "threshold": figures.threshold,
        "officers": [
            {
                "officer": presenters.person(row.officer),
                "active_cases": row.cases,
                "tally": _tally(row.tally),
                "unreviewed_checkins": row.unreviewed,
                "unfollowed_misses": row.unfollowed,
                "far_below_median": row.outlier,
            }
            for row in figures.officers
        ],
        "work_areas": [{"work_area": str(a.area), "tally": _tally(a.tally)} for a in figures.areas],
    }
