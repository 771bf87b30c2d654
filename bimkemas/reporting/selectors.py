"""Reads shared by the reporting pages, the API and the compliance scan.

- `rules_for_cases(cases)`: each case's reporting rules over its guidance, as `Segment`s, in
  three queries whatever the number of cases.
- `case_compliance(case, day)`: every period a case owed up to `day` and what became of it,
  for the client page and the API ("which periods were missed, which excused, and why").
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bimkemas.accounts.models import User
from bimkemas.clients.models import SupervisionCase
from bimkemas.reporting.models import (
    CaseSchedule,
    CheckIn,
    Excuse,
    Frequency,
    Outcome,
    ReportingDefault,
    ScheduleBasis,
)
from bimkemas.reporting.periods import judge
from bimkemas.reporting.schedules import (
    BUILTIN_DEFAULT,
    OFFICE_DEFAULT,
    Rule,
    Segment,
    builtin_rule,
    condition_rule,
    owed_periods,
    segments,
)

OPEN = "open"  # a period still running, or ended but within its grace days
STATUS_LABELS = {
    Outcome.REPORTED: _("Reported"),
    Outcome.MISSED: _("Missed"),
    Outcome.EXCUSED: _("Excused"),
    OPEN: _("Open"),
}
BASIS_LABELS = {
    BUILTIN_DEFAULT: _("Default for the programme"),
    OFFICE_DEFAULT: _("Office default for the programme"),
    **dict(ScheduleBasis.choices),
}

CaseIds = Iterable[int] | QuerySet[SupervisionCase]


def duty_end(guidance_end: dt.date, closed_on: dt.date | None) -> dt.date:
    """The last day a case owes reports: its guidance end, or the day it closed if earlier."""
    return min(guidance_end, closed_on) if closed_on else guidance_end


def case_filter(cases: CaseIds) -> dict:
    """Filter arguments for rows of these cases: a subquery, or a list of ids."""
    if isinstance(cases, QuerySet):
        return {"case__in": cases.values("pk")}
    return {"case_id__in": list(cases)}


def rules_for_cases(cases: CaseIds) -> dict[int, list[Segment]]:
    """Each case's reporting rules over its duty (guidance start to `duty_end`), keyed by
    case id; a case whose duty has not begun maps to [].

    `cases` is a queryset of cases (used as a subquery) or case ids. Three queries: the
    cases (dates, programme code, office), the office defaults of those offices, the cases'
    own schedules. Precedence: the case's own schedules, newest `starts_on` in force (see
    `schedules.segments`), else the SK's special condition when it states a frequency, else
    the office default, else the built-in default."""
    if not isinstance(cases, QuerySet):
        cases = [int(pk) for pk in cases]
    queryset = (
        cases if isinstance(cases, QuerySet) else SupervisionCase.objects.filter(pk__in=cases)
    )
    case_rows = queryset.values_list(
        "pk", "office_id", "programme_id", "programme__code", "guidance_start", "guidance_end",
        "closed_on", "special_conditions",
    )  # fmt: skip
    rows = list(case_rows)
    defaults = {
        (d.office_id, d.programme_id): Rule(d.frequency, d.grace_days, OFFICE_DEFAULT)
        for d in ReportingDefault.objects.filter(office_id__in={row[1] for row in rows})
    }
    own: dict[int, list[tuple[dt.date, Rule]]] = defaultdict(list)
    schedules = CaseSchedule.objects.filter(**case_filter(cases)).order_by("starts_on", "pk")
    for s in schedules.values_list(
        "case_id", "starts_on", "frequency", "grace_days", "basis", "reference", "set_by_id"
    ):
        case_id, starts_on, frequency, grace, basis, reference, set_by_id = s
        own[case_id].append((starts_on, Rule(frequency, grace, basis, reference, set_by_id)))
    result = {}
    for pk, office_id, programme_id, code, start, end, closed_on, conditions in rows:
        default = (
            condition_rule(conditions)
            or defaults.get((office_id, programme_id))
            or builtin_rule(code)
        )
        result[pk] = segments(
            guidance_start=start,
            guidance_end=duty_end(end, closed_on),
            default=default,
            own=own[pk],
        )
    return result


@dataclass(frozen=True)
class EffectiveSchedule:
    """The rule a case reports under on a day: frequency and grace days, since when, and
    who decided it (`basis`: built-in default, office default or a ScheduleBasis)."""

    frequency: str
    grace_days: int
    since: dt.date
    basis: str
    reference: str = ""
    set_by: User | None = None

    @property
    def frequency_display(self) -> str:
        return str(Frequency(self.frequency).label)

    @property
    def basis_display(self) -> str:
        return str(BASIS_LABELS.get(self.basis, self.basis))


@dataclass(frozen=True)
class PeriodStatus:
    """One owed period and what became of it.

    `status` is Outcome.REPORTED (with `checkins`, the counting contacts inside it),
    Outcome.EXCUSED (with `excuse_reasons`), Outcome.MISSED, or OPEN: the current period or
    one within its grace days, not yet reported, due by `closes_on`. `excuse_reasons` lists
    every excuse overlapping the period, whatever its status. `consecutive_misses` counts
    the misses in a row ending with this period (0 unless missed; excused periods neither
    break nor extend a run, open ones are not counted)."""

    starts_on: dt.date
    ends_on: dt.date
    closes_on: dt.date
    frequency: str
    status: str
    checkins: tuple[CheckIn, ...] = ()
    excuse_reasons: tuple[str, ...] = ()
    consecutive_misses: int = 0

    @property
    def status_display(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def is_open(self) -> bool:
        return self.status == OPEN


@dataclass(frozen=True)
class CaseCompliance:
    """A case's reporting record up to `day`: `periods` oldest first (the last may be
    open), the current run of consecutive misses, and the schedule in force (None before
    the duty starts)."""

    case: SupervisionCase
    day: dt.date
    periods: list[PeriodStatus]
    consecutive_misses: int
    schedule: EffectiveSchedule | None
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def open_periods(self) -> list[PeriodStatus]:
        return [p for p in self.periods if p.is_open]

    @property
    def concluded(self) -> list[PeriodStatus]:
        return [p for p in self.periods if not p.is_open]

    @property
    def rate(self) -> float | None:
        """Share of the concluded, non-excused periods that were reported (None if none)."""
        reported = self.counts.get(Outcome.REPORTED, 0)
        owed = reported + self.counts.get(Outcome.MISSED, 0)
        return reported / owed if owed else None


def next_consecutive(previous: int, outcome: str) -> int:
    """The run of misses after a period: a miss extends it, a report ends it, an excused
    period leaves it as it was (the client was not at fault, nor did they report)."""
    if outcome == Outcome.MISSED:
        return previous + 1
    if outcome == Outcome.REPORTED:
        return 0
    return previous


def _effective_schedule(parts: list[Segment], day: dt.date) -> EffectiveSchedule | None:
    current = [part for part in parts if part.starts_on <= day]
    if not current:
        return None
    part = current[-1]
    rule = part.rule
    set_by = User.objects.filter(pk=rule.set_by_id).first() if rule.set_by_id else None
    return EffectiveSchedule(
        rule.frequency, rule.grace_days, part.starts_on, rule.basis, rule.reference, set_by
    )


def case_compliance(case: SupervisionCase, day: dt.date) -> CaseCompliance:
    """Every period `case` owed up to the one containing `day`, each with its status.

    1. The rules (`rules_for_cases`) give the owed periods from the guidance start to
       `day` (never past the guidance end or the day the case closed).
    2. The counting check-ins up to `day` (their date in the project's time zone) and the
       case's excuses are read once.
    3. A period whose grace has passed (`closes_on < day`) is judged as the compliance scan
       judges it (`periods.judge`); a later one is reported if a check-in is already in it,
       else OPEN. The run of misses is carried through the concluded periods.
    Live: a check-in or excuse recorded a moment ago shows at once, before the nightly scan
    stores the outcomes (`PeriodOutcome`) from which violations are opened.
    No access check and no audit here: the caller has done both."""
    parts = rules_for_cases([case.pk]).get(case.pk, [])
    owed = owed_periods(parts, until=day)
    end_of_day = timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time()))
    checkins = list(
        CheckIn.objects.filter(case=case, counts=True, occurred_at__lt=end_of_day)
        .select_related("recorded_by")
        .order_by("occurred_at")
    )
    by_day: dict[dt.date, list[CheckIn]] = defaultdict(list)
    for checkin in checkins:
        by_day[timezone.localdate(checkin.occurred_at)].append(checkin)
    excuses = list(Excuse.objects.filter(case=case).order_by("starts_on"))
    spans = [(e.starts_on, e.ends_on) for e in excuses]

    statuses: list[PeriodStatus] = []
    run = 0
    counts: dict[str, int] = defaultdict(int)
    for item in owed:
        period = item.period
        inside = tuple(c for d in sorted(by_day) if d in period for c in by_day[d])
        reasons = tuple(
            e.reason
            for e in excuses
            if e.starts_on <= period.ends_on and e.ends_on >= period.starts_on
        )
        if item.closes_on < day:
            status = judge(period, by_day.keys(), spans)
            run = next_consecutive(run, status)
        else:
            status = Outcome.REPORTED if inside else OPEN
            if inside:  # a report ends a run of misses at once, before its period is judged
                run = 0
        counts[status] += 1
        statuses.append(
            PeriodStatus(
                starts_on=period.starts_on,
                ends_on=period.ends_on,
                closes_on=item.closes_on,
                frequency=item.frequency,
                status=status,
                checkins=inside,
                excuse_reasons=reasons,
                consecutive_misses=run if status == Outcome.MISSED else 0,
            )
        )
    return CaseCompliance(
        case=case,
        day=day,
        periods=statuses,
        consecutive_misses=run,
        schedule=_effective_schedule(parts, day),
        counts=dict(counts),
    )
