"""Who may see and change plans, sessions and evaluations: whoever may read the case's
client (clients.access) reads them; the case's own officer and the office's supervisors
(`can_edit_case`) write them; a section or Bapas head of the case's office, never the
author, approves an evaluation. Anything out of reach is a 404."""

from django.core.exceptions import ValidationError
from django.http import Http404

from bimkemas.accounts.models import User
from bimkemas.clients.access import can_edit_case, can_supervise, require, visible_clients
from bimkemas.guidance.models import Evaluation, GuidanceSession, StagePlan


def get_plan_for_user(user: User, public_id, *, write: bool = False) -> StagePlan:
    try:
        plan = StagePlan.objects.select_related(
            "case__client", "case__office", "case__officer", "author"
        ).get(public_id=public_id, case__client__in=visible_clients(user))
    except (StagePlan.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error
    if write:
        require(can_edit_case(user, plan.case))
    return plan


def get_evaluation_for_user(user: User, public_id, *, write: bool = False) -> Evaluation:
    try:
        evaluation = Evaluation.objects.select_related(
            "case__client", "case__office", "case__officer", "case__programme", "author"
        ).get(public_id=public_id, case__client__in=visible_clients(user))
    except (Evaluation.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error
    if write:
        require(can_edit_case(user, evaluation.case))
    return evaluation


def get_session_for_user(user: User, public_id) -> GuidanceSession:
    """A session whose attendance lists at least one client the user may read."""
    try:
        return GuidanceSession.objects.select_related("led_by", "office").get(
            public_id=public_id,
            pk__in=GuidanceSession.objects.filter(
                attendances__case__client__in=visible_clients(user)
            ).values("pk"),
        )
    except (GuidanceSession.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error


def can_review(user: User, evaluation: Evaluation) -> bool:
    """A section or Bapas head of the case's office who did not write it."""
    return (
        can_supervise(user)
        and user.office_id == evaluation.case.office_id
        and user.pk != evaluation.author_id
    )
