"""Reads of matches, scoped like the client pages: an officer sees the matches of their own
clients, a section or Bapas head those of the office, the national viewer numbers only."""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.db.models.functions import TruncMonth
from django.http import Http404

from bimkemas.accounts.models import User
from bimkemas.clients.access import can_supervise, own_open_cases, visible_clients
from bimkemas.clients.models import SupervisionCase
from bimkemas.linkage.models import ExternalRecord, MatchBand, MatchCandidate, MatchStatus

BAND_ORDER = Case(
    When(band=MatchBand.ALERT, then=Value(0)), default=Value(1), output_field=IntegerField()
)


def get_match_for_user(user: User, public_id) -> MatchCandidate:
    """A match of a client the user may see, or a 404."""
    try:
        return MatchCandidate.objects.select_related(
            "client__office", "client__work_area", "record", "decided_by", "violation"
        ).get(public_id=public_id, client__in=visible_clients(user))
    except (MatchCandidate.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error


def matches_in_charge(user: User):
    """Matches the user answers for: an officer's own open caseload (where they work today),
    a supervisor's whole office. Others: none."""
    if user.is_officer:
        return MatchCandidate.objects.filter(client_id__in=own_open_cases(user).values("client_id"))
    if can_supervise(user) and user.office_id is not None:
        return MatchCandidate.objects.filter(client__office_id=user.office_id)
    return MatchCandidate.objects.none()


def review_queue(user: User, *, status: str = MatchStatus.PENDING, band: str = ""):
    """Alerts first, then the middle band; the most probable first within each."""
    matches = matches_in_charge(user)
    if status:
        matches = matches.filter(status=status)
    if band:
        matches = matches.filter(band=band)
    return matches.select_related("client", "record", "decided_by").order_by(
        BAND_ORDER, "-probability", "-pk"
    )


def open_cases_of(client_ids) -> dict[int, SupervisionCase]:
    """Each client's open case (one query for a page of matches)."""
    cases = (
        SupervisionCase.objects.open()
        .filter(client_id__in=set(client_ids))
        .select_related("officer")
        .order_by("pk")
    )
    return {case.client_id: case for case in cases}


def pending_counts(matches) -> dict[str, int]:
    rows = matches.filter(status=MatchStatus.PENDING).values("band").annotate(n=Count("pk"))
    counts = {MatchBand.ALERT.value: 0, MatchBand.REVIEW.value: 0}
    counts.update({row["band"]: row["n"] for row in rows})
    return counts


@dataclass
class OfficeCounts:
    office: str
    alerts: int = 0
    review: int = 0
    confirmed: int = 0
    rejected: int = 0


def national_counts() -> list[OfficeCounts]:
    """Per office: pending alerts and review-band matches, confirmed and rejected."""
    rows = (
        MatchCandidate.objects.values("client__office__name", "band", "status")
        .annotate(n=Count("pk"))
        .order_by("client__office__name")
    )
    offices: dict[str, OfficeCounts] = {}
    for row in rows:
        counts = offices.setdefault(
            row["client__office__name"], OfficeCounts(row["client__office__name"])
        )
        if row["status"] == MatchStatus.PENDING:
            if row["band"] == MatchBand.ALERT:
                counts.alerts += row["n"]
            else:
                counts.review += row["n"]
        elif row["status"] == MatchStatus.CONFIRMED:
            counts.confirmed += row["n"]
        else:
            counts.rejected += row["n"]
    return sorted(offices.values(), key=lambda c: c.office)


# --- precision -------------------------------------------------------------------------------


@dataclass
class Tally:
    confirmed: int = 0
    rejected: int = 0
    pending: int = 0

    @property
    def decided(self) -> int:
        return self.confirmed + self.rejected

    @property
    def precision(self) -> float | None:
        """confirmed / (confirmed + rejected); None before any decision."""
        return self.confirmed / self.decided if self.decided else None

    def add(self, status: str, n: int) -> None:
        setattr(self, str(status), getattr(self, str(status)) + n)


@dataclass
class PrecisionRow:
    label: str  # a month ("2026-03") or a model version
    bands: dict[str, Tally] = field(default_factory=dict)
    month: dt.date | None = None  # the month's first day, for showing it

    @property
    def total(self) -> Tally:
        tally = Tally()
        for band in self.bands.values():
            tally.confirmed += band.confirmed
            tally.rejected += band.rejected
            tally.pending += band.pending
        return tally


def precision_scope(user: User):
    """Supervisors: their office's matches; the national viewer: every office's."""
    if user.is_authenticated and user.is_active and user.is_national_viewer:
        return MatchCandidate.objects.all()
    if can_supervise(user) and user.office_id is not None:
        return MatchCandidate.objects.filter(client__office_id=user.office_id)
    return None


def _rows(matches, key: str) -> list[PrecisionRow]:
    grouped: dict[str, PrecisionRow] = {}
    counts = matches.values(key, "band", "status").annotate(n=Count("pk")).order_by()
    for row in counts:
        value = row[key]
        label = value.strftime("%Y-%m") if isinstance(value, dt.date) else (value or "-")
        month = value if isinstance(value, dt.date) else None
        if isinstance(month, dt.datetime):
            month = month.date()
        per = grouped.setdefault(label, PrecisionRow(label, month=month))
        per.bands.setdefault(row["band"], Tally()).add(row["status"], row["n"])
    for per in grouped.values():
        per.bands = {band: per.bands.get(band, Tally()) for band in MatchBand.values}
    return list(grouped.values())


def precision_by_month(matches) -> list[PrecisionRow]:
    """Per month the matches were made, newest first: per band, confirmed, rejected, pending
    and confirmed / (confirmed + rejected)."""
    rows = _rows(matches.annotate(month=TruncMonth("created_at")), "month")
    return sorted(rows, key=lambda r: r.label, reverse=True)


def precision_by_model(matches) -> list[PrecisionRow]:
    return sorted(_rows(matches, "model_version"), key=lambda r: r.label)


def precision_total(rows: list[PrecisionRow]) -> PrecisionRow:
    """The sum of rows (e.g. every month)."""
    total = PrecisionRow("", {band: Tally() for band in MatchBand.values})
    for row in rows:
        for band, tally in row.bands.items():
            into = total.bands.setdefault(band, Tally())
            into.confirmed += tally.confirmed
            into.rejected += tally.rejected
            into.pending += tally.pending
    return total


# --- a record's matches (the record page) ----------------------------------------------------


def record_matches(user: User, record: ExternalRecord):
    """The record's matches with clients the user may see."""
    return (
        MatchCandidate.objects.filter(record=record, client__in=visible_clients(user))
        .select_related("client", "decided_by")
        .order_by(BAND_ORDER, "-probability", "-pk")
    )


def record_match_count_hidden(user: User, record: ExternalRecord) -> int:
    """Matches of the record with clients the user may not see (shown as a number only)."""
    return (
        MatchCandidate.objects.filter(record=record)
        .exclude(Q(client__in=visible_clients(user)))
        .count()
    )


def pending_alerts_for_client(client) -> list[MatchCandidate]:
    return list(
        MatchCandidate.objects.filter(
            client=client, status=MatchStatus.PENDING, band=MatchBand.ALERT
        )
        .select_related("record")
        .order_by("-probability", "-pk")
    )
