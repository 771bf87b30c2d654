"""Who may read and record assessments, built on clients.access.

The client's readers read their assessments (registrars included); the case's writers
(`can_edit_case`: its own officer while the case is open, the office's section and Bapas
heads) record and continue them. Anyone else gets a 404.
"""

from django.core.exceptions import ValidationError
from django.http import Http404

from bimkemas.accounts.models import User
from bimkemas.assessments.models import Assessment, Instrument
from bimkemas.clients.access import (
    can_edit_case,
    get_case_for_editing,
    get_case_for_user,
    require,
    visible_clients,
)
from bimkemas.clients.models import SupervisionCase


def can_assess(user: User, case: SupervisionCase) -> bool:
    return case.is_open and can_edit_case(user, case)


def get_case_for_assessing(user: User, public_id) -> SupervisionCase:
    """An open case the user may assess, or a 404 (a reader who may not write gets one too)."""
    case = get_case_for_editing(user, public_id)
    require(case.is_open)
    return case


def get_case_for_reading(user: User, public_id) -> SupervisionCase:
    return get_case_for_user(user, public_id)


def get_assessment_for_user(user: User, public_id, *, write: bool = False) -> Assessment:
    try:
        assessment = Assessment.objects.select_related(
            "instrument", "assessor", "case__client", "case__office", "case__programme", "client"
        ).get(public_id=public_id, client__in=visible_clients(user))
    except (Assessment.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error
    if write:
        require(can_assess(user, assessment.case))
    return assessment


def get_published_instrument(public_id) -> Instrument:
    """Instruments are not personal data: any published version, for anyone signed in."""
    try:
        return Instrument.objects.published().get(public_id=public_id)
    except (Instrument.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error
