from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from bimkemas.accounts.models import User, WorkArea
from bimkemas.api import presenters
from bimkemas.api.auth import actor
from bimkemas.api.errors import WRITE_ERRORS
from bimkemas.api.schemas import CaseDetail, CaseIn, DuplicatesOut, IdentityIn, IntakeIn
from bimkemas.clients import services
from bimkemas.clients.access import can_intake, get_client_for_user, require
from bimkemas.clients.models import Client, Facility, Programme
from bimkemas.clients.selectors import PossibleDuplicate, find_possible_duplicates, open_case_of
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError

router = Router(tags=["intake"])


@router.post("/intake", response={201: CaseDetail, 409: DuplicatesOut, **WRITE_ERRORS})
def intake(request: HttpRequest, payload: IntakeIn):
    """Register a client handed over by a Lapas/Rutan/LPKA. If the person may already be
    registered, answer 409 with the matches unless `confirm_new_person` or
    `existing_client` says what to do."""
    user = actor(request)
    require(can_intake(user))
    existing = _existing_client(user, payload)
    if existing is None and payload.identity is not None and not payload.confirm_new_person:
        matches = _duplicates(user, payload.identity)
        if matches:
            return Status(
                409,
                {
                    "detail": _("This person may already be registered."),
                    "errors": {},
                    "matches": [_match(m) for m in matches],
                },
            )
    case = services.client_intake(
        actor=user,
        identity=_identity(user, payload.identity) if existing is None else {},
        case=_case(payload.case),
        phones=[p.model_dump() for p in payload.phones],
        guarantors=[g.model_dump() for g in payload.guarantors],
        contacts=[_plain(c.model_dump()) for c in payload.contacts],
        existing_client=existing,
    )
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


def _duplicates(user: User, identity: IdentityIn) -> list[PossibleDuplicate]:
    return find_possible_duplicates(
        office_id=user.office_id,
        nik=identity.nik.strip(),
        full_name=identity.full_name,
        birth_date=identity.birth_date,
    )


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
