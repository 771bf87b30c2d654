import uuid

from django.http import Http404, HttpRequest
from ninja import Router

from bimkemas.accounts.models import Absence, User
from bimkemas.api import presenters
from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS
from bimkemas.api.schemas import CaseloadOut, OfficerOut
from bimkemas.clients.access import can_see_officer, require
from bimkemas.clients.caseload import officers_with_load
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.dates import today

router = Router(tags=["officers"])


def _absences(officers: list[User]) -> dict[int, Absence]:
    absences = Absence.objects.covering(today()).filter(officer__in=officers)
    return {absence.officer_id: absence for absence in absences}


@router.get("/officers", response={200: list[OfficerOut], **READ_ERRORS})
def officer_list(request: HttpRequest):
    """The office's PKs and APKs with their caseload; an officer sees only themselves."""
    user = actor(request)
    if user.office_id is None:
        return []
    loaded = officers_with_load(user.office_id).prefetch_related("work_areas")
    officers = [officer for officer in loaded if can_see_officer(user, officer)]
    away = _absences(officers)
    return [presenters.officer(officer, away.get(officer.pk)) for officer in officers]


@router.get("/officers/{officer_id}/caseload", response={200: CaseloadOut, **READ_ERRORS})
def officer_caseload(request: HttpRequest, officer_id: uuid.UUID):
    user = actor(request)
    officer = User.objects.filter(public_id=officer_id).first()
    if officer is None or user.office_id is None:
        raise Http404
    require(can_see_officer(user, officer))
    loaded = officers_with_load(user.office_id).filter(pk=officer.pk).first()
    if loaded is None:  # not a PK or APK
        raise Http404
    day = today()
    cases = (
        SupervisionCase.objects.open()
        .filter(officer=officer)
        .select_related("client", "programme", "office")
        .order_by("guidance_end", "pk")
    )
    return {
        "officer": presenters.officer(loaded, _absences([officer]).get(officer.pk)),
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
