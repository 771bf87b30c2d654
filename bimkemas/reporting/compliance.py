"""The compliance scan: for every active case, what became of each closed reporting period.

A period is closed once its grace days have passed (`closes_on < day`); the grace days let
late records arrive (an offline phone's queue, the register book typed in the next morning)
— the report itself must lie inside the period. A closed period is reported, excused or
missed (`periods.judge`), stored as a `PeriodOutcome` with the run of consecutive misses
(`selectors.next_consecutive`: an excused period neither breaks nor extends a run; the
stored count of an excused period is the run it carries). Each third miss in a run (3, 6, …)
opens a violation of kind THREE_MISSES for the officer's decision, named after that period,
so that it is opened once however often the scan runs.

Set-based and idempotent: per office a fixed number of queries (cases, rules, reported
periods per 2,000, excuses, stored outcomes, one upsert, violations, phones), never one per
case. Two scans of one office at once take turns on the office's row lock, and the upsert
on (case, starts_on) and the violation's unique (case, source, source_key) keep even
unlocked runs from writing anything twice.
"""

import datetime as dt
import multiprocessing
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from bimkemas.accounts.models import Office
from bimkemas.clients.models import CaseStatus, Client, SupervisionCase
from bimkemas.reporting import scan_worker
from bimkemas.reporting.models import CheckIn, Excuse, Outcome, PeriodOutcome
from bimkemas.reporting.periods import outcome_of
from bimkemas.reporting.schedules import OwedPeriod, owed_periods
from bimkemas.reporting.selectors import next_consecutive, rules_for_cases
from bimkemas.violations.models import Violation, ViolationKind, ViolationSource
from bimkemas.violations.services import RuleFinding, violations_open_by_rule

# Closed periods that ended this recently are judged again on each run, so that a record
# or an excuse entered late corrects the outcome (and the runs after it).
RECHECK_DAYS = 35
MISSES_FOR_VIOLATION = 3
BATCH_SIZE = 1000


@dataclass
class ScanResult:
    """What a scan did: outcomes written per Outcome value (judged again ones included),
    violations opened now, and the active cases whose client's phones were all found
    unreachable (every phone checked and `verified_reachable` False), for a home visit."""

    day: dt.date
    offices: int = 0
    cases: int = 0
    outcomes: Counter = field(default_factory=Counter)
    violations: list[Violation] = field(default_factory=list)
    unreachable_case_ids: list[int] = field(default_factory=list)
    seconds: float = 0.0


@dataclass(frozen=True)
class _CaseRow:
    pk: int
    client_id: int
    last_concluded: dt.date | None
    recheck_from: dt.date | None
    carried: int


def compliance_scan(*, day: dt.date, office_id: int | None = None, workers: int = 1) -> ScanResult:
    """Scan one office, or every office (each in its own transaction): one after the
    other, or spread over `workers` processes on PostgreSQL (SQLite has one writer at a
    time, so more processes would only wait for each other)."""
    started = time.monotonic()
    offices = (
        [office_id]
        if office_id is not None
        else list(Office.objects.order_by("pk").values_list("pk", flat=True))
    )
    if workers > 1 and len(offices) > 1 and connection.vendor == "postgresql":
        result = _scan_in_processes(offices, day, workers)
    else:
        result = ScanResult(day=day)
        for pk in offices:
            scan_one_office(pk, day, result)
            result.offices += 1
    result.seconds = time.monotonic() - started
    return result


def _scan_in_processes(offices: list[int], day: dt.date, workers: int) -> ScanResult:
    """Each office in a fresh process (spawned, not forked: the caller may be a threaded
    job worker) connected to the caller's database, the results added up."""
    result = ScanResult(day=day)
    context = multiprocessing.get_context("spawn")
    database = dict(connection.settings_dict)
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=scan_worker.start, initargs=(database,)
    ) as pool:
        for part in pool.map(scan_worker.scan_office, offices, [day] * len(offices)):
            result.offices += part.offices
            result.cases += part.cases
            result.outcomes.update(part.outcomes)
            result.violations += part.violations
            result.unreachable_case_ids += part.unreachable_case_ids
    return result


@transaction.atomic
def scan_one_office(office_id: int, day: dt.date, result: ScanResult) -> None:
    """1. Lock the office's row: a second scan of this office waits, then finds this one's
       outcomes stored (under READ COMMITTED each statement sees them).
    2. Load the active cases with their last concluded period and the run carried from
       before the recheck horizon, and their rules.
    3. Plan each case's periods to judge; ask which of them hold a counting contact, read
       the excuses of the window that covers them all and the stored outcomes within the
       horizon.
    4. Judge in Python, upsert the outcomes, drop stored ones no longer owed (a schedule
       changed after the fact), open the violations, flag unreachable clients."""
    Office.objects.select_for_update().filter(pk=office_id).values_list("pk").first()
    horizon = day - dt.timedelta(days=RECHECK_DAYS)
    cases_qs = SupervisionCase.objects.filter(
        office_id=office_id, status=CaseStatus.ACTIVE, guidance_start__lt=day
    )
    cases = _load_cases(cases_qs, horizon)
    rules = rules_for_cases(cases_qs)
    plans = {
        c.pk: _plan(
            c,
            owed_periods(rules.get(c.pk, []), until=day, since=_looks_back_to(c, horizon)),
            day,
            horizon,
        )
        for c in cases
    }
    planned = [item for plan in plans.values() for item in plan]
    result.cases += len(cases)
    if planned:
        first = min(item.period.starts_on for item in planned)
        last = max(item.period.ends_on for item in planned)
        reported = _reported_periods(plans)
        excuses = _excuses(cases_qs, first, last)
        outcomes, findings = _judge(cases, plans, reported, excuses)
        _store(cases_qs, outcomes, horizon)
        result.outcomes.update(o.outcome for o in outcomes)
        result.violations += violations_open_by_rule(findings=findings)
    result.unreachable_case_ids += _unreachable(cases_qs)


def _load_cases(cases_qs: QuerySet[SupervisionCase], horizon: dt.date) -> list[_CaseRow]:
    outcomes = PeriodOutcome.objects.filter(case=OuterRef("pk")).order_by("-starts_on")
    rows = cases_qs.annotate(
        last_concluded=Subquery(outcomes.values("starts_on")[:1]),
        recheck_from=Subquery(
            outcomes.filter(ends_on__gte=horizon).order_by("starts_on").values("starts_on")[:1]
        ),
        carried=Subquery(outcomes.filter(ends_on__lt=horizon).values("consecutive_misses")[:1]),
    ).values_list("pk", "client_id", "last_concluded", "recheck_from", "carried")
    return [
        _CaseRow(pk, client, last, recheck, carried or 0)
        for pk, client, last, recheck, carried in rows
    ]


def _looks_back_to(case: _CaseRow, horizon: dt.date) -> dt.date | None:
    """The earliest day `_plan` may judge again for this case; None: from the start."""
    if case.last_concluded is None:
        return None
    earliest = min(horizon, case.last_concluded + dt.timedelta(days=1))
    return min(earliest, case.recheck_from) if case.recheck_from else earliest


def _plan(
    case: _CaseRow, owed: list[OwedPeriod], day: dt.date, horizon: dt.date
) -> list[OwedPeriod]:
    """The closed periods to judge now: those never concluded, and those that ended within
    the recheck horizon or start where the stored outcomes within it start (judged again, so
    a schedule changed after the fact replaces them). The run is carried from the stored
    outcome that ended before the horizon."""
    return [
        item
        for item in owed
        if item.closes_on < day
        and (
            item.period.ends_on >= horizon
            or case.last_concluded is None
            or item.period.starts_on > case.last_concluded
            or (case.recheck_from is not None and item.period.starts_on >= case.recheck_from)
        )
    ]


# Periods asked about per query: four parameters each, far inside SQLite's limit.
PERIODS_PER_QUERY = 2000
REPORTED_PERIODS_SQL = """
WITH planned(idx, case_id, begins, ends) AS (VALUES {rows})
SELECT planned.idx FROM planned
WHERE EXISTS (
    SELECT 1 FROM {checkins} c
    WHERE c.case_id = planned.case_id AND c.counts
      AND c.occurred_at >= planned.begins AND c.occurred_at < planned.ends
)
"""


def _reported_periods(plans: dict[int, list[OwedPeriod]]) -> set[tuple[int, dt.date]]:
    """The planned periods, as (case, first day), that hold a counting contact on one of
    their local dates (TIME_ZONE). One EXISTS per period on the check-ins' (case, time)
    index: no check-in row leaves the database, which matters with a year of reports
    (the ORM cannot join a list of values, hence the SQL)."""
    planned = [(case_id, item.period) for case_id, plan in plans.items() for item in plan]
    to_db = connection.ops.adapt_datetimefield_value
    reported: set[tuple[int, dt.date]] = set()
    for offset in range(0, len(planned), PERIODS_PER_QUERY):
        batch = planned[offset : offset + PERIODS_PER_QUERY]
        params: list[Any] = []
        for idx, (case_id, period) in enumerate(batch):
            params += [idx, case_id, to_db(_midnight(period.starts_on))]
            params.append(to_db(_midnight(period.ends_on + dt.timedelta(days=1))))
        sql = REPORTED_PERIODS_SQL.format(
            rows=", ".join(["(%s, %s, %s, %s)"] * len(batch)),
            checkins=connection.ops.quote_name(CheckIn._meta.db_table),
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for (idx,) in cursor.fetchall():
                case_id, period = batch[idx]
                reported.add((case_id, period.starts_on))
    return reported


def _midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def _excuses(
    cases_qs: QuerySet[SupervisionCase], first: dt.date, last: dt.date
) -> dict[int, list[tuple[dt.date, dt.date]]]:
    rows = Excuse.objects.filter(
        case__in=cases_qs.values("pk"), ends_on__gte=first, starts_on__lte=last
    ).values_list("case_id", "starts_on", "ends_on")
    spans: dict[int, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for case_id, starts_on, ends_on in rows:
        spans[case_id].append((starts_on, ends_on))
    return spans


def _judge(
    cases: list[_CaseRow],
    plans: dict[int, list[OwedPeriod]],
    reported: set[tuple[int, dt.date]],
    excuses: dict[int, list[tuple[dt.date, dt.date]]],
) -> tuple[list[PeriodOutcome], list[RuleFinding]]:
    outcomes, findings = [], []
    for case in cases:
        run = case.carried
        for item in plans[case.pk]:
            period = item.period
            outcome = outcome_of(
                period,
                reported=(case.pk, period.starts_on) in reported,
                excuses=excuses.get(case.pk, ()),
            )
            run = next_consecutive(run, outcome)
            outcomes.append(
                PeriodOutcome(
                    case_id=case.pk,
                    starts_on=period.starts_on,
                    ends_on=period.ends_on,
                    outcome=outcome,
                    consecutive_misses=run,
                )
            )
            if outcome == Outcome.MISSED and run % MISSES_FOR_VIOLATION == 0:
                findings.append(_finding(case, period.starts_on, period.ends_on, run))
    return outcomes, findings


def _finding(case: _CaseRow, starts_on: dt.date, ends_on: dt.date, run: int) -> RuleFinding:
    return RuleFinding(
        case_id=case.pk,
        client_id=case.client_id,
        kind=ViolationKind.THREE_MISSES,
        source=ViolationSource.REPORTING,
        source_key=f"missed:{starts_on:%Y-%m-%d}",
        occurred_on=ends_on,
        summary=_("%(count)d reports missed in a row, the last for %(start)s–%(end)s")
        % {"count": run, "start": f"{starts_on:%d/%m/%Y}", "end": f"{ends_on:%d/%m/%Y}"},
    )


def _store(
    cases_qs: QuerySet[SupervisionCase], outcomes: list[PeriodOutcome], horizon: dt.date
) -> None:
    """Upsert the outcomes that are new or changed (a nightly run judges most periods within
    the horizon again and finds them as they were); delete those stored within the horizon
    for periods the case no longer owes (its schedule changed after they were judged)."""
    stored = {
        (case_id, starts_on): (pk, (ends_on, outcome, misses))
        for pk, case_id, starts_on, ends_on, outcome, misses in PeriodOutcome.objects.filter(
            case__in=cases_qs.values("pk"), ends_on__gte=horizon
        ).values_list("pk", "case_id", "starts_on", "ends_on", "outcome", "consecutive_misses")
    }
    changed = [
        o
        for o in outcomes
        if stored.get((o.case_id, o.starts_on), (None, None))[1]
        != (o.ends_on, o.outcome, o.consecutive_misses)
    ]
    PeriodOutcome.objects.bulk_create(
        changed,
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["case", "starts_on"],
        update_fields=["ends_on", "outcome", "consecutive_misses", "computed_at"],
    )
    judged = {(o.case_id, o.starts_on) for o in outcomes}
    stale = [pk for key, (pk, _values) in stored.items() if key not in judged]
    if stale:
        PeriodOutcome.objects.filter(pk__in=stale).delete()


def _unreachable(cases_qs: QuerySet[SupervisionCase]) -> list[int]:
    """Active cases whose client has phones and every one was checked and found unreachable."""
    clients = (
        Client.objects.filter(pk__in=cases_qs.values("client_id"))
        .annotate(
            phones_total=Count("phones"),
            phones_unreachable=Count(
                "phones",
                filter=Q(phones__verified_reachable=False, phones__verified_on__isnull=False),
            ),
        )
        .filter(phones_total__gt=0, phones_unreachable=F("phones_total"))
    )
    return list(
        cases_qs.filter(client_id__in=clients.values("pk"))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
