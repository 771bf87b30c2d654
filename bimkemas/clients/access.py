"""Who may see and change which clients. Every view and API endpoint asks here, nowhere else.

- National viewers see no client, only aggregates.
- Bapas heads, section heads and registrars see every client of their own office.
- A PK or APK sees the clients of the open cases assigned to them in their own office and
  in an office they are seconded to (BKO) today, and, read-only, those a supervisor of
  their own office has granted them until the grant's end date. When the secondment ends,
  the receiving office's cases drop out of reach (its supervisors still see them).
Anything outside a user's reach is a 404, so its existence does not leak.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404

from bimkemas.accounts.models import OFFICER_ROLES, Absence, Role, User
from bimkemas.clients.caseload import officers_of
from bimkemas.clients.models import (
    CaseAccessGrant,
    CaseDocument,
    Client,
    ClientPhone,
    SupervisionCase,
)
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
        granted = CaseAccessGrant.objects.filter(officer=user, until__gte=today()).values(
            "case__client_id"
        )
        own = _own_clients(user).values("pk")
        return Client.objects.filter(Q(pk__in=own) | Q(office_id=user.office_id, pk__in=granted))
    return Client.objects.none()


def _case_offices(officer: User) -> Q:
    """Cases of the officer's own office, or of an office they are seconded to today."""
    seconded_to = (
        Absence.objects.covering(today())
        .secondments()
        .filter(officer=officer)
        .values("seconded_to_id")
    )
    return Q(office_id=officer.office_id) | Q(office_id__in=seconded_to)


def own_open_cases(officer: User):
    """The open cases assigned to an officer that they work on today: those of their own
    office and, while seconded, of the receiving office. Their caseload everywhere."""
    if not _signed_in(officer) or not officer.is_officer:
        return SupervisionCase.objects.none()
    return SupervisionCase.objects.open().filter(_case_offices(officer), officer=officer)


def _own_clients(officer: User):
    return Client.objects.filter(pk__in=own_open_cases(officer).values("client_id"))


def writable_clients(user: User):
    """Clients the user may change: office-wide roles, and an officer's own caseload."""
    if _signed_in(user) and user.is_officer and user.office_id is not None:
        return _own_clients(user)
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


def get_document_for_user(user: User, public_id) -> CaseDocument:
    """A handover document, for whoever may read its case."""
    try:
        return CaseDocument.objects.select_related("case__client", "case__office").get(
            public_id=public_id, case__client__in=visible_clients(user)
        )
    except (CaseDocument.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error


def get_phone_for_user(user: User, client_public_id, public_id, *, write: bool = False):
    """One of a client's phone numbers, addressed by both public ids."""
    clients = writable_clients(user) if write else visible_clients(user)
    try:
        return ClientPhone.objects.select_related("client").get(
            public_id=public_id, client__public_id=client_public_id, client__in=clients
        )
    except (ClientPhone.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error


def can_edit_case(user: User, case: SupervisionCase) -> bool:
    """Correct a case's SK data: supervisors of its office, and its own officer while it is
    open. Registrars correct a person's identity, not the terms of supervision."""
    if not _signed_in(user) or user.office_id is None:
        return False
    if user.is_supervisor:
        return user.office_id == case.office_id
    if not (user.is_officer and case.is_open and case.officer_id == user.pk):
        return False
    return SupervisionCase.objects.filter(_case_offices(user), pk=case.pk).exists()


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
    """Officers see themselves; supervisors see the officers their office lists: its own,
    those seconded to it, and those still holding its cases (`caseload.officers_of`)."""
    if not _signed_in(user) or user.office_id is None:
        return False
    if user.pk == officer.pk:
        return True
    if not user.is_supervisor:
        return False
    return officer.office_id == user.office_id or (
        officers_of(user.office_id, today()).filter(pk=officer.pk).exists()
    )


def get_officer_for_user(user: User, public_id) -> User:
    """A PK or APK (active or not) whose caseload the user may see, or a 404."""
    try:
        # Not .officers(): a deactivated officer's open cases still need someone to see them.
        officer = User.objects.get(public_id=public_id, role__in=OFFICER_ROLES)
    except (User.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error
    require(can_see_officer(user, officer))
    return officer


def officer_cases_for(user: User, officer: User):
    """An officer's open cases that `user` may see: for a supervisor, those of their office
    (never another office's); for the officer, those in reach (`visible_clients`)."""
    cases = SupervisionCase.objects.open().filter(officer=officer)
    if user.pk == officer.pk:
        return cases.filter(client__in=_own_clients(officer).values("pk"))
    if not can_supervise(user) or user.office_id is None:
        return cases.none()
    return cases.filter(office_id=user.office_id)


def require(allowed: bool) -> None:
    if not allowed:
        raise Http404
