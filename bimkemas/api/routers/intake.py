import hashlib
from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Header, Router, Status

from bimkemas.accounts.models import User, WorkArea
from bimkemas.api import presenters
from bimkemas.api.auth import actor
from bimkemas.api.errors import WRITE_ERRORS, error_body
from bimkemas.api.schemas import CaseDetail, CaseIn, DuplicatesOut, IdentityIn, IntakeIn
from bimkemas.clients import services
from bimkemas.clients.access import can_intake, get_client_for_user, require
from bimkemas.clients.models import Client, Facility, Programme
from bimkemas.clients.selectors import PossibleDuplicate, open_case_of
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError

router = Router(tags=["intake"])


# Printable ASCII without spaces, as in the IETF draft's examples (UUIDs, random strings).
IDEMPOTENCY_KEY = r"^[\x21-\x7e]{1,100}$"


@router.post("/intake", response={201: CaseDetail, 409: DuplicatesOut, **WRITE_ERRORS})
def intake(
    request: HttpRequest,
    payload: IntakeIn,
    idempotency_key: str | None = Header(
        None,
        alias="Idempotency-Key",
        pattern=IDEMPOTENCY_KEY,
        description="A key of your choosing for this intake, e.g. a UUID: sending the same "
        "request again with it returns the first result instead of registering twice.",
    ),
):
    """Register a client handed over by a Lapas/Rutan/LPKA. If the person may already be
    registered, answer 409 with the matches unless `confirm_new_person` or
    `existing_client` says what to do. With an `Idempotency-Key`, a repeated request gets
    the same answer; the same key with a different body is a 422."""
    user = actor(request)
    require(can_intake(user))
    existing = _existing_client(user, payload)
    try:
        case = services.client_intake(
            actor=user,
            identity=_identity(user, payload.identity) if existing is None else {},
            case=_case(payload.case),
            phones=[p.model_dump() for p in payload.phones],
            guarantors=[g.model_dump() for g in payload.guarantors],
            contacts=[_plain(c.model_dump()) for c in payload.contacts],
            existing_client=existing,
            check_duplicates=not payload.confirm_new_person,
            idempotency_key=idempotency_key or "",
            fingerprint=hashlib.sha256(payload.model_dump_json().encode()).hexdigest(),
        )
    except services.PossibleDuplicatesFound as found:
        services.audit_duplicates_shown(actor=user, matches=found.matches)
        return Status(
            409,
            {
                "detail": found.message,
                "errors": {},
                "matches": [_match(m) for m in found.matches],
            },
        )
    except services.IdempotencyKeyReused as error:
        return Status(422, error_body(error.message, {"Idempotency-Key": [error.message]}))
    return Status(201, presenters.case_detail(case, today()))


def _existing_client(user: User, payload: IntakeIn) -> Client | None:
    if payload.existing_client is None:
        if payload.identity is None:
            raise ApplicationError(_("Enter the client's identity."), field="identity")
        return None
    try:
        return get_client_for_user(user, payload.existing_client)
    except Http404 as error:
        raise ApplicationError(_("Unknown client."), field="existing_client") from error


def _match(match: PossibleDuplicate) -> dict[str, Any]:
    """Another office's client is named only by its office: its details are not ours."""
    found: dict[str, Any] = {
        "same_office": match.same_office,
        "reason": match.reason,
        "office": match.client.office.name,
    }
    if match.same_office:
        case = open_case_of(match.client)
        found.update(
            id=match.client.public_id,
            full_name=match.client.full_name,
            birth_date=match.client.birth_date,
            register_number=case.register_number if case else None,
        )
    return found


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    return {k: getattr(v, "value", v) for k, v in data.items()}


def _identity(user: User, identity: IdentityIn | None) -> dict[str, Any]:
    assert identity is not None
    data = _plain(identity.model_dump())
    area = WorkArea.objects.filter(pk=data["work_area"], office=user.office).first()
    if area is None:
        raise ApplicationError(_("Choose a work area of this office."), field="identity.work_area")
    data["work_area"] = area
    return data


def _case(case: CaseIn) -> dict[str, Any]:
    data = _plain(case.model_dump(exclude_none=True))
    programme = Programme.objects.filter(code=data["programme"], is_active=True).first()
    if programme is None:
        raise ApplicationError(_("Unknown programme."), field="case.programme")
    facility = Facility.objects.filter(pk=data["origin_facility"]).first()
    if facility is None:
        raise ApplicationError(_("Unknown facility."), field="case.origin_facility")
    return {**data, "programme": programme, "origin_facility": facility}
