import uuid

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router

from bimkemas.api import presenters
from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS
from bimkemas.api.schemas import CaseloadOut, OfficerOut
from bimkemas.audit.services import audit_clients_listed
from bimkemas.clients.access import can_see_officer, get_officer_for_user, officer_cases_for
from bimkemas.clients.caseload import OfficerRow, officer_row, officer_rows, officers_with_load
from bimkemas.core.dates import today

router = Router(tags=["officers"])


@router.get("/officers", response={200: list[OfficerOut], **READ_ERRORS})
def officer_list(request: HttpRequest):
    """The office's PKs and APKs with their caseload in this office, including officers
    seconded here (BKO); an officer sees only themselves."""
    user = actor(request)
    if user.office_id is None:
        return []
    loaded = officers_with_load(user.office_id).prefetch_related("work_areas")
    officers = [officer for officer in loaded if can_see_officer(user, officer)]
    rows = officer_rows(user.office_id, officers, day=today())
    return [_present(row) for row in rows]


def _present(row: OfficerRow) -> dict:
    return presenters.officer(row.officer, row.absence, available=row.available)


@router.get("/officers/{officer_id}/caseload", response={200: CaseloadOut, **READ_ERRORS})
def officer_caseload(request: HttpRequest, officer_id: uuid.UUID):
    """An officer's open cases: for a supervisor, only those of their own office."""
    user = actor(request)
    officer = get_officer_for_user(user, officer_id)
    if user.office_id is None:
        raise Http404
    loaded = officers_with_load(user.office_id).filter(pk=officer.pk).first()
    if loaded is None:  # not a PK or APK
        raise Http404
    day = today()
    cases = (
        officer_cases_for(user, officer)
        .select_related("client", "programme", "office")
        .order_by("guidance_end", "pk")
    )
    cases = list(cases)
    audit_clients_listed(
        actor=user,
        clients=[case.client for case in cases],
        where=_("Caseload of %(officer)s") % {"officer": officer},
    )
    return {
        "officer": _present(officer_row(user.office_id, loaded, day=day)),
        "cases": [
            {
                "id": case.public_id,
                "register_number": case.register_number,
                "client": {"id": case.client.public_id, "name": case.client.full_name},
                "programme": case.programme.code,
                "stage": case.stage_on(day),
                "guidance_end": case.guidance_end,
            }
            for case in cases
        ],
    }
