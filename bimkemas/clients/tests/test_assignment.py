"""case_assign, case_close and case_grant_access: who supervises a case, and its history."""

import datetime as dt

import pytest

from bimkemas.accounts.models import Absence, AbsenceKind, Role
from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.clients.access import visible_clients, writable_clients
from bimkemas.clients.models import Assignment, CaseAccessGrant, CaseStatus
from bimkemas.clients.services import case_assign, case_close, case_grant_access
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.testing import make_user

DAY = dt.timedelta(days=1)


@pytest.fixture
def new_case(make_case):
    return make_case()


def test_it_assigns_a_registered_case_and_makes_it_active(new_case, alice, bob):
    case = case_assign(actor=bob, case=new_case, officer=alice, reason="wilayah")
    assert (case.officer, case.status) == (alice, CaseStatus.ACTIVE)
    assignment = Assignment.objects.get(case=case)
    assert (assignment.officer, assignment.assigned_by, assignment.ended_at) == (alice, bob, None)
    assert assignment.reason == "wilayah"
    event = AuditEvent.objects.get(action=AuditAction.ASSIGN)
    assert (event.actor, event.client_pk) == (bob, case.client_id)
    assert event.changes == {"officer": [None, "Alice"]}


def test_it_keeps_the_history_when_reassigning(case, alice, pat, bob):
    case_assign(actor=bob, case=case, officer=pat)
    history = Assignment.objects.filter(case=case).order_by("id")
    assert [a.officer for a in history] == [alice, pat]
    assert history[0].ended_at is not None
    assert Assignment.objects.filter(case=case, ended_at__isnull=True).get().officer == pat
    event = AuditEvent.objects.filter(action=AuditAction.ASSIGN).first()
    assert event.changes == {"officer": ["Alice", "Pat"]}


def test_it_refuses_an_officer_of_another_office(new_case, erin, bob):
    with pytest.raises(ApplicationError) as caught:
        case_assign(actor=bob, case=new_case, officer=erin)
    assert caught.value.field == "officer"


@pytest.mark.parametrize("persona", ["carol", "bob", "dave", "nina"])
def test_it_refuses_someone_who_is_not_a_pk(new_case, bob, persona, request):
    with pytest.raises(ApplicationError):
        case_assign(actor=bob, case=new_case, officer=request.getfixturevalue(persona))
    assert not Assignment.objects.exists()


def test_it_refuses_an_inactive_officer(new_case, pat, bob):
    pat.is_active = False
    pat.save()
    with pytest.raises(ApplicationError):
        case_assign(actor=bob, case=new_case, officer=pat)


@pytest.mark.parametrize("kind", [AbsenceKind.SECONDED, AbsenceKind.ROTATION, AbsenceKind.LEAVE])
def test_it_refuses_an_officer_who_is_away_today(new_case, pat, bob, other_office, kind):
    Absence.objects.create(
        officer=pat,
        kind=kind,
        starts_on=today() - DAY,
        ends_on=today(),
        seconded_to=other_office if kind == AbsenceKind.SECONDED else None,
    )
    with pytest.raises(ApplicationError):
        case_assign(actor=bob, case=new_case, officer=pat)


def test_it_accepts_an_officer_back_from_leave(new_case, pat, bob):
    Absence.objects.create(
        officer=pat, kind=AbsenceKind.LEAVE, starts_on=today() - 9 * DAY, ends_on=today() - DAY
    )
    assert case_assign(actor=bob, case=new_case, officer=pat).officer == pat


def test_it_refuses_the_officer_who_already_has_the_case(case, alice, bob):
    with pytest.raises(ApplicationError):
        case_assign(actor=bob, case=case, officer=alice)
    assert Assignment.objects.filter(case=case).count() == 1


def test_it_refuses_to_assign_a_closed_case(case, pat, bob):
    case_close(actor=bob, case=case, status=CaseStatus.COMPLETED, closed_on=today())
    with pytest.raises(ApplicationError):
        case_assign(actor=bob, case=case, officer=pat)


# case_close


@pytest.mark.parametrize(
    "status", [CaseStatus.COMPLETED, CaseStatus.REVOKED, CaseStatus.DIED, CaseStatus.TRANSFERRED]
)
def test_it_closes_an_active_case(case, bob, status):
    closed = case_close(actor=bob, case=case, status=status, closed_on=today(), note="selesai")
    assert (closed.status, closed.closed_on, closed.closing_note) == (status, today(), "selesai")
    assert not closed.is_open
    assert not Assignment.objects.filter(case=case, ended_at__isnull=True).exists()
    event = AuditEvent.objects.get(action=AuditAction.STATUS)
    assert event.changes == {"status": ["active", status]}
    assert event.actor == bob


@pytest.mark.parametrize("status", [CaseStatus.TRANSFERRED, CaseStatus.DIED])
def test_it_closes_a_registered_case_only_by_transfer_or_death(new_case, bob, status):
    assert case_close(actor=bob, case=new_case, status=status, closed_on=today()).status == status


@pytest.mark.parametrize("status", [CaseStatus.COMPLETED, CaseStatus.REVOKED])
def test_it_refuses_to_complete_or_revoke_a_case_never_assigned(new_case, bob, status):
    with pytest.raises(ApplicationError):
        case_close(actor=bob, case=new_case, status=status, closed_on=today())


@pytest.mark.parametrize("status", ["active", "registered", "received", "nonsense", ""])
def test_it_refuses_a_status_that_does_not_close(new_case, case, bob, status):
    for open_case in (new_case, case):
        with pytest.raises(ApplicationError):
            case_close(actor=bob, case=open_case, status=status, closed_on=today())
        open_case.refresh_from_db()
        assert open_case.closed_on is None
    assert not AuditEvent.objects.filter(action=AuditAction.STATUS).exists()


def test_it_refuses_to_close_a_closed_case(case, bob):
    case_close(actor=bob, case=case, status=CaseStatus.COMPLETED, closed_on=today())
    with pytest.raises(ApplicationError):
        case_close(actor=bob, case=case, status=CaseStatus.REVOKED, closed_on=today())


def test_it_bounds_the_closing_date(case, bob):
    with pytest.raises(ApplicationError) as caught:
        case_close(actor=bob, case=case, status="completed", closed_on=today() + DAY)
    assert caught.value.field == "closed_on"
    with pytest.raises(ApplicationError):
        case_close(actor=bob, case=case, status="completed", closed_on=case.received_on - DAY)
    assert case_close(actor=bob, case=case, status="completed", closed_on=case.received_on)


# case_grant_access


def test_it_lets_a_granted_officer_read_until_the_date(case, pat, bob):
    grant = case_grant_access(actor=bob, case=case, officer=pat, until=today())
    assert grant.until == today()
    assert case.client in visible_clients(pat)
    assert case.client not in writable_clients(pat)
    assert AuditEvent.objects.filter(action=AuditAction.GRANT, actor=bob).exists()


def test_it_ends_a_grant_after_its_date(case, pat, bob):
    CaseAccessGrant.objects.create(case=case, officer=pat, granted_by=bob, until=today() - DAY)
    assert case.client not in visible_clients(pat)


def test_it_refuses_a_grant_ending_in_the_past(case, pat, bob):
    with pytest.raises(ApplicationError) as caught:
        case_grant_access(actor=bob, case=case, officer=pat, until=today() - DAY)
    assert caught.value.field == "until"


def test_it_grants_only_to_officers_of_the_office(case, erin, carol, bob):
    for officer in (erin, carol):
        with pytest.raises(ApplicationError):
            case_grant_access(actor=bob, case=case, officer=officer, until=today())
    assert not CaseAccessGrant.objects.exists()


def test_it_grants_to_an_apk(case, office, bob):
    apk = make_user("agus", office, Role.APK)
    case_grant_access(actor=bob, case=case, officer=apk, until=today() + DAY)
    assert list(visible_clients(apk)) == [case.client]
