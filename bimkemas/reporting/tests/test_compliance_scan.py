"""The compliance scan on a small office: what it concludes for each closed period."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from bimkemas.audit.models import AuditEvent
from bimkemas.clients.models import ClientPhone
from bimkemas.reporting.compliance import compliance_scan
from bimkemas.reporting.models import CaseSchedule, Channel, CheckIn, Excuse, PeriodOutcome
from bimkemas.violations.models import Violation, ViolationKind, ViolationSource

START = dt.date(2026, 1, 1)


def at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


def report(case, day: dt.date) -> CheckIn:
    return CheckIn.objects.create(case=case, channel=Channel.IN_PERSON, occurred_at=at(day))


def outcomes(case) -> list[tuple[dt.date, str, int]]:
    return list(
        PeriodOutcome.objects.filter(case=case)
        .order_by("starts_on")
        .values_list("starts_on", "outcome", "consecutive_misses")
    )


def new_case(make_case, alice, start=START, **identity):
    return make_case(officer=alice, case={"guidance_start": start}, identity=identity)


def test_it_concludes_reported_missed_and_excused_periods(make_case, alice, office):
    case = new_case(make_case, alice)
    report(case, dt.date(2026, 1, 15))
    Excuse.objects.create(
        case=case,
        starts_on=dt.date(2026, 3, 1),
        ends_on=dt.date(2026, 3, 31),
        reason="Dirawat di rumah sakit",
        granted_by=alice,
    )

    result = compliance_scan(day=dt.date(2026, 4, 10), office_id=office.pk)

    assert outcomes(case) == [
        (dt.date(2026, 1, 1), "reported", 0),
        (dt.date(2026, 2, 1), "missed", 1),
        (dt.date(2026, 3, 1), "excused", 1),  # carries the run, neither breaks nor extends it
    ]
    assert result.outcomes == {"reported": 1, "missed": 1, "excused": 1}
    assert result.cases == 1
    assert result.violations == []


def test_it_waits_for_the_grace_days_before_concluding(make_case, alice, office):
    case = new_case(make_case, alice)

    compliance_scan(day=dt.date(2026, 2, 3), office_id=office.pk)  # grace ends 3 February
    assert outcomes(case) == []

    compliance_scan(day=dt.date(2026, 2, 4), office_id=office.pk)
    assert outcomes(case) == [(dt.date(2026, 1, 1), "missed", 1)]


def test_it_counts_a_late_recorded_report_inside_the_period(make_case, alice, office):
    case = new_case(make_case, alice)
    compliance_scan(day=dt.date(2026, 2, 4), office_id=office.pk)
    report(case, dt.date(2026, 1, 30))  # the register book typed in late

    compliance_scan(day=dt.date(2026, 2, 10), office_id=office.pk)

    assert outcomes(case) == [(dt.date(2026, 1, 1), "reported", 0)]


def test_a_nightly_run_rewrites_only_the_outcomes_that_changed(make_case, alice, office):
    case = new_case(make_case, alice)
    quiet = new_case(make_case, alice, full_name="Sari Dewi", nik=None)
    compliance_scan(day=dt.date(2026, 3, 4), office_id=office.pk)
    judged_at = dict(PeriodOutcome.objects.values_list("pk", "computed_at"))
    report(case, dt.date(2026, 2, 27))  # typed in late: February is reported after all

    compliance_scan(day=dt.date(2026, 3, 5), office_id=office.pk)

    assert outcomes(case) == [
        (dt.date(2026, 1, 1), "missed", 1),
        (dt.date(2026, 2, 1), "reported", 0),
    ]
    assert outcomes(quiet)[-1] == (dt.date(2026, 2, 1), "missed", 2)
    rewritten = {
        starts_on
        for pk, starts_on, computed_at in PeriodOutcome.objects.values_list(
            "pk", "starts_on", "computed_at"
        )
        if computed_at != judged_at[pk]
    }
    assert rewritten == {dt.date(2026, 2, 1)}  # of one case; the other's stood as they were


def test_it_does_not_count_a_report_during_the_grace_days(make_case, alice, office):
    case = new_case(make_case, alice)
    report(case, dt.date(2026, 2, 2))  # counts for February, not January

    compliance_scan(day=dt.date(2026, 2, 10), office_id=office.pk)

    assert outcomes(case) == [(dt.date(2026, 1, 1), "missed", 1)]


def test_it_owes_one_report_for_the_rest_of_the_first_period(make_case, alice, office):
    case = new_case(make_case, alice, start=dt.date(2026, 1, 28))
    report(case, dt.date(2026, 1, 29))

    compliance_scan(day=dt.date(2026, 3, 5), office_id=office.pk)

    assert PeriodOutcome.objects.get(case=case, starts_on=dt.date(2026, 1, 28)).ends_on == (
        dt.date(2026, 1, 31)
    )
    assert outcomes(case) == [
        (dt.date(2026, 1, 28), "reported", 0),
        (dt.date(2026, 2, 1), "missed", 1),
    ]


def test_it_follows_a_schedule_change_mid_case(make_case, alice, office):
    case = new_case(make_case, alice)
    CaseSchedule.objects.create(
        case=case,
        frequency="weekly",
        starts_on=dt.date(2026, 2, 9),  # a Monday
        grace_days=0,
        basis="tpp",
        reference="Sidang TPP",
        set_by=alice,
    )
    report(case, dt.date(2026, 2, 3))
    report(case, dt.date(2026, 2, 17))

    compliance_scan(day=dt.date(2026, 2, 23), office_id=office.pk)

    assert outcomes(case) == [
        (dt.date(2026, 1, 1), "missed", 1),
        (dt.date(2026, 2, 1), "reported", 0),  # 1–8 February, still monthly
        (dt.date(2026, 2, 9), "missed", 1),
        (dt.date(2026, 2, 16), "reported", 0),
    ]


def test_it_drops_outcomes_of_periods_a_later_schedule_removed(make_case, alice, office):
    case = new_case(make_case, alice)
    compliance_scan(day=dt.date(2026, 2, 20), office_id=office.pk)
    CaseSchedule.objects.create(
        case=case,
        frequency="twice_monthly",
        starts_on=START,
        basis="officer",
        set_by=alice,
    )

    compliance_scan(day=dt.date(2026, 2, 20), office_id=office.pk)

    assert outcomes(case) == [
        (dt.date(2026, 1, 1), "missed", 1),
        (dt.date(2026, 1, 16), "missed", 2),
        (dt.date(2026, 2, 1), "missed", 3),
    ]


def test_it_scans_only_active_cases_of_the_office(make_case, alice, office, other_office):
    waiting = make_case(case={"guidance_start": START})  # registered, not yet assigned

    result = compliance_scan(day=dt.date(2026, 3, 1), office_id=other_office.pk)

    assert result.cases == 0
    assert not PeriodOutcome.objects.filter(case=waiting).exists()


def test_it_opens_a_violation_at_the_third_miss_in_a_row(make_case, alice, office):
    case = new_case(make_case, alice)

    result = compliance_scan(day=dt.date(2026, 4, 10), office_id=office.pk)

    violation = Violation.objects.get(case=case)
    assert result.violations == [violation]
    assert violation.kind == ViolationKind.THREE_MISSES
    assert violation.source == ViolationSource.REPORTING
    assert violation.source_key == "missed:2026-03-01"
    assert violation.occurred_on == dt.date(2026, 3, 31)
    assert violation.status == "open"
    assert "01/03/2026–31/03/2026" in violation.summary
    event = AuditEvent.objects.get(object_id=str(violation.public_id))
    assert (event.action, event.actor, event.client_pk) == ("create", None, case.client_id)


def test_it_opens_the_violation_once_however_often_it_runs(make_case, alice, office):
    case = new_case(make_case, alice)

    compliance_scan(day=dt.date(2026, 4, 10), office_id=office.pk)
    again = compliance_scan(day=dt.date(2026, 4, 10), office_id=office.pk)
    later = compliance_scan(day=dt.date(2026, 5, 10), office_id=office.pk)

    assert again.violations == [] and later.violations == []
    assert Violation.objects.filter(case=case).count() == 1
    assert AuditEvent.objects.filter(object_type="violation").count() == 1
    assert outcomes(case)[-1] == (dt.date(2026, 4, 1), "missed", 4)


def test_it_carries_the_run_across_scans_and_opens_at_the_sixth(make_case, alice, office):
    case = new_case(make_case, alice)
    for month in range(2, 8):  # one scan a month: each sees one new period
        compliance_scan(day=dt.date(2026, month, 10), office_id=office.pk)

    assert [row[2] for row in outcomes(case)] == [1, 2, 3, 4, 5, 6]
    assert sorted(Violation.objects.filter(case=case).values_list("source_key", flat=True)) == [
        "missed:2026-03-01",
        "missed:2026-06-01",
    ]


def test_it_carries_the_run_from_outcomes_older_than_the_recheck(make_case, alice, office):
    case = new_case(make_case, alice)
    compliance_scan(day=dt.date(2026, 3, 10), office_id=office.pk)  # Jan, Feb missed

    # Months later: March is beyond the recheck; its run continues from February's.
    compliance_scan(day=dt.date(2026, 6, 10), office_id=office.pk)

    assert [row[2] for row in outcomes(case)] == [1, 2, 3, 4, 5]


def test_it_does_not_open_a_violation_when_a_report_breaks_the_run(make_case, alice, office):
    case = new_case(make_case, alice)
    report(case, dt.date(2026, 2, 14))

    compliance_scan(day=dt.date(2026, 5, 10), office_id=office.pk)

    assert [row[1:] for row in outcomes(case)] == [
        ("missed", 1),
        ("reported", 0),
        ("missed", 1),
        ("missed", 2),
    ]
    assert not Violation.objects.exists()


def test_it_flags_clients_whose_phones_are_all_unreachable(make_case, alice, office):
    lost = new_case(make_case, alice, full_name="Andi Wijaya")
    ClientPhone.objects.filter(client=lost.client).update(
        verified_reachable=False, verified_on=dt.date(2026, 1, 20)
    )
    half = new_case(make_case, alice, full_name="Rudi Hartono")
    ClientPhone.objects.filter(client=half.client).update(
        verified_reachable=False, verified_on=dt.date(2026, 1, 20)
    )
    ClientPhone.objects.create(client=half.client, number="+6281299990000", verified_reachable=True)
    unchecked = new_case(make_case, alice, full_name="Joko Susilo")

    result = compliance_scan(day=dt.date(2026, 2, 10), office_id=office.pk)

    assert result.unreachable_case_ids == [lost.pk]
    assert unchecked.pk not in result.unreachable_case_ids


def test_it_scans_every_office_by_default(make_case, alice, office, other_office):
    new_case(make_case, alice)

    result = compliance_scan(day=dt.date(2026, 2, 10))

    assert result.offices == 2
    assert result.cases == 1


def test_it_runs_from_the_command_line(make_case, alice, office, capsys):
    new_case(make_case, alice)

    call_command("compliance_scan", "--office", "PLG", "--date", "2026-04-10")

    out = capsys.readouterr().out
    assert "missed: 3" in out
    assert "violations opened: 1" in out
    assert "time:" in out


def test_the_command_needs_at_least_one_worker(db):
    with pytest.raises(CommandError, match="--workers must be 1 or more"):
        call_command("compliance_scan", "--workers", "0")
