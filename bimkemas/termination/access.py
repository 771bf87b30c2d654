"""Who may see and end a case, on the termination page: built on clients.access."""

from django.core.exceptions import ValidationError
from django.http import Http404

from bimkemas.accounts.models import User
from bimkemas.clients.access import can_supervise, get_case_for_user, require, visible_clients
from bimkemas.clients.models import SupervisionCase
from bimkemas.termination.models import Termination


def can_terminate(user: User, case: SupervisionCase) -> bool:
    return can_supervise(user) and user.office_id == case.office_id and case.is_open


def get_case_for_termination(user: User, public_id) -> SupervisionCase:
    """A case the user may end (a supervisor of its office), or a 404."""
    case = get_case_for_user(user, public_id)
    require(can_supervise(user) and user.office_id == case.office_id)
    return case


def get_termination_for_user(user: User, case_public_id) -> Termination:
    """The termination of a case whose client the user may see, or a 404."""
    try:
        return Termination.objects.select_related(
            "case__client", "case__office", "case__programme", "by", "to_office", "new_case"
        ).get(case__public_id=case_public_id, case__client__in=visible_clients(user))
    except (Termination.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error
