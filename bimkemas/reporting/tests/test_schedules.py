"""Which rule applies on which days of a case's guidance, and which periods it owes."""

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from bimkemas.reporting.models import Frequency
from bimkemas.reporting.periods import Period
from bimkemas.reporting.schedules import Rule, Segment, builtin_rule, owed_periods, segments

MONTHLY = Rule("monthly")
WEEKLY = Rule("weekly", 1)
START, END = dt.date(2026, 1, 14), dt.date(2026, 12, 31)


def test_it_reports_weekly_on_asimilasi_and_monthly_on_integration_programmes():
    assert builtin_rule("asimilasi").frequency == Frequency.WEEKLY
    for code in ("PB", "CB", "CMB"):
        assert builtin_rule(code).frequency == Frequency.MONTHLY


def test_it_applies_the_default_over_the_whole_guidance_without_schedules():
    assert segments(guidance_start=START, guidance_end=END, default=MONTHLY) == [
        Segment(MONTHLY, START, END)
    ]


def test_it_switches_rule_on_the_day_a_schedule_starts():
    parts = segments(
        guidance_start=START,
        guidance_end=END,
        default=MONTHLY,
        own=[(dt.date(2026, 3, 4), WEEKLY)],
    )

    assert parts == [
        Segment(MONTHLY, START, dt.date(2026, 3, 3)),
        Segment(WEEKLY, dt.date(2026, 3, 4), END),
    ]


def test_it_applies_a_schedule_from_before_the_guidance_from_its_start():
    parts = segments(
        guidance_start=START, guidance_end=END, default=MONTHLY, own=[(dt.date(2025, 1, 1), WEEKLY)]
    )

    assert parts == [Segment(WEEKLY, START, END)]


def test_it_lets_the_later_of_two_schedules_of_one_day_win():
    twice = Rule("twice_monthly")
    parts = segments(
        guidance_start=START,
        guidance_end=END,
        default=MONTHLY,
        own=[(dt.date(2026, 5, 1), WEEKLY), (dt.date(2026, 5, 1), twice)],
    )

    assert parts[-1] == Segment(twice, dt.date(2026, 5, 1), END)


def test_it_ignores_a_schedule_starting_after_the_guidance():
    parts = segments(
        guidance_start=START, guidance_end=END, default=MONTHLY, own=[(dt.date(2027, 2, 1), WEEKLY)]
    )

    assert parts == [Segment(MONTHLY, START, END)]


def test_it_owes_periods_up_to_the_one_containing_the_day():
    parts = segments(guidance_start=START, guidance_end=END, default=MONTHLY)

    owed = owed_periods(parts, until=dt.date(2026, 3, 2))

    assert [item.period for item in owed] == [
        Period(START, dt.date(2026, 1, 31)),
        Period(dt.date(2026, 2, 1), dt.date(2026, 2, 28)),
        Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31)),
    ]
    assert owed[0].closes_on == dt.date(2026, 2, 3)


def test_it_clips_periods_where_the_schedule_changes_mid_period():
    parts = segments(
        guidance_start=START, guidance_end=END, default=MONTHLY, own=[(dt.date(2026, 3, 4), WEEKLY)]
    )

    owed = owed_periods(parts, until=dt.date(2026, 3, 16))

    assert [
        (o.period.starts_on, o.period.ends_on, o.grace_days, o.frequency) for o in owed[2:]
    ] == [
        (dt.date(2026, 3, 1), dt.date(2026, 3, 3), 3, "monthly"),
        (dt.date(2026, 3, 4), dt.date(2026, 3, 8), 1, "weekly"),  # Wednesday to Sunday
        (dt.date(2026, 3, 9), dt.date(2026, 3, 15), 1, "weekly"),
        (dt.date(2026, 3, 16), dt.date(2026, 3, 22), 1, "weekly"),
    ]
    assert owed[3].closes_on == dt.date(2026, 3, 9)


def test_it_owes_nothing_before_the_guidance_starts():
    parts = segments(guidance_start=START, guidance_end=END, default=MONTHLY)

    assert owed_periods(parts, until=dt.date(2026, 1, 13)) == []


RULES = st.builds(Rule, st.sampled_from(Frequency.values), st.integers(0, 14))


@settings(deadline=None)
@given(
    start=st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
    length=st.integers(0, 700),
    default=RULES,
    own=st.lists(st.tuples(st.dates(dt.date(2019, 6, 1), dt.date(2032, 1, 1)), RULES), max_size=5),
)
def test_it_covers_the_guidance_exactly_once_whatever_the_schedules(start, length, default, own):
    end = start + dt.timedelta(days=length)
    parts = segments(guidance_start=start, guidance_end=end, default=default, own=own)
    owed = owed_periods(parts, until=end)

    assert parts[0].starts_on == start and parts[-1].ends_on == end
    assert owed[0].period.starts_on == start and owed[-1].period.ends_on == end
    for before, after in itertools.pairwise(owed):
        assert after.period.starts_on == before.period.ends_on + dt.timedelta(days=1)
    # the rule in force on each day is the newest schedule started by then, else the default
    for item in owed:
        day = item.period.starts_on
        started = [
            rule for on, rule in sorted(own, key=lambda pair: pair[0]) if max(on, start) <= day
        ]
        expected = started[-1] if started else default
        assert (item.frequency, item.grace_days) == (expected.frequency, expected.grace_days)
