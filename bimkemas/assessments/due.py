"""When a case's risk and needs (re)assessment is due (Permenkumham 12/2013: every year, and
earlier on new information; DOMAIN.md §6).

For an open case whose guidance has not ended, the earliest of:
- the first assessment: `initial_days` after guidance starts, while no risk assessment is scored;
- the yearly one: `interval_months` after the last scored risk assessment;
- new information: `trigger_days` after an open `ReassessmentTrigger` was raised, or after a
  violation (not dismissed) dated after the last scored risk assessment.
The office's `AssessmentSettings` give the numbers (30 days, 12 months, 14 days by default).
Four queries for any number of cases.
"""

import datetime as dt
from calendar import monthrange
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import DateField, F, Max, Min, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bimkemas.assessments.models import (
    Assessment,
    AssessmentSettings,
    InstrumentKind,
    ReassessmentTrigger,
)
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.due import Due, due_rule
from bimkemas.violations.models import Violation, ViolationStatus

KIND = "assessments.reassessment"
SOON_DAYS = 30  # the due list and work items show assessments due within this many days
PLACEHOLDER = "00000000-0000-0000-0000-000000000000"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the month's last day when it is shorter (29 Feb + 12 months
    is 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, monthrange(year, month)[1]))


@dataclass(frozen=True)
class Inputs:
    guidance_start: dt.date
    last_scored_on: dt.date | None = None
    first_trigger_on: dt.date | None = None  # oldest open trigger
    first_violation_on: dt.date | None = None  # oldest violation after the last assessment
    initial_days: int = 30
    interval_months: int = 12
    trigger_days: int = 14


def next_due(inputs: Inputs) -> tuple[dt.date, str]:
    """The due date of the case's next assessment and why: "initial", "yearly",
    "trigger" or "violation"."""
    if inputs.last_scored_on is None:
        candidates = [(inputs.guidance_start + dt.timedelta(days=inputs.initial_days), "initial")]
    else:
        candidates = [(add_months(inputs.last_scored_on, inputs.interval_months), "yearly")]
    wait = dt.timedelta(days=inputs.trigger_days)
    if inputs.first_trigger_on is not None:
        candidates.append((inputs.first_trigger_on + wait, "trigger"))
    if inputs.first_violation_on is not None:
        candidates.append((inputs.first_violation_on + wait, "violation"))
    return min(candidates)


def _details() -> dict[str, str]:
    return {
        "initial": _("First risk and needs assessment"),
        "yearly": _("Yearly risk and needs reassessment"),
        "trigger": _("Reassessment on new information"),
        "violation": _("Reassessment after a violation"),
    }


def _last_scored_risk() -> Subquery:
    return Subquery(
        Assessment.objects.scored()
        .filter(case_id=OuterRef("case_id"), kind=InstrumentKind.RISK)
        .order_by("-assessed_on")
        .values("assessed_on")[:1],
        output_field=DateField(),
    )


def case_inputs(cases, day: dt.date) -> dict[int, tuple[dict, Inputs]]:
    """Per case under guidance, its row (id, office, guidance start, client's public id) and the
    inputs of `next_due`."""
    under_guidance = cases.model.objects.filter(pk__in=cases.values("pk")).open()
    under_guidance = under_guidance.filter(guidance_end__gte=day)
    rows = list(
        under_guidance.values("pk", "public_id", "office_id", "guidance_start", "guidance_end")
    )
    if not rows:
        return {}
    ids = under_guidance.values("pk")
    last = dict(
        Assessment.objects.scored()
        .filter(case_id__in=ids, kind=InstrumentKind.RISK)
        .values("case_id")
        .annotate(last=Max("assessed_on"))
        .values_list("case_id", "last")
    )
    triggers = dict(
        ReassessmentTrigger.objects.filter(case_id__in=ids, resolved_by_assessment__isnull=True)
        .values("case_id")
        .annotate(first=Min("created_at"))
        .values_list("case_id", "first")
    )
    violations = dict(
        Violation.objects.filter(case_id__in=ids)
        .exclude(status=ViolationStatus.DISMISSED)
        .filter(
            Q(occurred_on__gt=Coalesce(_last_scored_risk(), Value(dt.date.min)))
            & Q(occurred_on__gte=F("case__guidance_start"))
        )
        .values("case_id")
        .annotate(first=Min("occurred_on"))
        .values_list("case_id", "first")
    )
    settings = AssessmentSettings.for_offices({row["office_id"] for row in rows})
    result = {}
    for row in rows:
        office = settings[row["office_id"]]
        raised = triggers.get(row["pk"])
        result[row["pk"]] = (
            row,
            Inputs(
                guidance_start=row["guidance_start"],
                last_scored_on=last.get(row["pk"]),
                first_trigger_on=timezone.localdate(raised) if raised is not None else None,
                first_violation_on=violations.get(row["pk"]),
                initial_days=office.initial_days,
                interval_months=office.interval_months,
                trigger_days=office.trigger_days,
            ),
        )
    return result


def next_due_for_case(case: SupervisionCase, day: dt.date) -> tuple[dt.date, str] | None:
    """The case's next assessment date and why, or None when its guidance is over."""
    inputs = case_inputs(SupervisionCase.objects.filter(pk=case.pk), day).get(case.pk)
    return next_due(inputs[1]) if inputs is not None else None


def detail_for(why: str) -> str:
    return _details()[why]


@due_rule(KIND, label=gettext_lazy("Risk and needs assessment"), order=15)
def reassessment_due(cases, day: dt.date) -> Iterable[Due]:
    """Assessments due within `SOON_DAYS` (or overdue) and before the guidance ends."""
    details = _details()
    choose = reverse("assessment_choose", args=[PLACEHOLDER])
    horizon = day + dt.timedelta(days=SOON_DAYS)
    dues = []
    for case_id, (row, inputs) in case_inputs(cases, day).items():
        due_on, why = next_due(inputs)
        if due_on > horizon or due_on > row["guidance_end"]:
            continue
        url = choose.replace(PLACEHOLDER, str(row["public_id"]))
        dues.append(Due(case_id=case_id, due_on=due_on, detail=details[why], url=url))
    return dues
