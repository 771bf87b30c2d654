"""Reporting periods: calendar slices, clipping to the guidance, and how a period is judged."""

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bimkemas.reporting.models import Frequency
from bimkemas.reporting.periods import (
    Period,
    calendar_period,
    excused_days,
    is_excused,
    judge,
    periods_between,
)

FREQUENCIES = st.sampled_from(Frequency.values)
DAYS = st.dates(min_value=dt.date(1999, 1, 1), max_value=dt.date(2040, 12, 31))


def test_it_makes_weeks_from_monday_to_sunday():
    assert calendar_period("weekly", dt.date(2026, 1, 1)) == Period(
        dt.date(2025, 12, 29), dt.date(2026, 1, 4)
    )


def test_it_splits_a_week_after_wednesday_when_twice_weekly():
    wednesday, thursday = dt.date(2026, 3, 4), dt.date(2026, 3, 5)
    assert calendar_period("twice_weekly", wednesday) == Period(
        dt.date(2026, 3, 2), dt.date(2026, 3, 4)
    )
    assert calendar_period("twice_weekly", thursday) == Period(thursday, dt.date(2026, 3, 8))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2024, 2, 10), Period(dt.date(2024, 2, 1), dt.date(2024, 2, 29))),  # leap year
        (dt.date(2026, 2, 10), Period(dt.date(2026, 2, 1), dt.date(2026, 2, 28))),
        (dt.date(2100, 2, 10), Period(dt.date(2100, 2, 1), dt.date(2100, 2, 28))),  # not leap
        (dt.date(2026, 12, 31), Period(dt.date(2026, 12, 1), dt.date(2026, 12, 31))),
    ],
)
def test_it_ends_a_month_on_its_last_day(day, expected):
    assert calendar_period("monthly", day) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2024, 2, 15), Period(dt.date(2024, 2, 1), dt.date(2024, 2, 15))),
        (dt.date(2024, 2, 16), Period(dt.date(2024, 2, 16), dt.date(2024, 2, 29))),
        (dt.date(2026, 4, 30), Period(dt.date(2026, 4, 16), dt.date(2026, 4, 30))),
    ],
)
def test_it_splits_a_month_after_the_fifteenth_when_twice_monthly(day, expected):
    assert calendar_period("twice_monthly", day) == expected


def test_it_refuses_an_unknown_frequency():
    with pytest.raises(ValueError, match="fortnightly"):
        calendar_period("fortnightly", dt.date(2026, 1, 1))


def test_it_clips_the_first_period_to_a_start_mid_period():
    periods = list(periods_between("monthly", dt.date(2026, 1, 20), dt.date(2026, 3, 10)))

    assert periods == [
        Period(dt.date(2026, 1, 20), dt.date(2026, 1, 31)),
        Period(dt.date(2026, 2, 1), dt.date(2026, 2, 28)),
        Period(dt.date(2026, 3, 1), dt.date(2026, 3, 10)),
    ]


def test_it_makes_one_period_of_a_single_day():
    day = dt.date(2026, 1, 7)
    assert list(periods_between("weekly", day, day)) == [Period(day, day)]


def test_it_closes_a_period_after_its_grace_days():
    period = Period(dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    assert period.closes_on(3) == dt.date(2026, 2, 3)
    assert period.closes_on(0) == dt.date(2026, 1, 31)


@settings(deadline=None)
@given(frequency=FREQUENCIES, start=DAYS, length=st.integers(min_value=0, max_value=800))
def test_it_tiles_the_guidance_without_gap_or_overlap(frequency, start, length):
    end = start + dt.timedelta(days=length)
    periods = list(periods_between(frequency, start, end))

    assert periods[0].starts_on == start
    assert periods[-1].ends_on == end
    for before, after in itertools.pairwise(periods):
        assert after.starts_on == before.ends_on + dt.timedelta(days=1)
    for period in periods:
        assert period.starts_on <= period.ends_on
        # each lies within one calendar period
        assert calendar_period(frequency, period.starts_on) == calendar_period(
            frequency, period.ends_on
        )


@settings(deadline=None)
@given(frequency=FREQUENCIES, day=DAYS)
def test_it_puts_every_day_in_the_calendar_period_that_contains_it(frequency, day):
    period = calendar_period(frequency, day)

    assert day in period
    assert period.days <= 31
    before = calendar_period(frequency, period.starts_on - dt.timedelta(days=1))
    assert before.ends_on == period.starts_on - dt.timedelta(days=1)


JANUARY = Period(dt.date(2026, 1, 1), dt.date(2026, 1, 31))


def test_it_judges_a_period_with_a_report_inside_as_reported():
    assert judge(JANUARY, [dt.date(2026, 1, 31)], []) == "reported"


def test_it_ignores_reports_outside_the_period():
    assert judge(JANUARY, [dt.date(2025, 12, 31), dt.date(2026, 2, 1)], []) == "missed"


def test_it_prefers_a_report_to_an_excuse():
    assert judge(JANUARY, [dt.date(2026, 1, 5)], [(JANUARY.starts_on, JANUARY.ends_on)]) == (
        "reported"
    )


def test_it_excuses_a_period_half_covered_by_excuses():
    # 16 of 31 days, in two excuses that overlap on the 10th
    excuses = [
        (dt.date(2026, 1, 1), dt.date(2026, 1, 10)),
        (dt.date(2026, 1, 10), dt.date(2026, 1, 16)),
    ]

    assert excused_days(JANUARY, excuses) == 16
    assert judge(JANUARY, [], excuses) == "excused"


def test_it_holds_a_short_excuse_against_a_long_period():
    # two days in hospital: 29 other days to report
    assert not is_excused(JANUARY, [(dt.date(2026, 1, 30), dt.date(2026, 2, 5))])
    assert judge(JANUARY, [], [(dt.date(2026, 1, 30), dt.date(2026, 2, 5))]) == "missed"


def test_it_counts_an_excuse_against_a_clipped_period_by_its_own_length():
    first_days = Period(dt.date(2026, 1, 29), dt.date(2026, 1, 31))

    assert is_excused(first_days, [(dt.date(2026, 1, 30), dt.date(2026, 2, 10))])
