"""The client page's guidance section: the stages with their plan and evaluation (status,
due dates), the latest activities, and the buttons to act on them."""

import datetime as dt
from dataclasses import dataclass

from django.template.loader import render_to_string

from bimkemas.clients.access import can_edit_case
from bimkemas.core.dates import today
from bimkemas.core.panels import client_panel
from bimkemas.guidance.access import can_review
from bimkemas.guidance.due import EVALUATION_DAYS, PLAN_DAYS
from bimkemas.guidance.models import (
    Attendance,
    Evaluation,
    EvaluationStatus,
    GuidanceStage,
    PlanStatus,
    StagePlan,
)
from bimkemas.guidance.stages import Span, case_spans

LATEST_ACTIVITIES = 5


@dataclass
class StageRow:
    span: Span
    label: str
    is_current: bool
    has_begun: bool
    plan: StagePlan | None  # the agreed plan, else the draft
    draft: StagePlan | None
    evaluation: Evaluation | None  # the version being written, else the approved one
    approved: Evaluation | None
    plan_due: dt.date
    evaluation_due: dt.date
    can_review: bool = False


def _rows(case, user, day: dt.date) -> list[StageRow]:
    plans: dict[str, dict[str, StagePlan]] = {}
    for plan in StagePlan.objects.filter(case=case).exclude(status=PlanStatus.SUPERSEDED):
        plans.setdefault(plan.stage, {})[plan.status] = plan
    evaluations: dict[str, dict[str, Evaluation]] = {}
    for evaluation in Evaluation.objects.filter(case=case).exclude(
        status=EvaluationStatus.SUPERSEDED
    ):
        evaluations.setdefault(evaluation.stage, {})[evaluation.status] = evaluation
    rows = []
    for span in case_spans(case):
        stage_plans = plans.get(span.stage, {})
        stage_evaluations = evaluations.get(span.stage, {})
        approved = stage_evaluations.get(EvaluationStatus.APPROVED)
        current = next(
            (e for s, e in stage_evaluations.items() if s != EvaluationStatus.APPROVED), approved
        )
        row = StageRow(
            span=span,
            label=str(GuidanceStage(span.stage).label),
            is_current=span.first_day <= day <= span.last_day,
            has_begun=span.first_day <= day,
            plan=stage_plans.get(PlanStatus.AGREED) or stage_plans.get(PlanStatus.DRAFT),
            draft=stage_plans.get(PlanStatus.DRAFT),
            evaluation=current,
            approved=approved,
            plan_due=span.first_day + dt.timedelta(days=PLAN_DAYS),
            evaluation_due=span.last_day + dt.timedelta(days=EVALUATION_DAYS),
        )
        if current is not None and current.status == EvaluationStatus.SUBMITTED:
            current.case = case
            row.can_review = can_review(user, current)
        rows.append(row)
    return rows


@client_panel(order=20)
def guidance(request, client, case) -> str:
    if case is None:
        return ""
    day = today()
    activities = (
        Attendance.objects.filter(case=case)
        .select_related("session", "plan_item")
        .order_by("-session__held_on", "-pk")[:LATEST_ACTIVITIES]
    )
    context = {
        "client": client,
        "case": case,
        "day": day,
        "rows": _rows(case, request.user, day),
        "activities": list(activities),
        "can_write": case.is_open and can_edit_case(request.user, case),
    }
    return render_to_string("guidance/partials/panel.html", context, request=request)
