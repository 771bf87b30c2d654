"""Reporting periods: the calendar slices in each of which a client must report once.

Pure functions, no database. A period is satisfied by any counting contact inside it.
- weekly: Monday to Sunday;
- twice a week: Monday to Wednesday, Thursday to Sunday;
- monthly: the calendar month;
- twice a month: the 1st to the 15th, the 16th to the month's end.
A case's first period starts on its guidance start (a case starting mid-period owes one
report for the rest of that period) and its last ends on its guidance end.
"""

import calendar
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from bimkemas.reporting.models import Frequency, Outcome


@dataclass(frozen=True, order=True)
class Period:
    starts_on: dt.date
    ends_on: dt.date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.starts_on <= day <= self.ends_on

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1

    def closes_on(self, grace_days: int) -> dt.date:
        """The last day a report may still arrive before the period counts as missed."""
        return self.ends_on + dt.timedelta(days=grace_days)


def calendar_period(frequency: str, day: dt.date) -> Period:
    """The whole calendar period of `frequency` that contains `day`."""
    if frequency == Frequency.WEEKLY:
        monday = day - dt.timedelta(days=day.weekday())
        return Period(monday, monday + dt.timedelta(days=6))
    if frequency == Frequency.TWICE_WEEKLY:
        monday = day - dt.timedelta(days=day.weekday())
        if day.weekday() <= 2:
            return Period(monday, monday + dt.timedelta(days=2))
        return Period(monday + dt.timedelta(days=3), monday + dt.timedelta(days=6))
    last = calendar.monthrange(day.year, day.month)[1]
    if frequency == Frequency.TWICE_MONTHLY:
        if day.day <= 15:
            return Period(day.replace(day=1), day.replace(day=15))
        return Period(day.replace(day=16), day.replace(day=last))
    if frequency == Frequency.MONTHLY:
        return Period(day.replace(day=1), day.replace(day=last))
    raise ValueError(f"unknown frequency {frequency!r}")


def periods_between(frequency: str, start: dt.date, end: dt.date) -> Iterator[Period]:
    """The periods from `start` to `end` (both included), the first and last clipped to them."""
    day = start
    while day <= end:
        whole = calendar_period(frequency, day)
        yield Period(max(whole.starts_on, start), min(whole.ends_on, end))
        day = whole.ends_on + dt.timedelta(days=1)


def excused_days(period: Period, excuses: Iterable[tuple[dt.date, dt.date]]) -> int:
    """How many days of `period` fall inside at least one excuse ((from, until), both ends
    included); overlapping excuses are counted once."""
    covered: set[dt.date] = set()
    for starts_on, ends_on in excuses:
        day = max(starts_on, period.starts_on)
        while day <= min(ends_on, period.ends_on):
            covered.add(day)
            day += dt.timedelta(days=1)
    return len(covered)


def is_excused(period: Period, excuses: Iterable[tuple[dt.date, dt.date]]) -> bool:
    """A period without a report is excused when excuses cover at least half of its days.

    Why half: a client in hospital for two days of a month could still report on the other
    28, and an officer would not expect that month forgiven; one away for most of the
    period could not reasonably report in what was left."""
    return 2 * excused_days(period, excuses) >= period.days


def judge(
    period: Period,
    report_days: Iterable[dt.date],
    excuses: Iterable[tuple[dt.date, dt.date]],
) -> str:
    """The outcome of a closed period: reported if any counting contact's local date lies
    inside it, else excused (see `is_excused`), else missed. A report always wins."""
    return outcome_of(period, reported=any(day in period for day in report_days), excuses=excuses)


def outcome_of(
    period: Period, *, reported: bool, excuses: Iterable[tuple[dt.date, dt.date]]
) -> str:
    """`judge` for a caller that already knows whether the period holds a report."""
    if reported:
        return Outcome.REPORTED
    if is_excused(period, excuses):
        return Outcome.EXCUSED
    return Outcome.MISSED
