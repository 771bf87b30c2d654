"""Who may see and change which home visits, built on bimkemas.clients.access.

A visit is read by whoever may read its case's client; planned, recorded and cancelled by
the case's officer and the supervisors of its office (`can_edit_case`). Anything else: 404.
"""

from django.core.exceptions import ValidationError
from django.http import Http404

from bimkemas.accounts.models import User
from bimkemas.clients.access import can_edit_case, require, visible_clients, writable_clients
from bimkemas.visits.models import HomeVisit


def get_visit_for_user(user: User, public_id, *, write: bool = False) -> HomeVisit:
    clients = writable_clients(user) if write else visible_clients(user)
    try:
        visit = HomeVisit.objects.select_related(
            "case__client", "case__office", "case__programme", "officer"
        ).get(public_id=public_id, case__client__in=clients)
    except (HomeVisit.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error
    if write:
        require(can_edit_case(user, visit.case))
    return visit


def can_write_visits(user: User, case) -> bool:
    """Plan and record visits of the case: its officer, or a supervisor of its office."""
    return can_edit_case(user, case)
