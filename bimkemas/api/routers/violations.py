"""API: violations of a client's conditions — recording (any source, idempotent per source
key), the officer's response on the office's ladder or a dismissal, evidence files, the
numbered letters, the office's list and its ladder. The same services and access helpers
as the violation pages."""

import datetime as dt
import uuid
from typing import Annotated

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from bimkemas.accounts.models import OFFICER_ROLES, User
from bimkemas.api import presenters
from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS, WRITE_ERRORS
from bimkemas.api.routers.generated_documents import FormatQuery, GeneratedDocumentOut
from bimkemas.api.routers.generated_documents import _document as generated_document
from bimkemas.api.schemas import InputSchema, LongText, NoNul, PersonRef, Str100
from bimkemas.audit.services import audit_clients_listed, audit_view
from bimkemas.clients.access import can_supervise, get_case_for_user, require
from bimkemas.core.errors import ApplicationError
from bimkemas.violations import services
from bimkemas.violations.access import (
    can_act,
    can_edit_ladder,
    get_case_for_violation,
    get_violation_for_user,
)
from bimkemas.violations.files import attachment_response
from bimkemas.violations.ladder import office_ladder, suggest_rung
from bimkemas.violations.letters import letter_generate, letter_versions
from bimkemas.violations.models import (
    GENERAL_KINDS,
    LadderRung,
    Violation,
    ViolationAttachment,
    ViolationDecision,
    ViolationKind,
    ViolationSource,
    ViolationStatus,
)
from bimkemas.violations.selectors import (
    ListFilter,
    case_violations,
    decision_due_on,
    revocation_url,
    violations_for_list,
)

router = Router(tags=["Violations"])

FILE_RESPONSE = {
    "responses": {
        "200": {
            "description": "The file",
            "content": {
                kind: {"schema": {"type": "string", "format": "binary"}}
                for kind in ("application/pdf", "image/jpeg", "image/png")
            },
        }
    }
}
PAGE_LIMIT = 100


class ViolationRungOut(Schema):
    id: uuid.UUID
    name: str
    letter_title: str
    position: int
    produces_letter: bool
    proposes_revocation: bool
    active: bool


class ViolationDecisionOut(Schema):
    id: uuid.UUID
    rung: ViolationRungOut
    rung_name: str
    suggested_rung_id: uuid.UUID | None
    decided_on: dt.date
    note: str
    by: PersonRef | None
    produces_letter: bool
    proposes_revocation: bool
    letter_number: str
    revocation_url: str = Field(description="the revocation proposal page; empty when none")


class ViolationAttachmentOut(Schema):
    id: uuid.UUID
    name: str
    content_type: str
    size: int
    description: str
    uploaded_by: PersonRef | None
    uploaded_at: dt.datetime
    download_url: str


class ViolationOut(Schema):
    id: uuid.UUID
    case_id: uuid.UUID
    client_id: uuid.UUID
    client_name: str
    register_number: str
    officer: PersonRef | None
    kind: ViolationKind
    kind_display: str
    general_condition: bool
    source: ViolationSource
    source_display: str
    source_key: str
    occurred_on: dt.date
    summary: str
    status: ViolationStatus
    respond_by: dt.date
    recorded_at: dt.datetime
    recorded_by: PersonRef | None
    decision: ViolationDecisionOut | None
    dismissed_reason: str


class ViolationDetailOut(ViolationOut):
    evidence: str
    attachments: list[ViolationAttachmentOut]
    letters: list[GeneratedDocumentOut]
    suggested_rung: ViolationRungOut | None
    may_respond: bool


class ViolationPageOut(Schema):
    count: int
    results: list[ViolationOut]


class ViolationIn(InputSchema):
    kind: ViolationKind
    source: ViolationSource
    occurred_on: dt.date
    summary: Annotated[str, Field(max_length=services.SUMMARY_MAX), NoNul]
    evidence: Annotated[str, Field(max_length=services.EVIDENCE_MAX), NoNul] = ""
    source_key: Str100 = Field(
        "", description="the source's own id (e.g. a match): the same key records once"
    )


class ViolationDecisionIn(InputSchema):
    rung_id: uuid.UUID
    decided_on: dt.date | None = None
    note: LongText = ""


class ViolationDismissIn(InputSchema):
    reason: Annotated[str, Field(min_length=1, max_length=services.NOTE_MAX), NoNul]


class ViolationRungIn(InputSchema):
    id: uuid.UUID | None = Field(None, description="an existing step; none for a new one")
    name: Annotated[str, Field(min_length=1, max_length=services.RUNG_NAME_MAX), NoNul]
    letter_title: Annotated[str, Field(max_length=services.RUNG_TITLE_MAX), NoNul] = ""
    position: Annotated[int, Field(ge=1, le=999)]
    produces_letter: bool = True
    proposes_revocation: bool = False
    active: bool = True


class ViolationLadderIn(InputSchema):
    rungs: Annotated[list[ViolationRungIn], Field(min_length=1, max_length=services.MAX_RUNGS)]


class ViolationListQuery(Schema):
    status: ViolationStatus | None = None
    kind: ViolationKind | None = None
    officer: uuid.UUID | None = Field(None, description="an officer's id (heads only)")
    limit: Annotated[int, Field(ge=1, le=PAGE_LIMIT)] = 50
    offset: Annotated[int, Field(ge=0, le=1_000_000)] = 0


# --- presenters -------------------------------------------------------------------------------


def _rung(rung: LadderRung) -> dict:
    return {
        "id": rung.public_id,
        "name": rung.name,
        "letter_title": rung.letter_title,
        "position": rung.position,
        "produces_letter": rung.produces_letter,
        "proposes_revocation": rung.proposes_revocation,
        "active": rung.active,
    }


def _decision(decision: ViolationDecision, violation: Violation) -> dict:
    return {
        "id": decision.public_id,
        "rung": _rung(decision.rung),
        "rung_name": decision.rung_name,
        "suggested_rung_id": decision.suggested.public_id if decision.suggested else None,
        "decided_on": decision.decided_on,
        "note": decision.note,
        "by": presenters.person(decision.by),
        "produces_letter": decision.produces_letter,
        "proposes_revocation": decision.proposes_revocation,
        "letter_number": decision.letter_number,
        "revocation_url": revocation_url(violation) if decision.proposes_revocation else "",
    }


def _attachment(attachment: ViolationAttachment) -> dict:
    return {
        "id": attachment.public_id,
        "name": attachment.original_name,
        "content_type": attachment.content_type,
        "size": attachment.size,
        "description": attachment.description,
        "uploaded_by": presenters.person(attachment.uploaded_by),
        "uploaded_at": attachment.created_at,
        "download_url": reverse(
            "api:violation_attachment_file",
            args=[attachment.violation.public_id, attachment.public_id],
        ),
    }


def _decision_of(violation: Violation) -> ViolationDecision | None:
    try:
        return violation.decision
    except ViolationDecision.DoesNotExist:
        return None


def _violation(violation: Violation) -> dict:
    case = violation.case
    decision = _decision_of(violation)
    return {
        "id": violation.public_id,
        "case_id": case.public_id,
        "client_id": case.client.public_id,
        "client_name": case.client.full_name,
        "register_number": case.register_number,
        "officer": presenters.person(case.officer),
        "kind": violation.kind,
        "kind_display": violation.get_kind_display(),
        "general_condition": violation.kind in GENERAL_KINDS,
        "source": violation.source,
        "source_display": violation.get_source_display(),
        "source_key": violation.source_key,
        "occurred_on": violation.occurred_on,
        "summary": violation.summary,
        "status": violation.status,
        "respond_by": decision_due_on(violation),
        "recorded_at": violation.created_at,
        "recorded_by": presenters.person(violation.opened_by),
        "decision": _decision(decision, violation) if decision is not None else None,
        "dismissed_reason": violation.decision_note
        if violation.status == ViolationStatus.DISMISSED
        else "",
    }


def _detail(user: User, violation: Violation) -> dict:
    case = violation.case
    decision = _decision_of(violation)
    may_respond = violation.is_open and can_act(user, case)
    suggested = suggest_rung(case.pk, office_ladder(case.office_id)) if may_respond else None
    attachments = list(violation.attachments.select_related("uploaded_by"))
    for attachment in attachments:
        attachment.violation = violation
    return {
        **_violation(violation),
        "evidence": violation.evidence,
        "attachments": [_attachment(a) for a in attachments],
        "letters": [generated_document(d) for d in letter_versions(decision)],
        "suggested_rung": _rung(suggested) if suggested is not None else None,
        "may_respond": may_respond,
    }


def _loaded(user: User, public_id, *, act: bool = False) -> Violation:
    return get_violation_for_user(user, public_id, act=act)


def _office_staff(user: User) -> None:
    if user.office_id is None or not user.role or user.is_national_viewer:
        raise HttpError(403, _("Only the staff of a Bapas see violations."))


# --- endpoints ------------------------------------------------------------------------------


@router.get("/violations", response={200: ViolationPageOut, **READ_ERRORS})
def violation_list(request: HttpRequest, query: Query[ViolationListQuery]):
    """The violations the caller may see (officers: their clients; heads and registrars: the
    office), open ones first, then the newest."""
    user = actor(request)
    _office_staff(user)
    officer = None
    if query.officer is not None and can_supervise(user):
        officer = User.objects.filter(
            public_id=query.officer, office_id=user.office_id, role__in=OFFICER_ROLES
        ).first()
        if officer is None:  # not an officer of the caller's office: none of theirs to show
            return {"count": 0, "results": []}
    violations = violations_for_list(
        user,
        ListFilter(
            status=query.status.value if query.status else "",
            kind=query.kind.value if query.kind else "",
            officer=officer,
        ),
    ).select_related("decision__rung", "decision__by", "decision__suggested", "opened_by")
    count = violations.count()
    rows = list(violations[query.offset : query.offset + query.limit])
    if rows:
        audit_clients_listed(
            actor=user,
            clients=[row.case.client for row in rows],
            where=_("Violations"),
            query=request.GET.urlencode(),
        )
    return {"count": count, "results": [_violation(row) for row in rows]}


@router.get("/cases/{case_id}/violations", response={200: list[ViolationOut], **READ_ERRORS})
def case_violation_list(request: HttpRequest, case_id: uuid.UUID):
    """The case's violations, newest first, with their responses."""
    user = actor(request)
    case = get_case_for_user(user, case_id)
    rows = list(
        case_violations(case).select_related(
            "case__client", "case__officer", "decision__rung", "decision__by"
        )
    )
    audit_view(actor=user, obj=case, client=case.client, what=_("Violations"))
    return [_violation(row) for row in rows]


@router.post(
    "/cases/{case_id}/violations",
    response={200: ViolationDetailOut, 201: ViolationDetailOut, **WRITE_ERRORS},
)
def violation_create(request: HttpRequest, case_id: uuid.UUID, payload: ViolationIn):
    """Record a violation (the case's officer, or a section or Bapas head of its office).
    With a `source_key` already recorded for the case and source, the existing violation is
    answered with 200 and nothing changes."""
    user = actor(request)
    case = get_case_for_violation(user, case_id)
    data = payload.dict()
    data["kind"], data["source"] = payload.kind.value, payload.source.value
    key = data["source_key"].strip()
    existed = (
        bool(key)
        and Violation.objects.filter(case=case, source=data["source"], source_key=key).exists()
    )
    violation = services.violation_record(actor=user, case=case, **data)
    violation = _loaded(user, violation.public_id)
    return Status(200 if existed else 201, _detail(user, violation))


@router.get("/violations/{violation_id}", response={200: ViolationDetailOut, **READ_ERRORS})
def violation_get(request: HttpRequest, violation_id: uuid.UUID):
    """One violation with its evidence, files, response, letters and the suggested step."""
    user = actor(request)
    violation = _loaded(user, violation_id)
    audit_view(actor=user, obj=violation, client=violation.case.client, what=str(violation))
    return _detail(user, violation)


@router.post(
    "/violations/{violation_id}/decide", response={201: ViolationDetailOut, **WRITE_ERRORS}
)
def violation_decide(request: HttpRequest, violation_id: uuid.UUID, payload: ViolationDecisionIn):
    """Answer an open violation with a step of the office's ladder (`GET
    /offices/mine/violation-ladder`); a step with a letter takes the next letter number."""
    user = actor(request)
    violation = _loaded(user, violation_id, act=True)
    rung = LadderRung.objects.filter(
        public_id=payload.rung_id, office_id=violation.case.office_id
    ).first()
    if rung is None:
        raise ApplicationError(_("Choose an active step of this office's ladder."), field="rung_id")
    services.violation_decide(
        actor=user,
        violation=violation,
        rung=rung,
        decided_on=payload.decided_on,
        note=payload.note,
    )
    return Status(201, _detail(user, _loaded(user, violation_id)))


@router.post(
    "/violations/{violation_id}/dismiss", response={200: ViolationDetailOut, **WRITE_ERRORS}
)
def violation_dismiss(request: HttpRequest, violation_id: uuid.UUID, payload: ViolationDismissIn):
    """Close an open violation without a response, with the reason."""
    user = actor(request)
    violation = _loaded(user, violation_id, act=True)
    services.violation_dismiss(actor=user, violation=violation, reason=payload.reason)
    return _detail(user, _loaded(user, violation_id))


@router.post(
    "/violations/{violation_id}/attachments",
    response={201: ViolationAttachmentOut, **WRITE_ERRORS},
)
def violation_attachment_upload(
    request: HttpRequest,
    violation_id: uuid.UUID,
    file: File[UploadedFile],
    description: str = Form("", max_length=200),
):
    """Attach an evidence file (multipart: `file` PDF/JPEG/PNG, optional `description`)."""
    user = actor(request)
    violation = _loaded(user, violation_id)
    require(can_act(user, violation.case))
    attachment = services.violation_attach(
        actor=user, violation=violation, upload=file, description=description
    )
    return Status(201, _attachment(attachment))


@router.get(
    "/violations/{violation_id}/attachments/{attachment_id}",
    response=READ_ERRORS,
    openapi_extra=FILE_RESPONSE,
    url_name="violation_attachment_file",
)
def violation_attachment_file(
    request: HttpRequest, violation_id: uuid.UUID, attachment_id: uuid.UUID
):
    """An evidence file, for whoever may see the violation; audited as a download."""
    return attachment_response(actor(request), violation_id, attachment_id, inline=False)


@router.post(
    "/violations/{violation_id}/letter", response={201: GeneratedDocumentOut, **WRITE_ERRORS}
)
def violation_letter(request: HttpRequest, violation_id: uuid.UUID, query: Query[FormatQuery]):
    """A new version of the response's letter (DOCX or PDF); download it at its
    `download_url`."""
    user = actor(request)
    violation = _loaded(user, violation_id)
    decision = _decision_of(violation)
    require(decision is not None)
    assert decision is not None
    decision.violation, decision.case = violation, violation.case
    document = letter_generate(actor=user, decision=decision, fmt=query.fmt.value)
    return Status(201, generated_document(document))


@router.get(
    "/violations/{violation_id}/letters", response={200: list[GeneratedDocumentOut], **READ_ERRORS}
)
def violation_letters(request: HttpRequest, violation_id: uuid.UUID):
    """The letter's versions, newest first."""
    user = actor(request)
    violation = _loaded(user, violation_id)
    audit_view(actor=user, obj=violation, client=violation.case.client, what=str(violation))
    return [generated_document(d) for d in letter_versions(_decision_of(violation))]


@router.get("/offices/mine/violation-ladder", response={200: list[ViolationRungOut], **READ_ERRORS})
def violation_ladder_get(request: HttpRequest, inactive: bool = False):
    """The caller's office's ladder, lowest step first (`inactive=true`: with inactive steps)."""
    user = actor(request)
    _office_staff(user)
    assert user.office_id is not None
    return [_rung(r) for r in office_ladder(user.office_id, active_only=not inactive)]


@router.put(
    "/offices/mine/violation-ladder", response={200: list[ViolationRungOut], **WRITE_ERRORS}
)
def violation_ladder_put(request: HttpRequest, payload: ViolationLadderIn):
    """Replace the office's ladder (section and Bapas heads): steps with an `id` are changed,
    steps without one added, existing steps left out made inactive."""
    user = actor(request)
    _office_staff(user)
    if not can_edit_ladder(user):
        raise HttpError(403, _("Only a section head or the Bapas head edits the ladder."))
    assert user.office is not None
    rungs = services.ladder_save(
        actor=user,
        office=user.office,
        rungs=[
            services.RungData(
                public_id=rung.id,
                name=rung.name,
                letter_title=rung.letter_title,
                position=rung.position,
                produces_letter=rung.produces_letter,
                proposes_revocation=rung.proposes_revocation,
                active=rung.active,
            )
            for rung in payload.rungs
        ],
    )
    return [_rung(r) for r in rungs]
