"""API: TPP sessions (Tim Pengamat Pemasyarakatan) of the user's office: scheduling,
attendance, the agenda and its decisions, closing, minutes; a case's confirmed stage and the
supervisor's override. The same access helpers and services as the web pages."""

import datetime as dt
import uuid
from typing import Annotated

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from pydantic import StrictBool

from bimkemas.accounts.models import User
from bimkemas.api import presenters
from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS, WRITE_ERRORS
from bimkemas.api.routers.generated_documents import FormatQuery, GeneratedDocumentOut
from bimkemas.api.routers.generated_documents import _document as generated_document
from bimkemas.api.schemas import InputSchema, LongText, PersonRef, Str200
from bimkemas.audit.services import audit_clients_listed, audit_view
from bimkemas.clients.access import can_supervise, get_case_for_user, require
from bimkemas.clients.stages import Stage
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.tpp import services
from bimkemas.tpp.access import (
    get_item_for_user,
    get_member_for_user,
    get_session_for_user,
    proposable_cases,
)
from bimkemas.tpp.minutes import minutes_generate
from bimkemas.tpp.models import (
    AgendaItem,
    AgendaKind,
    Decision,
    MemberRole,
    SessionStatus,
    StageTransition,
    TppMember,
    TppSession,
)
from bimkemas.tpp.selectors import case_agenda_items, case_stage, items_in_reach, sessions_for

router = Router(tags=["TPP sessions"])
SESSIONS_LISTED = 200


class MemberOut(Schema):
    id: uuid.UUID
    person: PersonRef | None
    name: str
    institution: str
    role: MemberRole
    present: bool


class CaseRef(Schema):
    id: uuid.UUID
    register_number: str
    client_id: uuid.UUID
    client_name: str


class AgendaItemOut(Schema):
    id: uuid.UUID
    session_id: uuid.UUID
    session_number: str
    case: CaseRef
    kind: AgendaKind
    from_stage: str
    to_stage: str
    presented_by: PersonRef | None
    summary: str
    recommendation: str
    decision: str
    decision_note: str
    decided_at: dt.datetime | None
    decided_by: PersonRef | None


class SessionOut(Schema):
    id: uuid.UUID
    number: str
    held_on: dt.date
    place: str
    status: SessionStatus
    chair: PersonRef | None
    secretary: PersonRef | None
    notes: str


class SessionDetailOut(SessionOut):
    members: list[MemberOut]
    agenda: list[AgendaItemOut]


class SessionIn(InputSchema):
    held_on: dt.date
    place: Str200
    chair: uuid.UUID
    secretary: uuid.UUID
    notes: LongText = ""


class MemberIn(InputSchema):
    user: uuid.UUID | None = None
    name: Str200 = ""
    institution: Str200 = ""
    role: MemberRole = MemberRole.MEMBER
    present: StrictBool = True


class AttendanceIn(InputSchema):
    present: StrictBool


class AgendaIn(InputSchema):
    case: uuid.UUID
    kind: AgendaKind
    summary: LongText = ""
    recommendation: LongText = ""
    presented_by: uuid.UUID | None = None


class DecisionIn(InputSchema):
    decision: Decision
    note: LongText = ""
    override_reason: LongText = ""


class TransitionOut(Schema):
    id: uuid.UUID
    from_stage: str
    to_stage: str
    effective_on: dt.date
    session_number: str | None
    override_reason: str
    decided_by: PersonRef | None


class CaseStageOut(Schema):
    confirmed: Stage
    by_date: Stage
    next_stage: Stage | None
    waiting_for_decision: bool
    transitions: list[TransitionOut]
    agenda: list[AgendaItemOut]


class OverrideIn(InputSchema):
    to_stage: Annotated[Stage, Field(description="lanjutan or akhir")]
    reason: LongText


class SessionListQuery(Schema):
    status: SessionStatus | None = None


def _member(member: TppMember) -> dict:
    return {
        "id": member.public_id,
        "person": presenters.person(member.user),
        "name": member.display_name,
        "institution": member.institution,
        "role": member.role,
        "present": member.present,
    }


def _item(item: AgendaItem) -> dict:
    case = item.case
    return {
        "id": item.public_id,
        "session_id": item.session.public_id,
        "session_number": item.session.number,
        "case": {
            "id": case.public_id,
            "register_number": case.register_number,
            "client_id": case.client.public_id,
            "client_name": case.client.full_name,
        },
        "kind": item.kind,
        "from_stage": item.from_stage,
        "to_stage": item.to_stage,
        "presented_by": presenters.person(item.presented_by),
        "summary": item.summary,
        "recommendation": item.recommendation,
        "decision": item.decision,
        "decision_note": item.decision_note,
        "decided_at": item.decided_at,
        "decided_by": presenters.person(item.decided_by),
    }


def _session(session: TppSession) -> dict:
    return {
        "id": session.public_id,
        "number": session.number,
        "held_on": session.held_on,
        "place": session.place,
        "status": session.status,
        "chair": presenters.person(session.chair),
        "secretary": presenters.person(session.secretary),
        "notes": session.notes,
    }


def _session_detail(user: User, session: TppSession) -> dict:
    items = items_in_reach(
        user,
        list(session.items.select_related("session", "case__client", "presented_by", "decided_by")),
    )
    audit_clients_listed(
        actor=user, clients=[item.case.client for item in items], where=_("TPP session")
    )
    return {
        **_session(session),
        "members": [_member(m) for m in session.members.select_related("user")],
        "agenda": [_item(item) for item in items],
    }


def _transition(transition: StageTransition) -> dict:
    item = transition.agenda_item
    return {
        "id": transition.public_id,
        "from_stage": transition.from_stage,
        "to_stage": transition.to_stage,
        "effective_on": transition.effective_on,
        "session_number": item.session.number if item else None,
        "override_reason": transition.override_reason,
        "decided_by": presenters.person(transition.decided_by),
    }


def _staff(user: User, public_id: uuid.UUID | None, field: str) -> User | None:
    if public_id is None:
        return None
    found = User.objects.filter(public_id=public_id, office_id=user.office_id).first()
    if found is None:
        raise ApplicationError(_("Choose an active staff member of this office."), field=field)
    return found


@router.get("/tpp/sessions", response={200: list[SessionOut], **READ_ERRORS})
def session_list(request: HttpRequest, query: Query[SessionListQuery]):
    """The sessions of the user's office, newest first (staff of a Bapas)."""
    user = actor(request)
    require(user.office_id is not None and bool(user.role))
    sessions = sessions_for(user).select_related("chair", "secretary")
    if query.status:
        sessions = sessions.filter(status=query.status)
    return [_session(s) for s in sessions[:SESSIONS_LISTED]]


@router.post("/tpp/sessions", response={201: SessionDetailOut, **WRITE_ERRORS})
def session_create(request: HttpRequest, payload: SessionIn):
    """Schedule a session with the office's next number (section and Bapas heads)."""
    user = actor(request)
    require(can_supervise(user))
    session = services.session_schedule(
        actor=user,
        held_on=payload.held_on,
        place=payload.place,
        chair=_staff(user, payload.chair, "chair"),  # type: ignore[arg-type]
        secretary=_staff(user, payload.secretary, "secretary"),  # type: ignore[arg-type]
        notes=payload.notes,
    )
    return Status(201, _session_detail(user, session))


@router.get("/tpp/sessions/{session_id}", response={200: SessionDetailOut, **READ_ERRORS})
def session_get(request: HttpRequest, session_id: uuid.UUID):
    """A session with its attendance and agenda (staff of its office; a PK sees the items
    of their own clients)."""
    user = actor(request)
    return _session_detail(user, get_session_for_user(user, session_id))


@router.post("/tpp/sessions/{session_id}/members", response={201: MemberOut, **WRITE_ERRORS})
def member_add(request: HttpRequest, session_id: uuid.UUID, payload: MemberIn):
    """Add a staff member (`user`) or an outsider (`name`, `institution`) to the attendance."""
    user = actor(request)
    session = get_session_for_user(user, session_id, manage=True)
    member = services.session_add_member(
        actor=user,
        session=session,
        role=payload.role,
        user=_staff(user, payload.user, "user"),
        name=payload.name,
        institution=payload.institution,
        present=payload.present,
    )
    return Status(201, _member(member))


@router.post(
    "/tpp/sessions/{session_id}/members/{member_id}/attendance",
    response={200: MemberOut, **WRITE_ERRORS},
)
def member_attendance(
    request: HttpRequest, session_id: uuid.UUID, member_id: uuid.UUID, payload: AttendanceIn
):
    """Record whether a member was present."""
    user = actor(request)
    session = get_session_for_user(user, session_id, manage=True)
    member = get_member_for_user(user, session, member_id)
    member = services.session_set_attendance(actor=user, member=member, present=payload.present)
    return _member(member)


@router.post("/tpp/sessions/{session_id}/agenda", response={201: AgendaItemOut, **WRITE_ERRORS})
def agenda_add(request: HttpRequest, session_id: uuid.UUID, payload: AgendaIn):
    """Put a case on the agenda: a supervisor any open case of the office, a PK their own.
    A stage transition goes from the confirmed stage to the next."""
    user = actor(request)
    session = get_session_for_user(user, session_id)
    case = proposable_cases(user).filter(public_id=payload.case).first()
    if case is None:
        raise ApplicationError(_("Choose an open case of this office."), field="case")
    item = services.agenda_add(
        actor=user,
        session=session,
        case=case,
        kind=payload.kind,
        summary=payload.summary,
        recommendation=payload.recommendation,
        presented_by=_staff(user, payload.presented_by, "presented_by"),
    )
    return Status(201, _item(item))


@router.post(
    "/tpp/sessions/{session_id}/agenda/{item_id}/decision",
    response={200: AgendaItemOut, **WRITE_ERRORS},
)
def agenda_decide(
    request: HttpRequest, session_id: uuid.UUID, item_id: uuid.UUID, payload: DecisionIn
):
    """Record the session's decision. Approving a stage transition confirms the next stage
    only when the evaluation of the stage it leaves was approved, or with `override_reason`."""
    user = actor(request)
    session = get_session_for_user(user, session_id, manage=True)
    item = get_item_for_user(user, session, item_id)
    item = services.agenda_decide(
        actor=user,
        item=item,
        decision=payload.decision,
        note=payload.note,
        override_reason=payload.override_reason,
    )
    return _item(item)


@router.post("/tpp/sessions/{session_id}/close", response={200: SessionOut, **WRITE_ERRORS})
def session_close(request: HttpRequest, session_id: uuid.UUID):
    """Close a session once every item is decided; its decisions become final."""
    user = actor(request)
    session = get_session_for_user(user, session_id, manage=True)
    return _session(services.session_close(actor=user, session=session))


@router.post(
    "/tpp/sessions/{session_id}/minutes", response={201: GeneratedDocumentOut, **WRITE_ERRORS}
)
def minutes(request: HttpRequest, session_id: uuid.UUID, query: Query[FormatQuery]):
    """A new version of the session's berita acara as DOCX or PDF (staff of the office)."""
    user = actor(request)
    session = get_session_for_user(user, session_id)
    document = minutes_generate(actor=user, session=session, fmt=query.fmt.value)
    return Status(201, generated_document(document))


def _case_stage(user: User, case) -> dict:
    stage = case_stage(case, today())
    return {
        "confirmed": stage.confirmed,
        "by_date": stage.by_date,
        "next_stage": stage.next_stage,
        "waiting_for_decision": stage.awaiting,
        "transitions": [_transition(t) for t in stage.transitions],
        "agenda": [_item(item) for item in case_agenda_items(case).select_related("case__client")],
    }


@router.get("/cases/{case_id}/stage", response={200: CaseStageOut, **READ_ERRORS})
def case_stage_get(request: HttpRequest, case_id: uuid.UUID):
    """The case's confirmed stage (by TPP decisions), its stage by the dates, its transitions
    and its TPP agenda history."""
    user = actor(request)
    case = get_case_for_user(user, case_id)
    audit_view(actor=user, obj=case, client=case.client, what=_("Stage and TPP"))
    return _case_stage(user, case)


@router.post("/cases/{case_id}/stage-override", response={201: TransitionOut, **WRITE_ERRORS})
def case_stage_override(request: HttpRequest, case_id: uuid.UUID, payload: OverrideIn):
    """A supervisor confirms a later stage without a TPP decision, with a reason (at least 20
    characters)."""
    user = actor(request)
    case = get_case_for_user(user, case_id)
    require(can_supervise(user) and user.office_id == case.office_id)
    transition = services.stage_override(
        actor=user, case=case, to_stage=payload.to_stage, reason=payload.reason
    )
    return Status(201, _transition(transition))
