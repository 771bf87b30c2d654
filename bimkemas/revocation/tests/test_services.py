"""The revocation workflow through its services: states, permissions, deadlines, routing."""

import datetime as dt

import pytest

from bimkemas.audit.models import AuditEvent
from bimkemas.clients.models import CaseStatus
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.workdays import add_working_days
from bimkemas.notifications.models import Notification
from bimkemas.revocation import services
from bimkemas.revocation.models import Revocation
from bimkemas.revocation.tests.conftest import walk_to_recommended
from bimkemas.revocation.workflow import Route, Status, StepKind
from bimkemas.termination.models import Termination, TerminationKind
from bimkemas.tpp.models import AgendaKind, Decision
from bimkemas.tpp.services import agenda_add, agenda_decide, session_schedule
from bimkemas.violations.models import ViolationStatus

pytestmark = pytest.mark.django_db


def test_it_runs_end_to_end_and_terminates_the_case_as_revoked(
    case, violation, request_revocation, alice, bob, dave
):
    revocation = request_revocation(case, violation=violation, grounds="")
    assert revocation.grounds == violation.kind
    assert revocation.route == Route.INTEGRATION
    walk_to_recommended(revocation, officer=alice, supervisor=bob)
    services.revocation_revoke_temporarily(
        actor=dave, revocation=revocation, on=today(), decree_number="W6.PAS.PAS.16-123"
    )
    services.revocation_report(
        actor=bob, revocation=revocation, on=today(), recipient="both", letter_number="W6-77"
    )
    services.revocation_decide(
        actor=bob,
        revocation=revocation,
        on=today(),
        revoked=True,
        decision_reference="PAS-99.PK.05.09 TAHUN 2026",
        authority="Ditjenpas",
    )
    revocation.refresh_from_db()
    case.refresh_from_db()
    violation.refresh_from_db()
    assert revocation.status == Status.REVOKED
    assert revocation.closed_on == today()
    assert [s.kind for s in revocation.steps.all()] == [
        StepKind.REQUEST, StepKind.STATEMENT, StepKind.EXAMINATION, StepKind.TPP,
        StepKind.TEMPORARY, StepKind.REPORT, StepKind.DECISION,
    ]  # fmt: skip
    assert case.status == CaseStatus.REVOKED
    termination = Termination.objects.get(case=case)
    assert termination.kind == TerminationKind.REVOKED
    assert termination.decision_reference == "PAS-99.PK.05.09 TAHUN 2026"
    assert violation.status == ViolationStatus.DECIDED
    assert AuditEvent.objects.filter(object_type="revocation", action="status").count() == 6


def test_not_revoked_lets_guidance_continue_and_decides_the_violation(
    case, violation, request_revocation, alice, bob, dave
):
    revocation = walk_to_recommended(
        request_revocation(case, violation=violation), officer=alice, supervisor=bob
    )
    services.revocation_revoke_temporarily(
        actor=dave, revocation=revocation, on=today(), decree_number="1"
    )
    services.revocation_report(
        actor=bob, revocation=revocation, on=today(), recipient="kanwil", letter_number="2"
    )
    services.revocation_decide(actor=bob, revocation=revocation, on=today(), revoked=False)
    case.refresh_from_db()
    violation.refresh_from_db()
    assert case.status == CaseStatus.ACTIVE
    assert violation.status == ViolationStatus.DECIDED
    assert Revocation.objects.get().status == Status.NOT_REVOKED


def test_only_the_bapas_head_revokes_temporarily(recommended, alice, bob, dave):
    for someone in (alice, bob):
        with pytest.raises(ApplicationError, match="may not record"):
            services.revocation_revoke_temporarily(
                actor=someone, revocation=recommended, on=today(), decree_number="1"
            )
    services.revocation_revoke_temporarily(
        actor=dave, revocation=recommended, on=today(), decree_number="1"
    )
    assert Revocation.objects.get().status == Status.TEMPORARILY_REVOKED


def test_the_head_of_another_bapas_cannot_revoke(recommended, other_office):
    from bimkemas.testing import make_user

    other_head = make_user("hana", other_office, "head")
    with pytest.raises(ApplicationError):
        services.revocation_revoke_temporarily(
            actor=other_head, revocation=recommended, on=today(), decree_number="1"
        )


def test_the_head_is_told_when_the_tpp_recommends(dave, recommended):
    assert Notification.objects.filter(
        recipient=dave, purpose_key__startswith="revocation"
    ).exists()


def test_an_officer_of_another_client_cannot_request_or_record(case, revocation, pat, erin):
    for someone in (pat, erin):
        with pytest.raises(ApplicationError):
            services.revocation_record_statement(
                actor=someone, revocation=revocation, on=today(), statement="x"
            )
    with pytest.raises(ApplicationError, match="officer or a supervisor"):
        services.revocation_request(
            actor=pat, case=case, channel="oral", requested_on=today(), sender="RT 05",
            account="Klien berkelahi", grounds="unrest",
        )  # fmt: skip


def test_an_officer_cannot_record_the_tpp_report_or_decision(revocation, alice):
    revocation.status = Status.EXAMINED
    revocation.save()
    with pytest.raises(ApplicationError, match="may not record"):
        services.revocation_record_tpp(
            actor=alice, revocation=revocation, on=today(), recommend=True, members="x"
        )


def test_one_revocation_in_progress_per_case(case, revocation, request_revocation):
    with pytest.raises(ApplicationError, match="already has a revocation"):
        request_revocation(case)


def test_steps_out_of_order_are_refused(revocation, alice, dave):
    with pytest.raises(ApplicationError, match="cannot be recorded now"):
        services.revocation_record_examination(
            actor=alice, revocation=revocation, on=today(), attended=True, account="x"
        )
    with pytest.raises(ApplicationError, match="cannot be recorded now"):
        services.revocation_revoke_temporarily(
            actor=dave, revocation=revocation, on=today(), decree_number="1"
        )


def test_the_due_date_is_twenty_working_days_after_the_request(case, request_revocation):
    friday = dt.date(2026, 11, 27)
    if friday < case.received_on:
        case.received_on = friday
        case.save()
    revocation = request_revocation(case, requested_on=friday)
    assert revocation.due_on == add_working_days(friday, 20) == dt.date(2026, 12, 29)


def test_bad_input_is_refused_with_the_field(case, request_revocation):
    cases = [
        ({"requested_on": today() + dt.timedelta(days=1)}, "requested_on"),
        ({"requested_on": case.received_on - dt.timedelta(days=1)}, "requested_on"),
        ({"channel": "fax"}, "channel"),
        ({"letter_number": ""}, "letter_number"),
        ({"channel": "oral", "account": ""}, "account"),
        ({"sender": " "}, "sender"),
        ({"grounds": "nonsense"}, "grounds"),
        ({"sender": "a\x00b"}, "sender"),
        ({"sender": "x" * 201}, "sender"),
    ]
    for overrides, field in cases:
        with pytest.raises(ApplicationError) as error:
            request_revocation(case, **overrides)
        assert field in error.value.errors, overrides
    assert not Revocation.objects.exists()


def test_a_step_cannot_be_dated_before_the_previous_one(case, request_revocation, alice):
    revocation = request_revocation(case, requested_on=today() - dt.timedelta(days=3))
    with pytest.raises(ApplicationError) as error:
        services.revocation_record_statement(
            actor=alice, revocation=revocation, on=today() - dt.timedelta(days=4), statement="x"
        )
    assert "on" in error.value.errors


def test_a_statement_needs_questions_or_text(revocation, alice):
    with pytest.raises(ApplicationError):
        services.revocation_record_statement(actor=alice, revocation=revocation, on=today())
    with pytest.raises(ApplicationError):
        services.revocation_record_statement(
            actor=alice, revocation=revocation, on=today(), questions=[{"answer": "tanpa tanya"}]
        )


def test_a_violation_of_another_case_is_refused(case, make_case, alice, request_revocation):
    other = make_case(officer=alice, identity={"full_name": "Joko Susilo", "nik": None})
    from bimkemas.violations.models import Violation

    foreign = Violation.objects.create(
        case=other, kind="unrest", source="complaint", occurred_on=today(), summary="x"
    )
    with pytest.raises(ApplicationError) as error:
        request_revocation(case, violation=foreign)
    assert "violation" in error.value.errors


def test_a_withdrawn_request_ends_and_frees_the_case(case, revocation, request_revocation, bob):
    services.revocation_withdraw(actor=bob, revocation=revocation, on=today(), reason="Dicabut")
    assert Revocation.objects.get().status == Status.WITHDRAWN
    assert request_revocation(case).status == Status.REQUESTED


def test_no_withdrawal_after_the_temporary_revocation(recommended, bob, dave):
    services.revocation_revoke_temporarily(
        actor=dave, revocation=recommended, on=today(), decree_number="1"
    )
    with pytest.raises(ApplicationError):
        services.revocation_withdraw(actor=bob, revocation=recommended, on=today(), reason="x")


def test_the_tpp_does_not_recommend_and_the_head_closes_it(revocation, alice, bob):
    services.revocation_record_statement(
        actor=alice, revocation=revocation, on=today(), statement="Keterangan"
    )
    services.revocation_record_examination(
        actor=alice, revocation=revocation, on=today(), attended=False
    )
    services.revocation_record_tpp(
        actor=bob, revocation=revocation, on=today(), recommend=False, members="TPP"
    )
    with pytest.raises(ApplicationError):
        services.revocation_decide(
            actor=bob, revocation=revocation, on=today(), revoked=True, decision_reference="x"
        )
    services.revocation_decide(actor=bob, revocation=revocation, on=today(), revoked=False)
    assert Revocation.objects.get().status == Status.NOT_REVOKED


def test_the_tpp_sessions_decision_is_used(revocation, alice, bob, dave):
    services.revocation_record_statement(
        actor=alice, revocation=revocation, on=today(), statement="Keterangan"
    )
    services.revocation_record_examination(
        actor=alice, revocation=revocation, on=today(), attended=True, account="Saya khilaf"
    )
    session = session_schedule(actor=bob, held_on=today(), place="Aula", chair=dave, secretary=bob)
    item = agenda_add(
        actor=bob,
        session=session,
        case=revocation.case,
        kind=AgendaKind.REVOCATION,
        recommendation="Diusulkan pencabutan PB",
    )
    agenda_decide(actor=bob, item=item, decision=Decision.APPROVED, note="Sepakat")
    step = services.revocation_record_tpp(actor=bob, revocation=revocation, agenda_item=item)
    assert step.agenda_item == item
    assert step.details["session_number"] == session.number
    assert Revocation.objects.get().status == Status.RECOMMENDED


def test_an_undecided_agenda_item_is_refused(revocation, alice, bob, dave):
    revocation.status = Status.EXAMINED
    revocation.save()
    session = session_schedule(actor=bob, held_on=today(), place="Aula", chair=dave, secretary=bob)
    item = agenda_add(actor=bob, session=session, case=revocation.case, kind=AgendaKind.REVOCATION)
    with pytest.raises(ApplicationError) as error:
        services.revocation_record_tpp(actor=bob, revocation=revocation, agenda_item=item)
    assert "agenda_item" in error.value.errors


def test_asimilasi_is_reported_to_the_prison_which_decides(
    make_case, alice, bob, dave, asimilasi, request_revocation
):
    case = make_case(
        officer=alice, identity={"full_name": "Sri Wahyuni", "nik": None},
        case={"programme": asimilasi},
    )  # fmt: skip
    revocation = walk_to_recommended(request_revocation(case), officer=alice, supervisor=bob)
    assert revocation.route == Route.ASIMILASI
    assert revocation.institution == case.origin_facility
    with pytest.raises(ApplicationError):
        services.revocation_revoke_temporarily(
            actor=dave, revocation=revocation, on=today(), decree_number="1"
        )
    step = services.revocation_report(
        actor=bob, revocation=revocation, on=today(), letter_number="W6-1"
    )
    assert step.details["recipient"] == "prison"
    assert step.details["institution"] == case.origin_facility.name
    services.revocation_decide(
        actor=bob, revocation=revocation, on=today(), revoked=True,
        decision_reference="Lapas: PAS-1", authority=case.origin_facility.name,
    )  # fmt: skip
    case.refresh_from_db()
    assert case.status == CaseStatus.REVOKED
    assert not Notification.objects.filter(purpose_key__startswith="revocation").exists()


def test_an_office_may_set_its_own_service_standard(case, office, request_revocation):
    from bimkemas.revocation.models import RevocationSettings
    from bimkemas.revocation.selectors import clock

    RevocationSettings.objects.create(office=office, service_days=10)
    revocation = request_revocation(case)
    assert revocation.service_days == 10
    assert revocation.due_on == add_working_days(revocation.requested_on, 10)
    assert clock(revocation, today()).of == 10
