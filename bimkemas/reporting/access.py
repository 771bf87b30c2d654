"""Who may see which check-ins: whoever may read the case's client (clients.access), and
the review queue of an officer (their own cases) or a supervisor (their office)."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from bimkemas.accounts.models import User
from bimkemas.clients.access import can_supervise, own_open_cases, visible_clients
from bimkemas.reporting.models import CheckIn, ReviewStatus


def get_checkin_for_user(user: User, public_id) -> CheckIn:
    try:
        return CheckIn.objects.select_related(
            "case__client", "case__officer", "case__office", "recorded_by", "reviewed_by"
        ).get(public_id=public_id, case__client__in=visible_clients(user))
    except (CheckIn.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error


def review_queue(user: User, *, officer: User | None = None) -> QuerySet[CheckIn]:
    """Check-ins waiting for review, newest first: an officer's own open cases; for a
    supervisor the office's, optionally one officer's."""
    pending = CheckIn.objects.filter(review_status=ReviewStatus.PENDING)
    if can_supervise(user) and user.office_id is not None:
        pending = pending.filter(case__office_id=user.office_id)
        if officer is not None:
            pending = pending.filter(case__officer=officer)
    elif user.is_officer:
        pending = pending.filter(case__in=own_open_cases(user))
    else:
        pending = pending.none()
    return pending.select_related("case__client", "case__officer", "recorded_by").order_by(
        "-created_at", "-pk"
    )
