"""Who sees a revocation and who records each step: built on clients.access.

- Everyone who may see the client sees its revocations (other offices: 404).
- The case's officer and the office's supervisors request, take the statement, examine the
  client and generate the documents; an officer of another client gets a 404.
- The section heads and the Bapas head record the TPP recommendation, the report, the final
  decision and a withdrawal.
- Only the Bapas head of the office revokes temporarily (PB, CB, CMB).
"""

from django.core.exceptions import ValidationError
from django.http import Http404

from bimkemas.accounts.models import Role, User
from bimkemas.clients.access import can_supervise, visible_clients, writable_clients
from bimkemas.clients.models import SupervisionCase
from bimkemas.revocation.models import Revocation
from bimkemas.revocation.workflow import StepKind

OFFICER_STEPS = (StepKind.REQUEST, StepKind.STATEMENT, StepKind.EXAMINATION)
HEAD_STEPS = (StepKind.TEMPORARY,)


def visible_revocations(user: User):
    return Revocation.objects.filter(case__client__in=visible_clients(user))


def get_revocation_for_user(user: User, public_id) -> Revocation:
    """A revocation whose client the user may see, or a 404."""
    try:
        return visible_revocations(user).select_related(
            "case__client", "case__office", "case__programme", "case__officer",
            "case__origin_facility", "office", "violation", "institution", "requested_by",
        ).get(public_id=public_id)  # fmt: skip
    except (Revocation.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error


def is_supervisor_of(user: User, office_id: int) -> bool:
    return can_supervise(user) and user.office_id == office_id


def is_head_of(user: User, office_id: int) -> bool:
    return user.is_authenticated and user.role == Role.HEAD and user.office_id == office_id


def works_on(user: User, case: SupervisionCase) -> bool:
    """The case's own officer (write access) or a supervisor of its office."""
    if is_supervisor_of(user, case.office_id):
        return True
    return user.is_officer and writable_clients(user).filter(pk=case.client_id).exists()


def may_record(user: User, revocation: Revocation, step: str) -> bool:
    office_id = revocation.office_id
    if step in HEAD_STEPS:
        return is_head_of(user, office_id)
    if step in OFFICER_STEPS:
        return works_on(user, revocation.case)
    return is_supervisor_of(user, office_id)


def may_request(user: User, case: SupervisionCase) -> bool:
    return case.is_open and works_on(user, case)
