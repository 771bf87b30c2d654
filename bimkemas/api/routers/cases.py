import uuid

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Status
from ninja.files import UploadedFile

from bimkemas.accounts.models import User
from bimkemas.api import presenters
from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS, WRITE_ERRORS
from bimkemas.api.schemas import (
    AssignIn,
    CaseDetail,
    CloseIn,
    DocumentOut,
    GrantIn,
    GrantOut,
    ProposalOut,
)
from bimkemas.audit.services import audit_client_view
from bimkemas.clients import services
from bimkemas.clients.access import can_supervise, get_case_for_user, require
from bimkemas.clients.caseload import officers_with_load, propose_officer
from bimkemas.clients.models import DocumentKind, SupervisionCase
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError

router = Router(tags=["cases"])


def _supervised_case(request: HttpRequest, case_id: uuid.UUID) -> tuple[User, SupervisionCase]:
    user = actor(request)
    require(can_supervise(user))
    return user, get_case_for_user(user, case_id, write=True)


def _officer(public_id: uuid.UUID) -> User:
    officer = User.objects.filter(public_id=public_id).first()
    if officer is None:
        raise ApplicationError(_("Choose a PK or APK of this office."), field="officer")
    return officer


@router.get("/cases/{case_id}", response={200: CaseDetail, **READ_ERRORS})
def case_detail(request: HttpRequest, case_id: uuid.UUID):
    user = actor(request)
    case = get_case_for_user(user, case_id)
    audit_client_view(actor=user, client=case.client, what=case.register_number)
    return presenters.case_detail(case, today())


@router.get("/cases/{case_id}/proposal", response={200: ProposalOut, **READ_ERRORS})
def case_proposal(request: HttpRequest, case_id: uuid.UUID):
    """The available officer with the lowest weighted caseload, preferring the client's area."""
    _user, case = _supervised_case(request, case_id)
    proposed = propose_officer(case, day=today())
    if proposed is None:
        return {"officer": None}
    loaded = officers_with_load(case.office_id).get(pk=proposed.pk)
    return {"officer": presenters.officer(loaded, None)}


@router.post("/cases/{case_id}/assignment", response={200: CaseDetail, **WRITE_ERRORS})
def case_assign(request: HttpRequest, case_id: uuid.UUID, payload: AssignIn):
    user, case = _supervised_case(request, case_id)
    services.case_assign(
        actor=user, case=case, officer=_officer(payload.officer), reason=payload.reason
    )
    return presenters.case_detail(get_case_for_user(user, case_id), today())


@router.post("/cases/{case_id}/close", response={200: CaseDetail, **WRITE_ERRORS})
def case_close(request: HttpRequest, case_id: uuid.UUID, payload: CloseIn):
    user, case = _supervised_case(request, case_id)
    services.case_close(
        actor=user,
        case=case,
        status=payload.status,
        closed_on=payload.closed_on,
        note=payload.note,
    )
    return presenters.case_detail(get_case_for_user(user, case_id), today())


@router.post("/cases/{case_id}/grants", response={201: GrantOut, **WRITE_ERRORS})
def case_grant(request: HttpRequest, case_id: uuid.UUID, payload: GrantIn):
    user, case = _supervised_case(request, case_id)
    grant = services.case_grant_access(
        actor=user, case=case, officer=_officer(payload.officer), until=payload.until
    )
    return Status(
        201,
        {"case": case.public_id, "officer": presenters.person(grant.officer), "until": grant.until},
    )


@router.post("/cases/{case_id}/documents", response={201: DocumentOut, **WRITE_ERRORS})
def document_add(
    request: HttpRequest,
    case_id: uuid.UUID,
    kind: Form[DocumentKind],
    file: File[UploadedFile],
):
    user = actor(request)
    case = get_case_for_user(user, case_id, write=True)
    document = services.document_add(actor=user, case=case, kind=kind.value, upload=file)
    return Status(201, presenters.document(document, case))
