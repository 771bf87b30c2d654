"""Reads other apps rely on (a contract: guidance proposes plans from `current_needs` and fills
evaluations from `assessments_between`). Callers check access first; these do not scope."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from bimkemas.assessments.models import Assessment, AssessmentStatus, InstrumentKind
from bimkemas.assessments.scoring import LEVEL_ORDER


@dataclass(frozen=True)
class Need:
    code: str
    label: str
    level: str  # "rendah" | "sedang" | "tinggi"
    score: int
    suggestion: dict[str, Any] = field(default_factory=dict)
    # {"kind": "kepribadian"|"kemandirian", "area": …, "text": …, "method": …, "frequency": …}


def latest_scored(client_ids: list[int]) -> dict[int, dict[str, Assessment]]:
    """Per client, per instrument kind ("risk", "needs"), the latest scored assessment.
    Clients without any are left out. One query."""
    rows = (
        Assessment.objects.scored()
        .filter(client_id__in=list(client_ids))
        .select_related("instrument", "assessor")
        .order_by("client_id", "kind", "-assessed_on", "-pk")
    )
    latest: dict[int, dict[str, Assessment]] = {}
    for row in rows:
        latest.setdefault(row.client_id, {}).setdefault(row.kind, row)
    return latest


def needs_of(assessment: Assessment) -> list[Need]:
    """A scored needs assessment's domains as `Need`s, highest level (then score) first."""
    domains = {d["code"]: d for d in assessment.instrument.definition.get("domains", [])}
    needs = [
        Need(
            code=code,
            label=domains.get(code, {}).get("label", code),
            level=result["level"],
            score=result["score"],
            suggestion=dict(domains.get(code, {}).get("suggestion", {})),
        )
        for code, result in assessment.need_levels.items()
    ]
    order = list(domains)
    return sorted(
        needs,
        key=lambda n: (
            LEVEL_ORDER[n.level],
            -n.score,
            order.index(n.code) if n.code in order else 99,
        ),
    )


def latest_needs_assessment(client) -> Assessment | None:
    return (
        Assessment.objects.scored()
        .filter(client=client, kind=InstrumentKind.NEEDS)
        .select_related("instrument")
        .order_by("-assessed_on", "-pk")
        .first()
    )


def current_needs(client) -> list[Need]:
    """The client's needs from their latest scored needs assessment, highest level first;
    an empty list when they have none."""
    assessment = latest_needs_assessment(client)
    return needs_of(assessment) if assessment is not None else []


def assessments_between(case_id: int, start: dt.date, end: dt.date) -> list[Assessment]:
    """The case's scored assessments dated from `start` to `end` (both included), oldest
    first."""
    return list(
        Assessment.objects.filter(
            case_id=case_id,
            status=AssessmentStatus.SCORED,
            assessed_on__gte=start,
            assessed_on__lte=end,
        )
        .select_related("instrument", "assessor")
        .order_by("assessed_on", "pk")
    )


def client_history(client) -> list[Assessment]:
    """Every assessment of the client (drafts too), newest first."""
    return list(
        Assessment.objects.filter(client=client)
        .select_related("instrument", "assessor", "case")
        .order_by("-assessed_on", "-pk")
    )
