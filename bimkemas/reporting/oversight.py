"""The supervisor's view of wajib lapor in one office: compliance per officer and per work
area over the last closed months, the work left undone, and the officers far below the
office's median. A handful of grouped queries whatever the size of the office.

Compliance = reported ÷ (reported + missed) of the periods that ended in the window
(excused periods left out). A period counts for the officer who holds the case now.

Outliers (as Recidiviz flags them, against the office's own spread): among officers with at
least MIN_PERIODS judged periods, an officer is flagged when their rate is below
median − 1.5 × IQR (interquartile range). When the officers are so alike that this gap is
under MIN_GAP points, MIN_GAP is used, so a hair below the median is never a flag. With
fewer than MIN_OFFICERS such officers nobody is flagged.
"""

import datetime as dt
import statistics
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from bimkemas.accounts.models import Office, User, WorkArea
from bimkemas.clients.caseload import officers_with_load
from bimkemas.clients.models import SupervisionCase
from bimkemas.reporting.models import CheckIn, Outcome, PeriodOutcome, ReviewStatus
from bimkemas.reporting.statistics import add_months
from bimkemas.reporting.work_items import unfollowed_misses

WINDOW_MONTHS = 3
MIN_PERIODS = 10
MIN_OFFICERS = 4
IQR_FACTOR = 1.5
MIN_GAP = 5.0

COUNTS = {
    "reported": Count("pk", filter=Q(outcome=Outcome.REPORTED)),
    "missed": Count("pk", filter=Q(outcome=Outcome.MISSED)),
    "excused": Count("pk", filter=Q(outcome=Outcome.EXCUSED)),
}


def closed_months(day: dt.date, count: int = WINDOW_MONTHS) -> tuple[dt.date, dt.date]:
    """The first and last day of the `count` calendar months before `day`'s month."""
    this_month = day.replace(day=1)
    return add_months(this_month, -count), this_month - dt.timedelta(days=1)


@dataclass
class Tally:
    reported: int = 0
    missed: int = 0
    excused: int = 0

    @property
    def judged(self) -> int:
        return self.reported + self.missed

    @property
    def rate(self) -> float | None:
        return 100 * self.reported / self.judged if self.judged else None


@dataclass
class OfficerRow:
    officer: User
    tally: Tally
    cases: int
    unreviewed: int = 0
    unfollowed: int = 0
    outlier: bool = False


@dataclass
class AreaRow:
    area: WorkArea
    tally: Tally


@dataclass
class Oversight:
    office: Office
    first: dt.date
    last: dt.date
    officers: list[OfficerRow] = field(default_factory=list)
    areas: list[AreaRow] = field(default_factory=list)
    total: Tally = field(default_factory=Tally)
    median: float | None = None
    q1: float | None = None
    q3: float | None = None
    threshold: float | None = None


def _tallies(outcomes: QuerySet, key: str) -> dict[int | None, Tally]:
    rows = outcomes.values(key).annotate(**COUNTS).order_by()
    return {row[key]: Tally(row["reported"], row["missed"], row["excused"]) for row in rows}


def _per_officer(queryset: QuerySet, key: str) -> dict[int | None, int]:
    rows = queryset.values(key).annotate(n=Count("pk")).order_by()
    return {row[key]: row["n"] for row in rows}


def office_oversight(office: Office, *, day: dt.date) -> Oversight:
    first, last = closed_months(day)
    result = Oversight(office, first, last)
    outcomes = PeriodOutcome.objects.filter(
        case__office=office, ends_on__gte=first, ends_on__lte=last
    )
    by_officer = _tallies(outcomes, "case__officer")
    open_cases = SupervisionCase.objects.open().filter(office=office)
    unreviewed = _per_officer(
        CheckIn.objects.filter(case__in=open_cases, review_status=ReviewStatus.PENDING),
        "case__officer",
    )
    unfollowed = _per_officer(unfollowed_misses(open_cases), "case__officer")
    officers = officers_with_load(office.pk, day=day).order_by("first_name", "last_name", "pk")
    for officer in officers:
        result.officers.append(
            OfficerRow(
                officer,
                by_officer.get(officer.pk, Tally()),
                officer.case_count,  # type: ignore[attr-defined]
                unreviewed.get(officer.pk, 0),
                unfollowed.get(officer.pk, 0),
            )
        )
    by_area = _tallies(outcomes, "case__client__work_area")
    for area in WorkArea.objects.filter(office=office).order_by("name"):
        result.areas.append(AreaRow(area, by_area.get(area.pk, Tally())))
    for tally in by_officer.values():
        result.total.reported += tally.reported
        result.total.missed += tally.missed
        result.total.excused += tally.excused
    _flag_outliers(result)
    return result


def _flag_outliers(result: Oversight) -> None:
    rates = [
        row.tally.rate
        for row in result.officers
        if row.tally.judged >= MIN_PERIODS and row.tally.rate is not None
    ]
    if len(rates) < MIN_OFFICERS:
        return
    q1, median, q3 = statistics.quantiles(rates, n=4, method="inclusive")
    result.q1, result.median, result.q3 = q1, median, q3
    result.threshold = median - max(IQR_FACTOR * (q3 - q1), MIN_GAP)
    for row in result.officers:
        rate = row.tally.rate
        row.outlier = (
            row.tally.judged >= MIN_PERIODS and rate is not None and rate < result.threshold
        )


@dataclass
class CaseRow:
    case: SupervisionCase
    tally: Tally
    consecutive: int
    unreviewed: int
    last_contact: dt.datetime | None


def officer_cases(cases: QuerySet, *, first: dt.date, last: dt.date) -> list[CaseRow]:
    """An officer's cases (already scoped by the caller) with their periods in the window,
    worst first: the cases with two subqueries, and one grouped query of their periods."""
    latest = PeriodOutcome.objects.filter(case=OuterRef("pk")).order_by("-starts_on")
    pending = CheckIn.objects.filter(case=OuterRef("pk"), review_status=ReviewStatus.PENDING)
    annotated = cases.select_related("client", "programme").annotate(
        streak=Subquery(latest.values("consecutive_misses")[:1]),
        last_contact=Subquery(
            CheckIn.objects.filter(case=OuterRef("pk"))
            .order_by("-occurred_at")
            .values("occurred_at")[:1]
        ),
        unreviewed=Coalesce(
            Subquery(pending.values("case").annotate(n=Count("pk")).values("n")[:1]), 0
        ),
    )
    window = _tallies(
        PeriodOutcome.objects.filter(case__in=cases, ends_on__gte=first, ends_on__lte=last),
        "case",
    )
    rows = [
        CaseRow(
            case,
            window.get(case.pk, Tally()),
            case.streak or 0,  # type: ignore[attr-defined]
            case.unreviewed,  # type: ignore[attr-defined]
            case.last_contact,  # type: ignore[attr-defined]
        )
        for case in annotated
    ]
    rows.sort(key=lambda row: (_sort_rate(row.tally), -row.consecutive, row.case.pk))
    return rows


def _sort_rate(tally: Tally) -> float:
    return tally.rate if tally.rate is not None else 101.0
