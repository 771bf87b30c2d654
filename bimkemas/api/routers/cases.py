import uuid
from enum import Enum
from typing import Any

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
    CasePatch,
    CloseIn,
    DocumentOut,
    GrantIn,
    GrantOut,
    ProposalOut,
)
from bimkemas.audit.services import audit_client_view, audit_view
from bimkemas.clients import services
from bimkemas.clients.access import (
    can_supervise,
    get_case_for_editing,
    get_case_for_user,
    require,
)
from bimkemas.clients.caseload import officers_with_load, propose_officer
from bimkemas.clients.models import DocumentKind, Facility, Programme, SupervisionCase
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


@router.patch("/cases/{case_id}", response={200: CaseDetail, **WRITE_ERRORS})
def case_update(request: HttpRequest, case_id: uuid.UUID, payload: CasePatch):
    """Correct a case's data after intake (SK, offence, dates, conditions); each change is
    audited with its old and new value. The register number never changes."""
    user = actor(request)
    case = get_case_for_editing(user, case_id)
    services.case_update(actor=user, case=case, data=_patch_data(payload, case))
    case = get_case_for_user(user, case_id)
    audit_view(actor=user, obj=case, client=case.client, what=_("Answer to a change"))
    return presenters.case_detail(case, today())


# The only fields a null may clear; the others are required.
CLEARABLE_FIELDS = ("aftercare_until", "general_conditions", "special_conditions")


def _patch_data(payload: CasePatch, case: SupervisionCase) -> dict[str, Any]:
    """The fields sent, as model values: programme by code, facility by id."""
    data: dict[str, Any] = {}
    for name, value in payload.model_dump(exclude_unset=True).items():
        if value is None and name not in CLEARABLE_FIELDS:
            raise ApplicationError(_("This field is required."), field=name)
        if name == "programme":
            value = _programme(value, case)
        elif name == "origin_facility":
            value = _facility(value)
        elif isinstance(value, Enum):
            value = value.value
        elif value is None and name != "aftercare_until":
            value = ""
        data[name] = value
    return data


def _programme(code: str, case: SupervisionCase) -> Programme:
    # A programme no longer in use can be kept by the cases already on it, not chosen anew.
    programme = Programme.objects.filter(code=code).first()
    if programme is None or not (programme.is_active or programme.pk == case.programme_id):
        raise ApplicationError(_("Unknown programme."), field="programme")
    return programme


def _facility(facility_id: int) -> Facility:
    facility = Facility.objects.filter(pk=facility_id).first()
    if facility is None:
        raise ApplicationError(_("Unknown facility."), field="origin_facility")
    return facility


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
