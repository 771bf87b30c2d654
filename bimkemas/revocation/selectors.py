"""Reads shared by the pages, the API and the due rule: the 20-working-day clock, the list
and the statistics of proposals and revocations per year and per 100 clients."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear

from bimkemas.accounts.models import User
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.workdays import working_days_between
from bimkemas.revocation.models import Revocation
from bimkemas.revocation.workflow import Status


@dataclass(frozen=True)
class Clock:
    day: int  # working days since the request (day N of 20)
    of: int
    due_on: dt.date
    overdue: bool
    running: bool  # False once the revocation has ended (the count stops at its last step)


def clock(revocation: Revocation, today: dt.date) -> Clock:
    until = revocation.closed_on if revocation.closed_on else today
    days = working_days_between(revocation.requested_on, until)
    return Clock(
        day=days,
        of=revocation.service_days,
        due_on=revocation.due_on,
        overdue=until > revocation.due_on,
        running=revocation.is_open,
    )


def revocations_listed(base, *, status: str = "", overdue: bool = False, route: str = "",
                       year: int | None = None, day: dt.date):  # fmt: skip
    """The office list's filters, in progress first (then by due date)."""
    rows = base.select_related("case__client", "case__programme", "case__officer")
    if status == "open":
        rows = rows.open()
    elif status == "closed":
        rows = rows.closed()
    elif status in Status.values:
        rows = rows.filter(status=status)
    if overdue:
        rows = rows.open().filter(due_on__lt=day)
    if route:
        rows = rows.filter(route=route)
    if year:
        rows = rows.filter(requested_on__year=year)
    return rows.in_progress_first()


@dataclass
class YearRow:
    year: int
    proposals: int
    revocations: int
    clients: int  # distinct clients under guidance at some time in the year

    @property
    def proposals_per_100(self) -> float | None:
        return 100 * self.proposals / self.clients if self.clients else None

    @property
    def revocations_per_100(self) -> float | None:
        return 100 * self.revocations / self.clients if self.clients else None


@dataclass
class Period:
    start: dt.date
    end: dt.date
    proposals: int
    revocations: int
    clients_now: int  # clients under guidance today: the seed's denominator

    @property
    def per_100(self) -> float | None:
        return 100 * self.proposals / self.clients_now if self.clients_now else None


def statistics_scope(user: User, office_id: int | None = None):
    """(revocations, cases) the statistics count: the user's office, or every office (or
    the one asked for) for the national viewer. Aggregates only."""
    revocations = Revocation.objects.all()
    cases = SupervisionCase.objects.all()
    if user.is_national_viewer:
        if office_id is not None:
            return revocations.filter(office_id=office_id), cases.filter(office_id=office_id)
        return revocations, cases
    own = user.office_id or 0
    return revocations.filter(office_id=own), cases.filter(office_id=own)


def per_year(revocations, cases, first: int, last: int) -> list[YearRow]:
    proposals = dict(
        revocations.filter(requested_on__year__range=(first, last))
        .annotate(y=ExtractYear("requested_on"))
        .values_list("y")
        .annotate(n=Count("id"))
        .values_list("y", "n")
    )
    revoked = dict(
        revocations.filter(status=Status.REVOKED, decided_on__year__range=(first, last))
        .annotate(y=ExtractYear("decided_on"))
        .values_list("y")
        .annotate(n=Count("id"))
        .values_list("y", "n")
    )
    rows = []
    for year in range(first, last + 1):
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        served = (
            cases.filter(guidance_start__lte=end, guidance_end__gte=start)
            .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=start))
            .values("client_id")
            .distinct()
            .count()
        )
        rows.append(YearRow(year, proposals.get(year, 0), revoked.get(year, 0), served))
    return rows


def period(revocations, cases, start: dt.date, end: dt.date) -> Period:
    return Period(
        start=start,
        end=end,
        proposals=revocations.filter(requested_on__range=(start, end)).count(),
        revocations=revocations.filter(
            status=Status.REVOKED, decided_on__range=(start, end)
        ).count(),
        clients_now=cases.open().count(),
    )
