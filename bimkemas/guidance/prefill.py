"""What an evaluation is pre-filled with: the facts of the stage's period that the system
already holds, as a JSON snapshot stored on the evaluation (so the report shows what the PK
saw when writing, even if records change later).

1. Wajib lapor: every reporting period overlapping the stage, with its status
   (reporting.selectors.case_compliance, judged up to the earlier of the stage's end and today).
2. Activities attended (attendance rows of sessions held in the period).
3. The agreed plan's items and whether each was done (an attended session linked to it).
4. Assessments (assessments.selectors.assessments_between), violations, home visits
   (visits.selectors.visits_between) dated in the period.
"""

import datetime as dt
import math
from collections import Counter
from typing import Any

from bimkemas.assessments.selectors import assessments_between
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.dates import today
from bimkemas.guidance.models import Attendance
from bimkemas.guidance.selectors import current_plan
from bimkemas.guidance.stages import Span, span_of
from bimkemas.reporting.selectors import case_compliance
from bimkemas.violations.models import Violation
from bimkemas.visits.selectors import visits_between


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _reporting(case: SupervisionCase, span: Span, until: dt.date) -> dict[str, Any]:
    if until < span.first_day:
        return {"counts": {}, "periods": []}
    compliance = case_compliance(case, until)
    periods = [
        p
        for p in compliance.periods
        if p.starts_on <= span.last_day and p.ends_on >= span.first_day
    ]
    return {
        "counts": dict(Counter(p.status for p in periods)),
        "periods": [
            {"start": _iso(p.starts_on), "end": _iso(p.ends_on), "status": p.status}
            for p in periods
        ],
    }


def _activities(case: SupervisionCase, span: Span) -> list[dict[str, Any]]:
    rows = (
        Attendance.objects.filter(
            case=case, session__held_on__gte=span.first_day, session__held_on__lte=span.last_day
        )
        .select_related("session", "plan_item", "session__led_by")
        .order_by("session__held_on", "pk")
    )
    return [
        {
            "date": _iso(row.session.held_on),
            "title": row.session.title,
            "kind": row.session.kind,
            "method": row.session.method,
            "area": row.session.area,
            "status": row.status,
            "led_by": str(row.session.led_by),
            "partner": row.session.partner,
            "plan_item": str(row.plan_item.public_id) if row.plan_item else "",
            "note": row.note,
        }
        for row in rows
    ]


def _plan(case: SupervisionCase, span: Span, activities: list[dict]) -> dict[str, Any] | None:
    plan = current_plan(case.pk, span.stage)
    if plan is None:
        return None
    attended = Counter(
        a["plan_item"] for a in activities if a["plan_item"] and a["status"] == "attended"
    )
    months = max(1, math.ceil(span.days / 30))
    return {
        "version": plan.version,
        "agreed_on": _iso(plan.client_agreed_on),
        "items": [
            {
                "kind": item.kind,
                "area": item.area,
                "description": item.description,
                "method": item.method,
                "frequency": item.frequency,
                "responsible": item.responsible,
                "expected": item.per_month * months,
                "attended": attended[str(item.public_id)],
                "done": attended[str(item.public_id)] > 0,
            }
            for item in plan.items.all()
        ],
    }


def _assessments(case: SupervisionCase, span: Span) -> list[dict[str, Any]]:
    return [
        {
            "date": _iso(a.assessed_on),
            "instrument": a.instrument.name,
            "kind": a.kind,
            "score": a.score,
            "band": a.band,
            "needs": {code: r.get("level", "") for code, r in (a.need_levels or {}).items()},
            "assessor": str(a.assessor),
        }
        for a in assessments_between(case.pk, span.first_day, span.last_day)
    ]


def _violations(case: SupervisionCase, span: Span) -> list[dict[str, Any]]:
    rows = Violation.objects.filter(
        case=case, occurred_on__gte=span.first_day, occurred_on__lte=span.last_day
    ).order_by("occurred_on", "pk")
    return [
        {
            "date": _iso(v.occurred_on),
            "kind": v.get_kind_display(),
            "summary": v.summary,
            "status": v.get_status_display(),
        }
        for v in rows
    ]


def _person(person: Any) -> str:
    if isinstance(person, dict):
        return " ".join(str(v) for v in (person.get("name"), person.get("kind")) if v)
    return str(person)


def _visits(case: SupervisionCase, span: Span) -> list[dict[str, Any]]:
    visits = visits_between([case.pk], span.first_day, span.last_day).get(case.pk, [])
    return [
        {
            "date": _iso(v.visited_at.date() if v.visited_at else None),
            "officer": str(v.officer),
            "persons_met": ", ".join(_person(p) for p in v.persons_met or []),
            "findings": v.findings,
        }
        for v in visits
    ]


def evaluation_prefill(case: SupervisionCase, stage: str) -> dict[str, Any]:
    span = span_of(case, stage)
    if span is None:
        return {}
    until = min(span.last_day, today())
    activities = _activities(case, span)
    return {
        "period": {"start": _iso(span.first_day), "end": _iso(span.last_day)},
        "gathered_on": _iso(today()),
        "reporting": _reporting(case, span, until),
        "activities": activities,
        "plan": _plan(case, span, activities),
        "assessments": _assessments(case, span),
        "violations": _violations(case, span),
        "home_visits": _visits(case, span),
    }
