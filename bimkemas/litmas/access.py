"""Who may see and act on litmas requests and reports. Views and the API ask here.

- The Bapas head, section heads and the registrar see every request of their own office.
- A PK or APK sees the requests assigned to them.
- Anyone else (another Bapas, national viewers) gets a 404.
Registering needs an office-wide role; assigning and cancelling a supervisor; writing the
report its assigned PK; review the section head; acknowledgement the Bapas head — never the
report's own author.
"""

from django.core.exceptions import ValidationError
from django.http import Http404

from bimkemas.accounts.models import Role, User
from bimkemas.clients.access import OFFICE_WIDE_ROLES, can_intake, can_supervise
from bimkemas.litmas.models import LitmasReport, LitmasRequest


def _signed_in(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.office_id is not None


def visible_requests(user: User):
    if not _signed_in(user):
        return LitmasRequest.objects.none()
    if user.role in OFFICE_WIDE_ROLES:
        return LitmasRequest.objects.filter(office=user.office)
    if user.is_officer:
        return LitmasRequest.objects.filter(officer=user)
    return LitmasRequest.objects.none()


def get_request_for_user(user: User, public_id) -> LitmasRequest:
    try:
        return (
            visible_requests(user)
            .select_related("office", "client", "officer", "case")
            .get(public_id=public_id)
        )
    except (LitmasRequest.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error


def get_report_for_user(user: User, request_public_id) -> LitmasReport:
    request = get_request_for_user(user, request_public_id)
    try:
        return LitmasReport.objects.select_related("request", "outline", "author").get(
            request=request
        )
    except LitmasReport.DoesNotExist as error:
        raise Http404 from error


def can_register(user: User) -> bool:
    return can_intake(user)


def can_assign(user: User, request: LitmasRequest) -> bool:
    return can_supervise(user) and user.office_id == request.office_id


def can_write(user: User, request: LitmasRequest) -> bool:
    return _signed_in(user) and request.officer_id == user.pk and request.is_open


def can_review(user: User, report: LitmasReport) -> bool:
    return (
        _signed_in(user)
        and user.role == Role.SUPERVISOR
        and user.office_id == report.request.office_id
        and report.author_id != user.pk
    )


def can_acknowledge(user: User, report: LitmasReport) -> bool:
    return (
        _signed_in(user)
        and user.role == Role.HEAD
        and user.office_id == report.request.office_id
        and report.author_id != user.pk
    )


def can_mark_sent(user: User, request: LitmasRequest) -> bool:
    return (
        _signed_in(user)
        and user.role in OFFICE_WIDE_ROLES
        and (user.office_id == request.office_id)
    )
