"""Coverage: per officer, how many of their clients have a current plan and a current
evaluation — the two figures the Palembang survey measured (15% of officers write stage
plans for all their clients, 5.85% comprehensive evaluations).

- clients: the officer's open cases of the office under guidance on `day`;
- with a current plan: an agreed plan for the stage the case is in;
- with a current evaluation: every stage of the case that has ended has an approved
  evaluation (a case still in tahap awal has nothing to evaluate yet, so it counts).
One query for the cases, one for the officers, whatever the office's size.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q

from bimkemas.accounts.models import User
from bimkemas.clients.models import SupervisionCase
from bimkemas.guidance.due import agreed_plan_exists, approved_evaluation_exists, stage_by_date
from bimkemas.guidance.models import GuidanceStage


@dataclass
class OfficerCoverage:
    officer: User
    clients: int = 0
    with_current_plan: int = 0
    with_current_evaluation: int = 0

    @property
    def plan_share(self) -> float | None:
        return self.with_current_plan / self.clients if self.clients else None

    @property
    def evaluation_share(self) -> float | None:
        return self.with_current_evaluation / self.clients if self.clients else None

    @property
    def all_plans(self) -> bool:
        return self.clients > 0 and self.with_current_plan == self.clients

    @property
    def all_evaluations(self) -> bool:
        return self.clients > 0 and self.with_current_evaluation == self.clients


@dataclass
class OfficeCoverage:
    day: dt.date
    officers: list[OfficerCoverage]

    @property
    def with_clients(self) -> list[OfficerCoverage]:
        return [row for row in self.officers if row.clients]

    @property
    def clients(self) -> int:
        return sum(row.clients for row in self.officers)

    @property
    def with_current_plan(self) -> int:
        return sum(row.with_current_plan for row in self.officers)

    @property
    def with_current_evaluation(self) -> int:
        return sum(row.with_current_evaluation for row in self.officers)

    def _share(self, count: int, of: int) -> float | None:
        return count / of if of else None

    @property
    def plan_share(self) -> float | None:
        return self._share(self.with_current_plan, self.clients)

    @property
    def evaluation_share(self) -> float | None:
        return self._share(self.with_current_evaluation, self.clients)

    @property
    def officers_all_plans(self) -> int:
        return sum(1 for row in self.with_clients if row.all_plans)

    @property
    def officers_all_evaluations(self) -> int:
        return sum(1 for row in self.with_clients if row.all_evaluations)

    @property
    def officers_all_plans_share(self) -> float | None:
        """Share of the officers with clients whose every client has a current plan."""
        return self._share(self.officers_all_plans, len(self.with_clients))

    @property
    def officers_all_evaluations_share(self) -> float | None:
        return self._share(self.officers_all_evaluations, len(self.with_clients))


def evaluation_is_current(
    stage: str, start: dt.date, lanjutan_from: dt.date, akhir_from: dt.date, approved: dict
) -> bool:
    """Every stage before `stage` that is not empty has an approved evaluation."""
    awal_ok = approved[GuidanceStage.AWAL] or lanjutan_from <= start
    lanjutan_ok = approved[GuidanceStage.LANJUTAN] or akhir_from <= lanjutan_from
    if stage == GuidanceStage.AWAL:
        return True
    if stage == GuidanceStage.LANJUTAN:
        return awal_ok
    return awal_ok and lanjutan_ok


def covered_cases(cases, day: dt.date):
    """The cases under guidance on `day` with (officer_id, stage, has_plan, awal and
    lanjutan approved, dates): one query."""
    return (
        cases.open()
        .filter(guidance_start__lte=day, guidance_end__gte=day, officer__isnull=False)
        .annotate(
            stage=stage_by_date(day),
            has_plan=agreed_plan_exists(),
            awal_done=approved_evaluation_exists(GuidanceStage.AWAL),
            lanjutan_done=approved_evaluation_exists(GuidanceStage.LANJUTAN),
        )
        .values_list(
            "pk",
            "officer_id",
            "stage",
            "has_plan",
            "awal_done",
            "lanjutan_done",
            "guidance_start",
            "lanjutan_from",
            "akhir_from",
        )
    )


def case_coverage(cases, day: dt.date) -> dict[int, tuple[int, bool, bool]]:
    """{case id: (officer id, has a current plan, has a current evaluation)}."""
    result = {}
    for pk, officer_id, stage, has_plan, awal, lanjutan, start, l_from, a_from in covered_cases(
        cases, day
    ):
        approved = {GuidanceStage.AWAL: awal, GuidanceStage.LANJUTAN: lanjutan}
        current = evaluation_is_current(stage, start, l_from, a_from, approved)
        result[pk] = (officer_id, bool(has_plan), current)
    return result


def coverage_per_officer(office_id: int, day: dt.date) -> OfficeCoverage:
    """Every officer working for the office on `day` or holding its cases, with their
    figures, by name."""
    cases = SupervisionCase.objects.filter(office_id=office_id)
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for officer_id, has_plan, current in case_coverage(cases, day).values():
        row = counts[officer_id]
        row[0] += 1
        row[1] += has_plan
        row[2] += current
    officers = User.objects.filter(
        Q(pk__in=list(counts))
        | Q(pk__in=User.objects.officers().working_for(office_id, day).values("pk"))
    ).order_by("first_name", "last_name", "username")
    return OfficeCoverage(
        day=day,
        officers=[
            OfficerCoverage(officer, *counts.get(officer.pk, [0, 0, 0])) for officer in officers
        ],
    )
