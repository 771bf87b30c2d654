"""The stage engine: boundaries, odd lengths, custom fractions, and agreement with SQL."""

import datetime as dt
import itertools
import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bimkemas.clients.models import SupervisionCase
from bimkemas.clients.services import case_set_stage_dates
from bimkemas.clients.stages import (
    GUIDANCE_STAGES,
    Stage,
    as_fractions,
    period_days,
    stage_offsets,
    stage_on,
    stage_start_date,
    timeline,
)

D = dt.date
DAY = dt.timedelta(days=1)
AWAL, LANJUTAN, AKHIR = Stage.AWAL, Stage.LANJUTAN, Stage.AKHIR


def stages_of(start: dt.date, end: dt.date, fractions=None) -> list[Stage]:
    extra = {"fractions": fractions} if fractions else {}
    days = period_days(start, end)
    return [stage_on(start + dt.timedelta(days=t), start, end, **extra) for t in range(days)]


# A 365-day period (2025): L·¼ = 91.25, L·¾ = 273.75 → lanjutan from day 92, akhir from 274.
START_365, END_365 = D(2025, 1, 1), D(2025, 12, 31)


def test_it_counts_both_ends_of_the_period():
    assert period_days(START_365, END_365) == 365
    assert period_days(START_365, START_365) == 1


def test_it_starts_tahap_lanjutan_on_day_92_of_a_365_day_period():
    assert stage_on(START_365 + 91 * DAY, START_365, END_365) == AWAL
    assert stage_on(START_365 + 92 * DAY, START_365, END_365) == LANJUTAN
    assert stage_start_date(START_365, END_365, LANJUTAN, (Fraction(1, 4), Fraction(3, 4))) == D(
        2025, 4, 3
    )


def test_it_starts_tahap_akhir_on_day_274_of_a_365_day_period():
    assert stage_on(START_365 + 273 * DAY, START_365, END_365) == LANJUTAN
    assert stage_on(START_365 + 274 * DAY, START_365, END_365) == AKHIR
    assert D(2025, 10, 2) == START_365 + 274 * DAY


def test_it_keeps_the_last_day_in_tahap_akhir():
    assert stage_on(END_365, START_365, END_365) == AKHIR


def test_it_has_not_started_the_day_before_the_start():
    assert stage_on(START_365 - DAY, START_365, END_365) == Stage.NOT_STARTED


def test_it_is_finished_the_day_after_the_end_without_aftercare():
    assert stage_on(END_365 + DAY, START_365, END_365) == Stage.FINISHED


def test_it_is_in_aftercare_after_the_end_until_the_aftercare_date():
    until = END_365 + 30 * DAY
    assert stage_on(END_365 + DAY, START_365, END_365, aftercare_until=until) == Stage.AFTERCARE
    assert stage_on(until, START_365, END_365, aftercare_until=until) == Stage.AFTERCARE
    assert stage_on(until + DAY, START_365, END_365, aftercare_until=until) == Stage.FINISHED


def test_it_ignores_aftercare_before_the_period_ends():
    until = END_365 + 30 * DAY
    assert stage_on(END_365, START_365, END_365, aftercare_until=until) == AKHIR
    assert stage_on(START_365 - DAY, START_365, END_365, aftercare_until=until) == (
        Stage.NOT_STARTED
    )


def test_it_splits_a_366_day_period_at_days_92_and_275():
    # L·¼ = 91.5, L·¾ = 274.5.
    start, end = D(2023, 7, 1), D(2024, 6, 30)  # spans 29 February 2024
    assert period_days(start, end) == 366
    assert stage_offsets(start, end) == (92, 275)
    assert stage_on(start + 91 * DAY, start, end) == AWAL
    assert stage_on(start + 92 * DAY, start, end) == LANJUTAN
    assert stage_on(start + 274 * DAY, start, end) == LANJUTAN
    assert stage_on(start + 275 * DAY, start, end) == AKHIR


def test_it_counts_29_february_as_a_day_of_the_period():
    start, end = D(2024, 2, 1), D(2024, 3, 31)  # 60 days with the leap day
    assert period_days(start, end) == 60
    assert stage_offsets(start, end) == (15, 45)
    assert stage_start_date(start, end, LANJUTAN, (Fraction(1, 4), Fraction(3, 4))) == D(
        2024, 2, 16
    )
    assert stage_on(D(2024, 2, 29), start, end) == LANJUTAN
    assert stage_start_date(start, end, AKHIR, (Fraction(1, 4), Fraction(3, 4))) == D(2024, 3, 17)


def test_it_treats_a_one_day_period_as_tahap_awal():
    day = D(2024, 2, 29)
    assert stages_of(day, day) == [AWAL]
    assert [span.stage for span in timeline(day, day)] == [AWAL]


def test_it_splits_short_periods_by_the_rule():
    start = D(2026, 3, 1)
    assert stages_of(start, start + 1 * DAY) == [AWAL, LANJUTAN]
    assert stages_of(start, start + 2 * DAY) == [AWAL, LANJUTAN, LANJUTAN]
    assert stages_of(start, start + 3 * DAY) == [AWAL, LANJUTAN, LANJUTAN, AKHIR]


def test_it_leaves_empty_stages_out_of_the_timeline():
    start = D(2026, 3, 1)
    assert [span.stage for span in timeline(start, start + DAY)] == [AWAL, LANJUTAN]


def test_it_refuses_a_period_that_ends_before_it_starts():
    with pytest.raises(ValueError):
        stage_on(D(2026, 1, 1), D(2026, 1, 2), D(2026, 1, 1))
    with pytest.raises(ValueError):
        timeline(D(2026, 1, 2), D(2026, 1, 1))


def test_it_splits_by_thirds():
    start = D(2026, 1, 1)
    thirds = (Fraction(1, 3), Fraction(2, 3))
    assert stage_offsets(start, start + 8 * DAY, thirds) == (3, 6)
    assert stages_of(start, start + 8 * DAY, thirds) == [AWAL] * 3 + [LANJUTAN] * 3 + [AKHIR] * 3
    # 10 days: 10/3 = 3.33 → 4 days of awal; 20/3 = 6.67 → akhir from day 7.
    assert stage_offsets(start, start + 9 * DAY, thirds) == (4, 7)


def test_it_takes_decimal_fractions_from_the_office():
    start = D(2026, 1, 1)
    office_rule = (Decimal("0.250"), Decimal("0.750"))
    assert stage_offsets(start, start + 364 * DAY, office_rule) == (92, 274)
    assert stage_offsets(start, start + 99 * DAY, (Decimal("0.333"), Decimal("0.5"))) == (34, 50)


def test_it_shows_aftercare_in_the_timeline():
    until = END_365 + 10 * DAY
    spans = timeline(START_365, END_365, aftercare_until=until)
    assert spans[-1].stage == Stage.AFTERCARE
    assert (spans[-1].first_day, spans[-1].last_day, spans[-1].days) == (END_365 + DAY, until, 10)


@pytest.mark.parametrize(
    "fractions",
    [
        (Fraction(0), Fraction(1, 2)),
        (Fraction(1, 2), Fraction(1)),
        (Fraction(3, 4), Fraction(1, 4)),
        (Fraction(1, 2), Fraction(1, 2)),
        (Decimal("-0.1"), Decimal("0.5")),
        (Decimal("0.5"), Decimal("1.5")),
    ],
)
def test_it_rejects_invalid_fractions(fractions):
    with pytest.raises(ValueError):
        as_fractions(*fractions)
    with pytest.raises(ValueError):
        stage_on(D(2026, 1, 1), D(2026, 1, 1), D(2026, 12, 31), fractions)


# Properties.

starts = st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31))
lengths = st.integers(min_value=1, max_value=3000)


@st.composite
def fraction_pairs(draw):
    """Two fractions 0 < a < b < 1: exact ones, or Decimals with three places as an office
    stores them."""
    as_decimal = draw(st.booleans())
    denominator = 1000 if as_decimal else draw(st.integers(min_value=3, max_value=1000))
    first = draw(st.integers(min_value=1, max_value=denominator - 2))
    second = draw(st.integers(min_value=first + 1, max_value=denominator - 1))
    if as_decimal:
        return Decimal(first) / 1000, Decimal(second) / 1000
    return Fraction(first, denominator), Fraction(second, denominator)


def sample_offsets(draw, length: int) -> list[int]:
    picked = draw(st.lists(st.integers(min_value=0, max_value=length - 1), max_size=40))
    return sorted({0, length - 1, *picked})


@settings(deadline=None)  # a loaded CI machine must not fail a correct rule
@given(start=starts, length=lengths, fractions=fraction_pairs())
def test_it_puts_every_day_in_exactly_one_stage_in_order(start, length, fractions):
    end = start + (length - 1) * DAY
    lanjutan_at, akhir_at = stage_offsets(start, end, fractions)
    assert 1 <= lanjutan_at <= akhir_at <= length
    order = {stage: index for index, stage in enumerate(GUIDANCE_STAGES)}
    seen = [order[stage] for stage in stages_of(start, end, fractions)]
    assert len(seen) == length
    assert seen == sorted(seen)
    assert seen.count(0) == lanjutan_at
    assert seen.count(2) == length - akhir_at


@settings(deadline=None)  # a loaded CI machine must not fail a correct rule
@given(start=starts, length=lengths, fractions=fraction_pairs())
def test_it_gives_tahap_awal_the_ceiling_of_its_share(start, length, fractions):
    end = start + (length - 1) * DAY
    awal = timeline(start, end, fractions)[0]
    assert awal.stage == AWAL
    assert awal.days == math.ceil(length * Fraction(fractions[0]))


@settings(deadline=None)  # a loaded CI machine must not fail a correct rule
@given(start=starts, length=lengths, fractions=fraction_pairs(), data=st.data())
def test_it_builds_a_contiguous_timeline_that_agrees_with_stage_on(start, length, fractions, data):
    end = start + (length - 1) * DAY
    spans = timeline(start, end, fractions)
    assert spans[0].first_day == start
    assert spans[-1].last_day == end
    assert sum(span.days for span in spans) == length
    for before, after in itertools.pairwise(spans):
        assert after.first_day == before.last_day + DAY
    assert [s.stage for s in spans] == [s for s in GUIDANCE_STAGES if s in {x.stage for x in spans}]
    for offset in sample_offsets(data.draw, length):
        day = start + offset * DAY
        (span,) = [s for s in spans if s.first_day <= day <= s.last_day]
        assert stage_on(day, start, end, fractions) == span.stage


@settings(deadline=None)  # a loaded CI machine must not fail a correct rule
@given(
    start=starts,
    length=lengths,
    fractions=fraction_pairs(),
    day=st.dates(min_value=D(1999, 1, 1), max_value=D(2050, 12, 31)),
)
def test_it_ends_with_the_period(start, length, fractions, day):
    end = start + (length - 1) * DAY
    stage = stage_on(day, start, end, fractions)
    if day < start:
        assert stage == Stage.NOT_STARTED
    elif day > end:
        assert stage == Stage.FINISHED
    else:
        assert stage in GUIDANCE_STAGES


@pytest.fixture
def stage_case(make_case):
    return make_case()


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    start=st.dates(min_value=D(2000, 1, 1), max_value=D(2025, 12, 31)),
    length=lengths,
    aftercare_days=st.none() | st.integers(min_value=1, max_value=400),
    data=st.data(),
)
def test_it_agrees_with_the_sql_stage_filter(stage_case, start, length, aftercare_days, data):
    """The stored stage dates and models.stage_q give the stage the engine gives."""
    case = stage_case
    case.guidance_start = start
    case.guidance_end = start + (length - 1) * DAY
    case.aftercare_until = case.guidance_end + aftercare_days * DAY if aftercare_days else None
    case_set_stage_dates(case, case.office)
    case.save()
    end = case.aftercare_until or case.guidance_end
    offsets = sample_offsets(data.draw, (end - start).days + 1)
    days = [start - DAY, end + DAY] + [start + o * DAY for o in offsets]
    for day in days:
        expected = case.stage_on(day)
        found = [
            stage
            for stage in Stage
            if SupervisionCase.objects.filter(pk=case.pk).in_stage(stage, day).exists()
        ]
        assert found == [expected], day
