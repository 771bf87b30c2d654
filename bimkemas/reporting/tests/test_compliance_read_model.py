"""case_compliance: every owed period up to a day, what became of it and why."""

import datetime as dt

from django.utils import timezone

from bimkemas.reporting.models import CaseSchedule, Channel, CheckIn, Excuse, ScheduleBasis
from bimkemas.reporting.selectors import OPEN, case_compliance

START = dt.date(2026, 1, 5)  # a Monday


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def checkin(case, day, *, channel=Channel.IN_PERSON, counts=True, hour=10):
    return CheckIn.objects.create(
        case=case, channel=channel, occurred_at=at(day, hour), counts=counts
    )


def monthly_case(make_case, alice):
    return make_case(officer=alice, case={"guidance_start": START})


def test_it_lists_each_period_with_its_status(make_case, alice):
    case = monthly_case(make_case, alice)
    reported = checkin(case, dt.date(2026, 1, 20))
    Excuse.objects.create(
        case=case,
        starts_on=dt.date(2026, 3, 1),
        ends_on=dt.date(2026, 3, 20),
        reason="Dirawat di rumah sakit",
        granted_by=alice,
    )

    record = case_compliance(case, dt.date(2026, 5, 2))

    assert [(p.starts_on, p.status) for p in record.periods] == [
        (START, "reported"),
        (dt.date(2026, 2, 1), "missed"),
        (dt.date(2026, 3, 1), "excused"),
        (dt.date(2026, 4, 1), OPEN),  # ended 30 April, grace until 3 May
        (dt.date(2026, 5, 1), OPEN),
    ]
    assert record.periods[0].checkins == (reported,)
    assert record.periods[2].excuse_reasons == ("Dirawat di rumah sakit",)
    assert record.periods[4].closes_on == dt.date(2026, 6, 3)
    assert record.consecutive_misses == 1
    assert record.counts == {"reported": 1, "missed": 1, "excused": 1, OPEN: 2}
    assert record.rate == 0.5


def test_it_counts_consecutive_misses_through_excused_periods(make_case, alice):
    case = monthly_case(make_case, alice)
    Excuse.objects.create(
        case=case,
        starts_on=dt.date(2026, 2, 1),
        ends_on=dt.date(2026, 2, 28),
        reason="Izin ke luar kota",
        granted_by=alice,
    )

    record = case_compliance(case, dt.date(2026, 4, 10))

    assert [p.consecutive_misses for p in record.periods] == [1, 0, 2, 0]
    assert record.consecutive_misses == 2


def test_it_ignores_contacts_that_do_not_count(make_case, alice):
    case = monthly_case(make_case, alice)
    checkin(case, dt.date(2026, 1, 20), channel=Channel.HOME_VISIT, counts=False)

    record = case_compliance(case, dt.date(2026, 2, 10))

    assert record.periods[0].status == "missed"


def test_it_uses_the_local_date_of_a_check_in(make_case, alice):
    case = monthly_case(make_case, alice)
    # 31 January 23:30 in Jakarta is still January there (16:30 UTC).
    CheckIn.objects.create(
        case=case,
        channel=Channel.APP,
        occurred_at=dt.datetime(2026, 1, 31, 16, 30, tzinfo=dt.UTC),
    )

    record = case_compliance(case, dt.date(2026, 2, 10))

    assert record.periods[0].status == "reported"


def test_it_shows_the_schedule_in_force_and_who_decided_it(make_case, alice):
    case = monthly_case(make_case, alice)
    CaseSchedule.objects.create(
        case=case,
        frequency="weekly",
        starts_on=dt.date(2026, 3, 4),
        grace_days=1,
        basis=ScheduleBasis.TPP,
        reference="Sidang TPP 2/3/2026",
        set_by=alice,
    )

    record = case_compliance(case, dt.date(2026, 3, 20))

    assert record.schedule is not None
    assert record.schedule.frequency == "weekly"
    assert record.schedule.since == dt.date(2026, 3, 4)
    assert record.schedule.basis == ScheduleBasis.TPP
    assert record.schedule.set_by == alice
    # March 1–3 under the monthly rule (clipped), then weeks from Wednesday the 4th.
    assert [(p.starts_on, p.ends_on, p.frequency) for p in record.periods[2:5]] == [
        (dt.date(2026, 3, 1), dt.date(2026, 3, 3), "monthly"),
        (dt.date(2026, 3, 4), dt.date(2026, 3, 8), "weekly"),
        (dt.date(2026, 3, 9), dt.date(2026, 3, 15), "weekly"),
    ]


def test_it_shows_the_built_in_default_before_any_decision(make_case, alice):
    record = case_compliance(monthly_case(make_case, alice), dt.date(2026, 1, 6))

    assert record.schedule is not None
    assert (record.schedule.frequency, record.schedule.basis) == ("monthly", "builtin")
    assert record.schedule.since == START


def test_it_owes_nothing_before_guidance_starts(make_case, alice):
    record = case_compliance(monthly_case(make_case, alice), dt.date(2026, 1, 4))

    assert record.periods == []
    assert record.schedule is None


def test_a_report_in_a_period_still_in_its_grace_ends_the_run(make_case, alice):
    case = monthly_case(make_case, alice)
    checkin(case, dt.date(2026, 3, 30))

    record = case_compliance(case, dt.date(2026, 4, 2))

    assert [p.status for p in record.periods] == ["missed", "missed", "reported", OPEN]
    assert record.consecutive_misses == 0
