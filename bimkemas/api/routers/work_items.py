import datetime as dt
import uuid
from typing import Annotated

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS
from bimkemas.api.schemas import PersonRef
from bimkemas.audit.services import audit_clients_listed
from bimkemas.clients.access import can_supervise, get_officer_for_user, require
from bimkemas.clients.dues import DueRow, due_rows
from bimkemas.clients.work_items import audit_work_items_shown
from bimkemas.core.dates import today
from bimkemas.core.due import due_kinds
from bimkemas.core.workitems import Urgency, work_items_for

router = Router(tags=["work items"])


class WorkItemOut(Schema):
    kind: str
    title: str
    url: str
    subject: str
    urgency: Urgency
    due: dt.date | None
    client_id: uuid.UUID | None


class WorkItemGroupOut(Schema):
    kind: str
    heading: str
    total: int
    items: list[WorkItemOut]
    see_all_url: str


@router.get("/me/work-items", response={200: list[WorkItemGroupOut], **READ_ERRORS})
def my_work_items(request: HttpRequest):
    """What the caller should do next, as on their home page: groups of items, most urgent
    first, each with its total, the first few items and a link to all of them (or "")."""
    user = actor(request)
    groups = work_items_for(user, today())
    audit_work_items_shown(actor=user, groups=groups, where=_("Work items"))
    return groups


class DueItemOut(Schema):
    kind: str
    detail: str
    due_on: dt.date
    overdue: bool
    url: str


class DueCaseOut(Schema):
    client_id: uuid.UUID
    client_name: str
    case_id: uuid.UUID
    register_number: str
    officer: PersonRef | None
    stage: str
    items: list[DueItemOut]


class DueKindOut(Schema):
    code: str
    label: str


@router.get("/due-kinds", response={200: list[DueKindOut], **READ_ERRORS})
def due_kind_list(request: HttpRequest):
    """The kinds of guidance work the system tracks as due, in their order."""
    actor(request)
    return [DueKindOut(code=kind.code, label=str(kind.label)) for kind in due_kinds()]


@router.get("/me/due", response={200: list[DueCaseOut], **READ_ERRORS})
def my_due(
    request: HttpRequest,
    kind: Annotated[str, Field(max_length=60)] = "",
    officer: uuid.UUID | None = None,
    overdue: bool = False,
):
    """What is due, per case in the caller's charge (an officer's caseload, a supervisor's
    office, optionally one officer's), the most urgent first, as on /due/."""
    user = actor(request)
    require(user.is_officer or can_supervise(user))
    officer_user = get_officer_for_user(user, officer) if officer and not user.is_officer else None
    day = today()
    rows = due_rows(user, day, kind=kind, officer=officer_user, overdue_only=overdue)
    audit_clients_listed(
        actor=user, clients=[row.case.client for row in rows], where="API: what is due"
    )
    return [_due_case(row, day) for row in rows]


def _due_case(row: DueRow, day: dt.date) -> DueCaseOut:
    case = row.case
    return DueCaseOut(
        client_id=case.client.public_id,
        client_name=case.client.full_name,
        case_id=case.public_id,
        register_number=case.register_number,
        officer=PersonRef(id=case.officer.public_id, name=str(case.officer))
        if case.officer
        else None,
        stage=case.stage_on(day),
        items=[
            DueItemOut(
                kind=due.kind,
                detail=due.detail,
                due_on=due.due_on,
                overdue=due.is_overdue(day),
                url=due.url,
            )
            for due in row.items
        ],
    )
