"""Caseload: how loaded each officer is, who should take a new case, the office's figures."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, DecimalField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from bimkemas.accounts.models import Absence, AbsenceKind, Office, Rank, Role, User
from bimkemas.clients.models import OPEN_STATUSES, Category, SupervisionCase, stage_q
from bimkemas.clients.stages import Stage
from bimkemas.core.dates import today

ZERO = Value(Decimal("0"), output_field=DecimalField(max_digits=10, decimal_places=2))


def officers_of(office_id: int, day: dt.date):
    """The PKs and APKs an office lists on `day`: its own staff (away or not), officers
    seconded to it (BKO), and anyone still holding one of its open cases (a secondment that
    ended: those cases need reassigning)."""
    holding = SupervisionCase.objects.open().filter(office_id=office_id).values("officer_id")
    working = User.objects.working_for(office_id, day).values("pk")
    return User.objects.officers().filter(
        Q(office_id=office_id) | Q(pk__in=working) | Q(pk__in=holding)
    )


def officers_with_load(office_id: int, *, day: dt.date | None = None):
    """`officers_of` the office annotated with their open cases of that office, counted and
    weighted. Filter with `.working_for(office_id, day)` for those who can take a case."""
    # Subqueries per officer rather than a join of every case each officer ever had: the
    # officer's index finds their cases, and closed ones are not aggregated.
    open_cases = (
        SupervisionCase.objects.filter(
            officer=OuterRef("pk"), status__in=OPEN_STATUSES, office_id=office_id
        )
        .order_by()
        .values("officer")
    )
    return officers_of(office_id, day or today()).annotate(
        case_count=Coalesce(Subquery(open_cases.annotate(n=Count("pk")).values("n")), 0),
        weighted_load=Coalesce(
            Subquery(
                open_cases.annotate(w=Sum("programme__caseload_weight")).values("w"),
                output_field=ZERO.output_field,
            ),
            ZERO,
        ),
    )


def assignable_officers(office_id: int, *, day: dt.date):
    """Officers who can take a case of the office on `day`, least loaded first."""
    return (
        officers_with_load(office_id, day=day)
        .working_for(office_id, day)
        .order_by("weighted_load", "case_count", "first_name", "pk")
    )


def propose_officer(case: SupervisionCase, *, day: dt.date) -> User | None:
    """The available officer of the case's office with the lowest weighted caseload.

    Officers who work for the office that day count, including those seconded to it.
    Officers who cover the client's work area are preferred; if none is available there,
    any available officer of the office. Ties go to the fewer cases, then the name.
    """
    candidates = assignable_officers(case.office_id, day=day)
    in_area = candidates.filter(work_areas=case.client.work_area_id)
    return (in_area if in_area.exists() else candidates).first()


@dataclass
class OfficerRow:
    """An officer as one office sees them on a day."""

    officer: User
    absence: Absence | None  # why away, or, when `seconded_in`, the secondment here
    seconded_in: bool = False  # works here on secondment (BKO) from another office
    needs_reassignment: bool = False  # holds cases here but no longer works here

    @property
    def available(self) -> bool:
        return self.seconded_in or (self.absence is None and not self.needs_reassignment)


def officer_rows(office_id: int, officers, *, day: dt.date) -> list[OfficerRow]:
    """`OfficerRow`s for officers listed by an office (`officers_of`), in three queries."""
    officers = list(officers)
    working = set(
        User.objects.filter(pk__in=[o.pk for o in officers])
        .working_for(office_id, day)
        .values_list("pk", flat=True)
    )
    absences: dict[int, Absence] = {}
    covering = Absence.objects.covering(day).filter(officer__in=officers)
    for absence in covering.select_related("seconded_to").order_by("-starts_on", "-pk"):
        mine = absence.kind == AbsenceKind.SECONDED and absence.seconded_to_id == office_id
        if absence.officer_id not in absences or mine:
            absences[absence.officer_id] = absence
    return [
        _row(officer, absences.get(officer.pk), officer.pk in working, office_id)
        for officer in officers
    ]


def _row(officer: User, absence: Absence | None, working: bool, office_id: int) -> OfficerRow:
    if officer.office_id == office_id:
        return OfficerRow(officer, absence)
    if working:
        return OfficerRow(officer, absence, seconded_in=True)
    return OfficerRow(officer, absence, needs_reassignment=True)


def officer_row(office_id: int, officer: User, *, day: dt.date) -> OfficerRow:
    return officer_rows(office_id, [officer], day=day)[0]


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
    seconded_in: int = 0  # officers of other offices seconded here (BKO)
    active_officers: int = 0  # own staff not away, plus those seconded here
    needs_reassignment: int = 0  # open cases held by officers who no longer work here

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
    working = User.objects.officers().working_for(office.pk, day)
    overview.seconded_in = working.exclude(office=office).count()
    overview.active_officers = working.count()
    overview.needs_reassignment = (
        open_cases(office.pk)
        .exclude(officer__isnull=True)
        .exclude(officer__office=office)
        .exclude(officer__in=working)
        .count()
    )


def _officers_away(absences, kind: str) -> int:
    """Officers (not absence rows: periods may overlap) away for this reason."""
    return absences.filter(kind=kind).values("officer_id").distinct().count()


def stage_counts(cases, day: dt.date) -> dict[str, int]:
    """Open cases per stage on `day`, counted in one query from the stored stage dates."""
    return cases.aggregate(
        **{stage.value: Count("id", filter=stage_q(stage, day)) for stage in Stage}
    )


@dataclass(frozen=True)
class NationalRow:
    office: Office
    clients: int
    officers: int
    active_officers: int

    @property
    def ratio(self) -> int | None:
        """Clients per active officer; None (not 0) when no officer is active."""
        return round(self.clients / self.active_officers) if self.active_officers else None


def _count_by(queryset, key: str) -> dict[int, int]:
    rows = queryset.order_by().values(key).annotate(n=Count("pk")).values_list(key, "n")
    return dict(rows)


def national_overview(*, day: dt.date) -> tuple[list[NationalRow], NationalRow]:
    """Per office: open cases, officers, and officers working there today (its own, not away,
    plus those seconded to it), in four grouped queries whatever the number of offices."""
    officers = User.objects.officers()
    covering = Absence.objects.covering(day)
    clients = _count_by(SupervisionCase.objects.open(), "office_id")
    staff = _count_by(officers, "office_id")
    at_home = _count_by(officers.available_on(day), "office_id")
    seconded_in = _count_by(
        covering.secondments()
        .filter(officer__in=officers)
        .exclude(officer__in=covering.exclude(kind=AbsenceKind.SECONDED).values("officer_id")),
        "seconded_to_id",
    )
    rows = [
        NationalRow(
            office,
            clients.get(office.pk, 0),
            staff.get(office.pk, 0),
            at_home.get(office.pk, 0) + seconded_in.get(office.pk, 0),
        )
        for office in Office.objects.order_by("name")
    ]
    totals = NationalRow(
        Office(name=""),
        sum(row.clients for row in rows),
        sum(row.officers for row in rows),
        sum(row.active_officers for row in rows),
    )
    return rows, totals
