"""Which reporting frequency applies to a case on which days, and so which periods it owes.

Order of precedence: the case's own schedules (`CaseSchedule`, newest `starts_on` in force),
else the SK's special condition when it states a frequency ("dua kali sebulan"), else the
office's default for the programme (`ReportingDefault`), else the built-in default
of DOMAIN.md §3: asimilasi weekly, every integration programme (PB, CB, CMB) monthly.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bimkemas.clients.conditions import duty_from_conditions
from bimkemas.reporting.models import DEFAULT_GRACE_DAYS, Frequency, ScheduleBasis
from bimkemas.reporting.periods import Period, calendar_period, periods_between

WEEKLY_PROGRAMMES = ("ASIMILASI",)
# Where a rule comes from, besides a case's own schedule (whose basis is a ScheduleBasis).
BUILTIN_DEFAULT = "builtin"
OFFICE_DEFAULT = "office"


@dataclass(frozen=True)
class Rule:
    """A reporting frequency and grace period, with where it was decided: `basis` is
    BUILTIN_DEFAULT, OFFICE_DEFAULT or the ScheduleBasis of the case's own schedule, whose
    reference and author (`set_by_id`) it carries."""

    frequency: str
    grace_days: int = DEFAULT_GRACE_DAYS
    basis: str = BUILTIN_DEFAULT
    reference: str = ""
    set_by_id: int | None = None


@dataclass(frozen=True)
class Segment:
    """A stretch of a case's guidance under one rule, both ends included."""

    rule: Rule
    starts_on: dt.date
    ends_on: dt.date


@dataclass(frozen=True)
class OwedPeriod:
    period: Period
    grace_days: int
    frequency: str = ""

    @property
    def closes_on(self) -> dt.date:
        return self.period.closes_on(self.grace_days)


# The duties an SK's special condition can state, as reporting frequencies: (times, per).
CONDITION_FREQUENCIES = {
    (1, "week"): Frequency.WEEKLY,
    (2, "week"): Frequency.TWICE_WEEKLY,
    (1, "month"): Frequency.MONTHLY,
    (2, "month"): Frequency.TWICE_MONTHLY,
}


def condition_rule(special_conditions: str) -> Rule | None:
    """The rule an SK's special conditions set ("wajib lapor dua kali sebulan"), if they state
    one this engine can keep; an SK's condition outranks the office's default."""
    duty = duty_from_conditions(special_conditions or "")
    frequency = duty and CONDITION_FREQUENCIES.get((duty.times, duty.per))
    if not frequency:
        return None
    return Rule(frequency, basis=ScheduleBasis.SPECIAL_CONDITION, reference="SK")


def builtin_rule(programme_code: str) -> Rule:
    weekly = programme_code.upper() in WEEKLY_PROGRAMMES
    return Rule(Frequency.WEEKLY if weekly else Frequency.MONTHLY)


def segments(
    *,
    guidance_start: dt.date,
    guidance_end: dt.date,
    default: Rule,
    own: Iterable[tuple[dt.date, Rule]] = (),
) -> list[Segment]:
    """Split a guidance period by the case's own schedules (`own`: (starts_on, rule) pairs).

    1. The default rule holds from the guidance start until the first own schedule.
    2. Each own schedule holds from its start until the next one starts (the later
       `starts_on` wins; of two with the same date, the later in `own` wins).
    3. Schedules starting before the guidance start apply from the guidance start.
    """
    changes: dict[dt.date, Rule] = {guidance_start: default}
    for starts_on, rule in sorted(own, key=lambda pair: pair[0]):
        changes[max(starts_on, guidance_start)] = rule
    starts = sorted(day for day in changes if day <= guidance_end)
    result = []
    for index, starts_on in enumerate(starts):
        next_start = starts[index + 1] if index + 1 < len(starts) else None
        ends_on = next_start - dt.timedelta(days=1) if next_start else guidance_end
        result.append(Segment(changes[starts_on], starts_on, ends_on))
    return result


def owed_periods(
    parts: Sequence[Segment], *, until: dt.date, since: dt.date | None = None
) -> list[OwedPeriod]:
    """Every period the case owes a report for, up to the one containing `until` — from the
    one containing `since` when given (the nightly scan looks back only so far)."""
    owed = []
    for part in parts:
        if part.starts_on > until:
            break
        if since is not None and part.ends_on < since:
            continue
        begin = part.starts_on
        if since is not None and since > begin:
            begin = max(begin, calendar_period(part.rule.frequency, since).starts_on)
        for period in periods_between(part.rule.frequency, begin, part.ends_on):
            if period.starts_on > until:
                break
            owed.append(OwedPeriod(period, part.rule.grace_days, part.rule.frequency))
    return owed
