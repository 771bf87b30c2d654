"""Who may see and change which clients. Every view and API endpoint asks here, nowhere else.

- National viewers see no client, only aggregates.
- Bapas heads, section heads and registrars see every client of their own office.
- A PK or APK sees the clients of the open cases assigned to them, and, read-only, those
  a supervisor has granted them until the grant's end date.
Anything outside a user's reach is a 404, so its existence does not leak.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404

from bimkemas.accounts.models import Role, User
from bimkemas.clients.models import CaseAccessGrant, Client, SupervisionCase
from bimkemas.core.dates import today

OFFICE_WIDE_ROLES = (Role.HEAD, Role.SUPERVISOR, Role.REGISTRAR)


def _signed_in(user: User) -> bool:
    """Signed in with an account still active: a deactivated account sees nothing."""
    return user.is_authenticated and user.is_active


def visible_clients(user: User):
    if not _signed_in(user) or user.office_id is None or not user.role:
        return Client.objects.none()
    clients = Client.objects.filter(office_id=user.office_id)
    if user.role in OFFICE_WIDE_ROLES:
        return clients
    if user.is_officer:
        own = SupervisionCase.objects.open().filter(officer=user).values("client_id")
        granted = CaseAccessGrant.objects.filter(officer=user, until__gte=today()).values(
            "case__client_id"
        )
        return clients.filter(Q(pk__in=own) | Q(pk__in=granted))
    return Client.objects.none()


def writable_clients(user: User):
    """Clients the user may change: office-wide roles, and an officer's own caseload."""
    if _signed_in(user) and user.is_officer and user.office_id is not None:
        own = SupervisionCase.objects.open().filter(officer=user).values("client_id")
        return Client.objects.filter(office_id=user.office_id, pk__in=own)
    return visible_clients(user)


def get_client_for_user(user: User, public_id, *, write: bool = False) -> Client:
    clients = writable_clients(user) if write else visible_clients(user)
    try:
        return clients.select_related("office", "work_area").get(public_id=public_id)
    except (Client.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error


def get_case_for_user(user: User, public_id, *, write: bool = False) -> SupervisionCase:
    clients = writable_clients(user) if write else visible_clients(user)
    try:
        return SupervisionCase.objects.select_related("client", "office", "programme").get(
            public_id=public_id, client__in=clients
        )
    except (SupervisionCase.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error


def can_edit_case(user: User, case: SupervisionCase) -> bool:
    """Correct a case's SK data: supervisors of its office, and its own officer while it is
    open. Registrars correct a person's identity, not the terms of supervision."""
    if not _signed_in(user) or user.office_id is None or user.office_id != case.office_id:
        return False
    if user.is_supervisor:
        return True
    return user.is_officer and case.is_open and case.officer_id == user.pk


def get_case_for_editing(user: User, public_id) -> SupervisionCase:
    case = get_case_for_user(user, public_id, write=True)
    require(can_edit_case(user, case))
    return case


def can_intake(user: User) -> bool:
    return _signed_in(user) and user.office_id is not None and user.role in OFFICE_WIDE_ROLES


def can_supervise(user: User) -> bool:
    """Assign, reassign, close cases, grant access, read access logs."""
    return _signed_in(user) and user.office_id is not None and user.is_supervisor


def can_see_officer(user: User, officer: User) -> bool:
    if not _signed_in(user) or officer.office_id != user.office_id:
        return False
    return user.pk == officer.pk or user.is_supervisor


def require(allowed: bool) -> None:
    if not allowed:
        raise Http404
