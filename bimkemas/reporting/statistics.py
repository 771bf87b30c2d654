"""Reporting statistics of one office: aggregates only, no person is named.

- `reports_per_month`: distinct clients who reported per month and channel (the seed's
  tables: the register book, teleconference, the app; channels as `STATISTICS_CHANNEL`).
- `compliance_distribution`: each client's compliance rate over the closed periods of a
  range (reported ÷ (reported + missed), excused periods left out) and how the rates spread
  over 10% bands — what "clients say 90%, officers believe 25–50%" looks like in the record.
- `export_csv` / `export_xlsx`: both tables as files.
"""

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field

from django.db.models import Case, Count, Q, Value, When
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bimkemas.accounts.models import Office, User
from bimkemas.clients.access import can_supervise
from bimkemas.reporting.models import STATISTICS_CHANNEL, CheckIn, Outcome, PeriodOutcome

CHANNELS = ("in_person", "online", "app")
CHANNEL_LABELS = {
    "in_person": gettext_lazy("In person"),
    "online": gettext_lazy("Online"),
    "app": gettext_lazy("App"),
}
MONTH_PATTERN = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
MAX_MONTHS = 120
BANDS = 10


FIRST_YEAR, LAST_YEAR = 1900, 2999


def parse_month(text: str) -> dt.date:
    """ "2019-05" → 1 May 2019; ValueError otherwise (also for a year outside 1900–2999,
    which no reporting history has and whose neighbouring months may not exist)."""
    match = MONTH_PATTERN.match(text or "")
    if not match or not FIRST_YEAR <= int(match[1]) <= LAST_YEAR:
        raise ValueError(text)
    return dt.date(int(match[1]), int(match[2]), 1)


class RangeError(ValueError):
    """A range of months that is readable but not acceptable (message for the user)."""


def check_range(first: dt.date, last: dt.date) -> None:
    if last < first:
        raise RangeError(_("The last month comes before the first."))
    if len(months_between(first, last)) > MAX_MONTHS:
        raise RangeError(_("Choose at most %(count)d months.") % {"count": MAX_MONTHS})


def office_for_statistics(user: User, code: str) -> Office:
    """The office whose statistics `user` may read, or a 404: a supervisor their own office
    (any other code is a 404), a national viewer any office by its code."""
    if user.is_authenticated and user.is_active and user.is_national_viewer:
        office = Office.objects.filter(code=code).first() if code else None
    elif can_supervise(user) and user.office is not None and code in ("", user.office.code):
        office = user.office
    else:
        office = None
    if office is None:
        raise Http404
    return office


def add_months(month: dt.date, count: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    months = []
    month = first.replace(day=1)
    while month <= last:
        months.append(month)
        month = add_months(month, 1)
    return months


def _local_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


@dataclass(frozen=True)
class MonthCount:
    month: str  # "2019-05"
    channel: str  # in_person, online, app
    clients: int


def reports_per_month(office_id: int, first: dt.date, last: dt.date) -> list[MonthCount]:
    """Distinct clients who reported in each month from `first` to `last` (months, both
    included) per channel, zeros included, month by month in CHANNELS order. One query."""
    months = months_between(first, last)
    channel = Case(
        *[When(channel=code, then=Value(name)) for code, name in STATISTICS_CHANNEL.items()]
    )
    rows = (
        CheckIn.objects.filter(
            case__office_id=office_id,
            channel__in=list(STATISTICS_CHANNEL),
            occurred_at__gte=_local_start(months[0]),
            occurred_at__lt=_local_start(add_months(months[-1], 1)),
        )
        .annotate(month=TruncMonth("occurred_at"), statistics_channel=channel)
        .values("month", "statistics_channel")
        .annotate(clients=Count("case__client", distinct=True))
        .order_by()
    )
    found = {(_as_month(row["month"]), row["statistics_channel"]): row["clients"] for row in rows}
    return [
        MonthCount(f"{month:%Y-%m}", name, found.get((month, name), 0))
        for month in months
        for name in CHANNELS
    ]


def _as_month(value: dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value.replace(day=1)


def monthly_table(counts: list[MonthCount]) -> list[tuple[str, dict[str, int]]]:
    """[("2019-05", {"in_person": 188, "online": 0, "app": 0}), ...] for tables and charts."""
    table: dict[str, dict[str, int]] = {}
    for count in counts:
        table.setdefault(count.month, {})[count.channel] = count.clients
    return list(table.items())


@dataclass
class Distribution:
    """Per-client compliance rates of a range, spread over 10% bands (the last holds 100%)."""

    bands: list[int] = field(default_factory=lambda: [0] * BANDS)
    clients: int = 0
    reported: int = 0
    missed: int = 0
    median: float | None = None  # percent
    at_least_90: int = 0  # clients who reported in 90% or more of their periods

    @property
    def overall(self) -> float | None:
        """Percent of all judged periods reported: the office's rate, not a client's."""
        judged = self.reported + self.missed
        return 100 * self.reported / judged if judged else None

    @property
    def at_least_90_percent(self) -> float | None:
        return 100 * self.at_least_90 / self.clients if self.clients else None

    def band_rows(self) -> list[tuple[str, int]]:
        labels = [f"{10 * i}–{10 * i + 9}%" for i in range(BANDS - 1)] + ["90–100%"]
        return list(zip(labels, self.bands, strict=True))


def compliance_distribution(office_id: int, first: dt.date, last: dt.date) -> Distribution:
    """Each client's periods that ended between `first` and `last` (days), as one grouped
    query; clients with only excused periods are left out."""
    per_client = (
        PeriodOutcome.objects.filter(
            case__office_id=office_id, ends_on__gte=first, ends_on__lte=last
        )
        .values("case__client")
        .annotate(
            reported=Count("pk", filter=Q(outcome=Outcome.REPORTED)),
            missed=Count("pk", filter=Q(outcome=Outcome.MISSED)),
        )
        .order_by()
        .values_list("reported", "missed")
    )
    result = Distribution()
    rates = []
    for reported, missed in per_client:
        judged = reported + missed
        if not judged:
            continue
        result.clients += 1
        result.reported += reported
        result.missed += missed
        result.bands[min(BANDS - 1, reported * BANDS // judged)] += 1
        result.at_least_90 += reported * 10 >= judged * 9
        rates.append(100 * reported / judged)
    result.median = _median(rates)
    return result


def _median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def month_range_days(first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of a range of months."""
    return first, add_months(last, 1) - dt.timedelta(days=1)


# --- exports ----------------------------------------------------------------------------


def _monthly_header() -> list[str]:
    return [_("Month"), *[str(CHANNEL_LABELS[name]) for name in CHANNELS]]


def _distribution_header() -> list[str]:
    return [_("Compliance rate"), _("Clients")]


def export_csv(counts: list[MonthCount], distribution: Distribution, table: str) -> str:
    """One table per file (`table` is "reports" or "compliance"), so any tool reads it."""
    out = io.StringIO()
    writer = csv.writer(out)
    if table == "compliance":
        writer.writerow(_distribution_header())
        writer.writerows(distribution.band_rows())
    else:
        writer.writerow(_monthly_header())
        for month, row in monthly_table(counts):
            writer.writerow([month, *[row.get(name, 0) for name in CHANNELS]])
    return out.getvalue()


def export_xlsx(counts: list[MonthCount], distribution: Distribution, title: str) -> bytes:
    """A workbook with two sheets: reports per month, and the compliance distribution."""
    from openpyxl import Workbook  # imported here: only the export needs it
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Reports per month")[:31]
    sheet.append([title])
    sheet.append(_monthly_header())
    for month, row in monthly_table(counts):
        sheet.append([month, *[row.get(name, 0) for name in CHANNELS]])
    second = book.create_sheet(_("Compliance")[:31])
    second.append([title])
    second.append(_distribution_header())
    for band, clients in distribution.band_rows():
        second.append([band, clients])
    for each in (sheet, second):
        for cell in each[2]:
            cell.font = Font(bold=True)
        each.column_dimensions["A"].width = 18
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
