"""Who may see and act on violations: built on clients.access, used by the pages and the API.

- Whoever may see the client (its officer, officers granted read access, the office's
  section heads, Bapas head and registrars) sees its violations.
- The case's own officer and the office's section and Bapas heads record, decide, dismiss,
  attach evidence and generate letters, while the case is open.
- The office's section and Bapas heads edit the office's ladder.
- Anything else is a 404.
"""

from django.core.exceptions import ValidationError
from django.http import Http404

from bimkemas.accounts.models import User
from bimkemas.clients.access import (
    can_edit_case,
    can_supervise,
    get_case_for_user,
    require,
    visible_clients,
)
from bimkemas.clients.models import SupervisionCase
from bimkemas.violations.models import Violation, ViolationAttachment


def visible_violations(user: User):
    return Violation.objects.filter(case__client__in=visible_clients(user))


def can_act(user: User, case: SupervisionCase) -> bool:
    """Record and answer violations of an open case: its officer, or a supervisor of its office."""
    return case.is_open and can_edit_case(user, case)


def can_generate_letter(user: User, case: SupervisionCase) -> bool:
    """A letter's new version: whoever may act, and the office's heads after the case closed."""
    return can_act(user, case) or (can_supervise(user) and user.office_id == case.office_id)


def can_edit_ladder(user: User) -> bool:
    return can_supervise(user)


def get_case_for_violation(user: User, public_id) -> SupervisionCase:
    """A case on which the user may record a violation, or a 404."""
    case = get_case_for_user(user, public_id)
    require(can_act(user, case))
    return case


def get_violation_for_user(user: User, public_id, *, act: bool = False) -> Violation:
    """A violation of a client the user may see (and, with `act`, answer), or a 404."""
    try:
        violation = (
            visible_violations(user)
            .select_related(
                "case__client", "case__office", "case__programme", "case__officer", "opened_by"
            )
            .get(public_id=public_id)
        )
    except (Violation.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error
    if act:
        require(can_act(user, violation.case))
    return violation


def get_attachment_for_user(user: User, violation_id, public_id) -> ViolationAttachment:
    violation = get_violation_for_user(user, violation_id)
    try:
        attachment = violation.attachments.get(public_id=public_id)
    except (ViolationAttachment.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error
    attachment.violation = violation
    return attachment
