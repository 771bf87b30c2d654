"""schedule_set, excuse_add and reporting_default_set: who may, what is refused, the audit."""

import datetime as dt

import pytest

from bimkemas.audit.models import AuditEvent
from bimkemas.core.errors import ApplicationError
from bimkemas.reporting.models import CaseSchedule, Excuse, ReportingDefault
from bimkemas.reporting.selectors import case_compliance
from bimkemas.reporting.services.schedules import (
    excuse_add,
    reporting_default_set,
    schedule_set,
)
from bimkemas.testing import make_user


def set_weekly(actor, case, **overrides):
    data = {
        "frequency": "weekly",
        "starts_on": case.guidance_start + dt.timedelta(days=10),
        "grace_days": 2,
        "basis": "tpp",
        "reference": "Sidang TPP 12/01/2026",
    }
    data.update(overrides)
    return schedule_set(actor=actor, case=case, **data)


def test_it_lets_the_officer_set_a_schedule_and_audits_old_and_new(alice, case):
    schedule = set_weekly(alice, case)

    assert CaseSchedule.objects.get() == schedule
    event = AuditEvent.objects.get(object_type="caseschedule")
    assert event.client_pk == case.client_id
    assert event.changes["frequency"] == ["monthly", "weekly"]
    assert event.changes["grace_days"] == [3, 2]
    assert event.changes["basis"] == ["builtin", "tpp"]
    in_force = case_compliance(case, schedule.starts_on).schedule
    assert in_force is not None
    assert in_force.frequency == "weekly"


def test_it_lets_a_supervisor_of_the_office_set_a_schedule(bob, case):
    assert set_weekly(bob, case).set_by == bob


@pytest.mark.parametrize("persona", ["pat", "carol", "erin", "nina"])
def test_it_refuses_anyone_else(persona, case, request):
    with pytest.raises(ApplicationError):
        set_weekly(request.getfixturevalue(persona), case)
    assert not CaseSchedule.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"frequency": "daily"}, "frequency"),
        ({"grace_days": 40}, "grace_days"),
        ({"basis": "court"}, "basis"),
        ({"reference": ""}, "reference"),
        ({"reference": "x" * 151}, "reference"),
        ({"starts_on": dt.date(2000, 1, 1)}, "starts_on"),
    ],
)
def test_it_refuses_bad_input(alice, case, overrides, field):
    with pytest.raises(ApplicationError) as caught:
        set_weekly(alice, case, **overrides)
    assert field in caught.value.errors


def test_it_needs_no_reference_for_the_officers_own_decision(alice, case):
    assert set_weekly(alice, case, basis="officer", reference="").reference == ""


def test_it_records_an_excuse_with_its_reason(alice, case):
    start = case.guidance_start + dt.timedelta(days=3)

    excuse = excuse_add(
        actor=alice,
        case=case,
        starts_on=start,
        ends_on=start + dt.timedelta(days=6),
        reason="  Dirawat di RS Muhammadiyah ",
    )

    assert excuse.reason == "Dirawat di RS Muhammadiyah"
    assert excuse.granted_by == alice
    event = AuditEvent.objects.get(object_type="excuse")
    assert (event.action, event.client_pk) == ("create", case.client_id)
    assert "Dirawat" in event.summary


@pytest.mark.parametrize(
    ("days", "reason", "field"),
    [
        ((5, 2), "Sakit", "ends_on"),
        ((-3, 2), "Sakit", "starts_on"),
        ((2, 400), "Sakit", "ends_on"),
        ((2, 4), "   ", "reason"),
        ((2, 4), "Sakit\u202e", "reason"),
    ],
)
def test_it_refuses_a_bad_excuse(alice, case, days, reason, field):
    start = case.guidance_start
    with pytest.raises(ApplicationError) as caught:
        excuse_add(
            actor=alice,
            case=case,
            starts_on=start + dt.timedelta(days=days[0]),
            ends_on=start + dt.timedelta(days=days[1]),
            reason=reason,
        )
    assert field in caught.value.errors
    assert not Excuse.objects.exists()


def test_it_refuses_an_excuse_from_another_officer(pat, case):
    with pytest.raises(ApplicationError):
        excuse_add(
            actor=pat,
            case=case,
            starts_on=case.guidance_start,
            ends_on=case.guidance_start,
            reason="Sakit",
        )


def test_it_sets_and_changes_an_office_default(bob, office, pb, case):
    reporting_default_set(
        actor=bob, office=office, programme=pb, frequency="twice_monthly", grace_days=2
    )
    default = reporting_default_set(
        actor=bob, office=office, programme=pb, frequency="weekly", grace_days=1
    )

    assert ReportingDefault.objects.get() == default
    events = AuditEvent.objects.filter(object_type="reportingdefault").order_by("pk")
    assert [e.action for e in events] == ["create", "update"]
    assert events[1].changes == {"frequency": ["twice_monthly", "weekly"], "grace_days": [2, 1]}
    schedule = case_compliance(case, case.guidance_start).schedule
    assert schedule is not None
    assert (schedule.frequency, schedule.basis) == ("weekly", "office")


@pytest.mark.parametrize("persona", ["alice", "carol", "nina"])
def test_it_lets_only_supervisors_set_defaults(persona, office, pb, request):
    with pytest.raises(ApplicationError):
        reporting_default_set(
            actor=request.getfixturevalue(persona),
            office=office,
            programme=pb,
            frequency="weekly",
            grace_days=1,
        )


def test_it_refuses_a_supervisor_of_another_office(other_office, office, pb):
    other_head = make_user("olga", other_office, "supervisor")
    with pytest.raises(ApplicationError):
        reporting_default_set(
            actor=other_head, office=office, programme=pb, frequency="weekly", grace_days=1
        )
