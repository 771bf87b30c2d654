"""API: how a case ended (completion with its certificate, death, revocation, transfer to
another Bapas), the same services and access helpers as the termination page."""

import datetime as dt
import uuid
from typing import Annotated

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile

from bimkemas.accounts.models import Office
from bimkemas.api import presenters
from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS, WRITE_ERRORS
from bimkemas.api.routers.generated_documents import FormatQuery, GeneratedDocumentOut
from bimkemas.api.routers.generated_documents import _document as generated_document
from bimkemas.api.schemas import InputSchema, LongText, OfficeRef, PersonRef, Str200
from bimkemas.audit.services import audit_view
from bimkemas.clients.access import require
from bimkemas.core.errors import ApplicationError
from bimkemas.termination import services
from bimkemas.termination.access import get_case_for_termination, get_termination_for_user
from bimkemas.termination.certificate import certificate_generate
from bimkemas.termination.models import AFTERCARE_MAX_MONTHS, Termination, TerminationKind
from bimkemas.termination.services.common import REASON_MAX

router = Router(tags=["Termination"])


class TerminationOut(Schema):
    id: uuid.UUID
    case_id: uuid.UUID
    kind: TerminationKind
    kind_display: str
    on: dt.date
    reason: str
    by: PersonRef | None
    certificate_number: str
    aftercare_months: int | None
    aftercare_until: dt.date | None
    decision_reference: str
    to_office: OfficeRef | None
    new_case_register_number: str | None


class CompleteIn(InputSchema):
    on: dt.date
    reason: LongText = ""
    aftercare_months: Annotated[int, Field(ge=1, le=AFTERCARE_MAX_MONTHS)] | None = None


class RevokeIn(InputSchema):
    decision_reference: Str200
    decided_on: dt.date


class TransferIn(InputSchema):
    to_office: Annotated[str, Field(max_length=40, description="the receiving office's code")]
    reason: LongText


def _termination(termination: Termination) -> dict:
    case = termination.case
    return {
        "id": termination.public_id,
        "case_id": case.public_id,
        "kind": termination.kind,
        "kind_display": termination.get_kind_display(),
        "on": termination.on,
        "reason": termination.reason,
        "by": presenters.person(termination.by),
        "certificate_number": termination.certificate_number,
        "aftercare_months": termination.aftercare_months,
        "aftercare_until": case.aftercare_until,
        "decision_reference": termination.decision_reference,
        "to_office": presenters.office_ref(termination.to_office),
        "new_case_register_number": termination.new_case.register_number
        if termination.new_case
        else None,
    }


def _done(termination: Termination):
    termination.case.refresh_from_db(fields=["aftercare_until"])
    return Status(201, _termination(termination))


@router.get("/cases/{case_id}/termination", response={200: TerminationOut, **READ_ERRORS})
def termination_get(request: HttpRequest, case_id: uuid.UUID):
    """How the case ended (404 while it is open)."""
    user = actor(request)
    termination = get_termination_for_user(user, case_id)
    case = termination.case
    audit_view(actor=user, obj=case, client=case.client, what=_("End of guidance"))
    return _termination(termination)


@router.post(
    "/cases/{case_id}/termination/complete", response={201: TerminationOut, **WRITE_ERRORS}
)
def termination_complete(request: HttpRequest, case_id: uuid.UUID, payload: CompleteIn):
    """Complete the guidance once its period has ended (section and Bapas heads); optional
    after-care of 1 to 6 months. The certificate is numbered now and generated on request."""
    user = actor(request)
    case = get_case_for_termination(user, case_id)
    return _done(services.case_complete(actor=user, case=case, **payload.dict()))


@router.post("/cases/{case_id}/termination/died", response={201: TerminationOut, **WRITE_ERRORS})
def termination_died(
    request: HttpRequest,
    case_id: uuid.UUID,
    on: Form[dt.date],
    reason: str = Form("", max_length=REASON_MAX),
    evidence: File[UploadedFile] | None = None,
):
    """Record the client's death (multipart form: `on`, `reason`, optional `evidence`)."""
    user = actor(request)
    case = get_case_for_termination(user, case_id)
    if "\x00" in reason:
        raise ApplicationError(_("NUL characters are not allowed."), field="reason")
    termination = services.case_record_death(
        actor=user, case=case, on=on, reason=reason, evidence=evidence
    )
    return _done(termination)


@router.post("/cases/{case_id}/termination/revoked", response={201: TerminationOut, **WRITE_ERRORS})
def termination_revoked(request: HttpRequest, case_id: uuid.UUID, payload: RevokeIn):
    """Record the final revocation decision; the case closes as revoked."""
    user = actor(request)
    case = get_case_for_termination(user, case_id)
    return _done(services.case_terminate_revoked(actor=user, case=case, **payload.dict()))


@router.post(
    "/cases/{case_id}/termination/transfer", response={201: TerminationOut, **WRITE_ERRORS}
)
def termination_transfer(request: HttpRequest, case_id: uuid.UUID, payload: TransferIn):
    """Hand the client over to another Bapas: the client's file moves there with a new,
    unassigned case; this office no longer sees the client."""
    user = actor(request)
    case = get_case_for_termination(user, case_id)
    office = Office.objects.filter(code=payload.to_office).first()
    if office is None:
        raise ApplicationError(_("Unknown office."), field="to_office")
    termination = services.case_transfer(
        actor=user, case=case, to_office=office, reason=payload.reason
    )
    return _done(termination)


@router.post(
    "/cases/{case_id}/termination/certificate",
    response={201: GeneratedDocumentOut, **WRITE_ERRORS},
)
def certificate(request: HttpRequest, case_id: uuid.UUID, query: Query[FormatQuery]):
    """A new version of the completion certificate as DOCX or PDF."""
    user = actor(request)
    termination = get_termination_for_user(user, case_id)
    require(termination.kind == TerminationKind.COMPLETED)
    document = certificate_generate(actor=user, termination=termination, fmt=query.fmt.value)
    return Status(201, generated_document(document))
