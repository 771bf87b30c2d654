"""Working days: weekends, national holidays and cuti bersama (core/workdays.py)."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from bimkemas.core.workdays import (
    FIRST_YEAR,
    LAST_YEAR,
    add_working_days,
    holidays,
    is_working_day,
    working_days_between,
)

DAYS = st.dates(min_value=dt.date(FIRST_YEAR, 1, 1), max_value=dt.date(LAST_YEAR, 11, 30))
COUNTS = st.integers(min_value=0, max_value=60)


def test_it_skips_the_weekend():
    friday = dt.date(2026, 11, 6)
    assert add_working_days(friday, 1) == dt.date(2026, 11, 9)  # Monday


def test_it_skips_idul_fitri_and_its_cuti_bersama_2026():
    # 19 Mar Nyepi, 20 cuti bersama, 21-22 Idul Fitri (weekend), 23-24 cuti bersama
    assert add_working_days(dt.date(2026, 3, 17), 1) == dt.date(2026, 3, 25)


def test_it_skips_christmas_and_its_cuti_bersama_2026():
    # Thursday 3 Dec: 4, 7-11, 14-18, 21-23 are 14 days; 24 (cuti bersama), 25 (Christmas)
    # and the weekend are not working days, so the 15th is Monday 28 Dec.
    assert add_working_days(dt.date(2026, 12, 3), 15) == dt.date(2026, 12, 28)
    assert working_days_between(dt.date(2026, 12, 3), dt.date(2026, 12, 28)) == 15


def test_it_knows_the_election_day_of_2024_and_the_pilkada_of_2020():
    assert not is_working_day(dt.date(2024, 2, 14))
    assert not is_working_day(dt.date(2020, 12, 9))


def test_it_counts_nothing_backwards_or_on_the_same_day():
    day = dt.date(2025, 5, 5)
    assert working_days_between(day, day) == 0
    assert working_days_between(day, day - dt.timedelta(days=3)) == 0


def test_every_holiday_lies_in_the_years_listed():
    assert all(FIRST_YEAR <= day.year <= LAST_YEAR for day in holidays())


@settings(deadline=None)
@given(DAYS, COUNTS)
def test_counting_back_the_days_added_gives_the_same_number(start, n):
    assert working_days_between(start, add_working_days(start, n)) == n


@settings(deadline=None)
@given(DAYS, COUNTS)
def test_the_day_reached_is_a_working_day(start, n):
    end = add_working_days(start, n)
    assert end >= start
    assert n == 0 or is_working_day(end)


@settings(deadline=None)
@given(DAYS, DAYS)
def test_counting_matches_walking_day_by_day(a, b):
    start, end = min(a, b), max(a, b)
    if (end - start).days > 120:
        end = start + dt.timedelta(days=120)
    walked = sum(
        1 for n in range(1, (end - start).days + 1) if is_working_day(start + dt.timedelta(days=n))
    )
    assert working_days_between(start, end) == walked


@settings(deadline=None)
@given(DAYS, DAYS, DAYS)
def test_counts_add_up_over_a_middle_day(a, b, c):
    x, y, z = sorted((a, b, c))
    assert working_days_between(x, z) == working_days_between(x, y) + working_days_between(y, z)
