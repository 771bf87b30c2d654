"""Reads shared by the guidance pages, the API and the apps above (tpp decides stage
transitions with `approved_evaluation` and `current_plan`)."""

from bimkemas.guidance.models import (
    OPEN_EVALUATION_STATUSES,
    Evaluation,
    EvaluationStatus,
    PlanStatus,
    StagePlan,
)


def approved_evaluation(case_id: int, stage: str) -> Evaluation | None:
    """The approved (current) evaluation of a case's stage, or None."""
    return (
        Evaluation.objects.filter(case_id=case_id, stage=stage, status=EvaluationStatus.APPROVED)
        .select_related("author", "approved_by")
        .first()
    )


def current_plan(case_id: int, stage: str) -> StagePlan | None:
    """The agreed (current) plan of a case's stage, or None while there is only a draft."""
    return (
        StagePlan.objects.filter(case_id=case_id, stage=stage, status=PlanStatus.AGREED)
        .select_related("author")
        .first()
    )


def draft_plan(case_id: int, stage: str) -> StagePlan | None:
    return StagePlan.objects.filter(case_id=case_id, stage=stage, status=PlanStatus.DRAFT).first()


def open_evaluation(case_id: int, stage: str) -> Evaluation | None:
    """The version being written or waiting for approval (draft, submitted, returned)."""
    return Evaluation.objects.filter(
        case_id=case_id, stage=stage, status__in=OPEN_EVALUATION_STATUSES
    ).first()
