"""Caseload: how loaded each officer is, who should take a new case, the office's figures."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce

from bimkemas.accounts.models import Absence, AbsenceKind, Office, Rank, Role, User
from bimkemas.clients.models import OPEN_STATUSES, Category, SupervisionCase, stage_q
from bimkemas.clients.stages import Stage

ZERO = Value(Decimal("0"), output_field=DecimalField(max_digits=10, decimal_places=2))


def officers_with_load(office_id: int):
    """Officers of an office annotated with their open-case count and weighted caseload."""
    open_cases = Q(cases__status__in=OPEN_STATUSES)
    return (
        User.objects.officers()
        .filter(office_id=office_id)
        .annotate(
            case_count=Count("cases", filter=open_cases),
            weighted_load=Coalesce(
                Sum("cases__programme__caseload_weight", filter=open_cases), ZERO
            ),
        )
    )


def propose_officer(case: SupervisionCase, *, day: dt.date) -> User | None:
    """The available officer of the case's office with the lowest weighted caseload.

    Officers who cover the client's work area are preferred; if none is available there,
    any available officer of the office. Ties go to the fewer cases, then the name.
    """
    candidates = officers_with_load(case.office_id).available_on(day)
    in_area = candidates.filter(work_areas=case.client.work_area_id)
    pool = in_area if in_area.exists() else candidates
    return pool.order_by("weighted_load", "case_count", "first_name", "pk").first()


@dataclass
class OfficeOverview:
    office: Office
    day: dt.date
    clients: int = 0
    adults: int = 0
    juveniles: int = 0
    by_programme: dict[str, int] = field(default_factory=dict)
    by_stage: dict[str, int] = field(default_factory=dict)
    unassigned: int = 0
    officers: int = 0
    officers_by_rank: dict[str, int] = field(default_factory=dict)
    seconded: int = 0
    seconded_to: dict[str, int] = field(default_factory=dict)
    rotating: int = 0
    on_leave: int = 0
    active_officers: int = 0

    @property
    def clients_per_active_officer(self) -> int:
        return round(self.clients / self.active_officers) if self.active_officers else 0


def open_cases(office_id: int):
    return SupervisionCase.objects.open().filter(office_id=office_id)


def office_overview(office: Office, *, day: dt.date) -> OfficeOverview:
    overview = OfficeOverview(office=office, day=day)
    cases = open_cases(office.pk)
    overview.clients = cases.count()
    by_category = dict(
        cases.values_list("client__category")
        .annotate(n=Count("id"))
        .values_list("client__category", "n")
    )
    overview.adults = by_category.get(Category.ADULT, 0)
    overview.juveniles = by_category.get(Category.JUVENILE, 0)
    overview.by_programme = dict(
        cases.values_list("programme__code")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("programme__code", "n")
    )
    overview.by_stage = stage_counts(cases, day)
    overview.unassigned = cases.filter(officer__isnull=True).count()
    _count_officers(overview, office, day)
    return overview


def _count_officers(overview: OfficeOverview, office: Office, day: dt.date) -> None:
    officers = User.objects.officers().filter(office=office)
    overview.officers = officers.count()
    ranks = dict(officers.filter(role=Role.PK).values_list("rank").annotate(n=Count("id")))
    overview.officers_by_rank = {
        str(Rank(rank).label): ranks.get(rank, 0) for rank in reversed(Rank.values)
    }
    overview.officers_by_rank[str(Role.APK.label)] = officers.filter(role=Role.APK).count()
    absences = Absence.objects.covering(day).filter(officer__in=officers)
    overview.seconded = _officers_away(absences, AbsenceKind.SECONDED)
    overview.seconded_to = dict(
        absences.filter(kind=AbsenceKind.SECONDED)
        .values_list("seconded_to__name")
        .annotate(n=Count("id"))
        .values_list("seconded_to__name", "n")
    )
    overview.rotating = _officers_away(absences, AbsenceKind.ROTATION)
    overview.on_leave = _officers_away(absences, AbsenceKind.LEAVE)
    overview.active_officers = officers.available_on(day).count()


def _officers_away(absences, kind: str) -> int:
    """Officers (not absence rows: periods may overlap) away for this reason."""
    return absences.filter(kind=kind).values("officer_id").distinct().count()


def stage_counts(cases, day: dt.date) -> dict[str, int]:
    """Open cases per stage on `day`, counted in one query from the stored stage dates."""
    return cases.aggregate(
        **{stage.value: Count("id", filter=stage_q(stage, day)) for stage in Stage}
    )
