"""Evaluations (laporan perkembangan): the PK drafts one per stage, pre-filled with the
period's facts, writes the judgement and submits it; a section or Bapas head of the office
approves it or returns it with a note. The author never approves their own. Changing an
approved evaluation starts a new version, which replaces the approved one when approved."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bimkemas.accounts.models import User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.clients.access import can_edit_case, can_supervise
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.documents.models import DocumentKind
from bimkemas.documents.services import document_generate
from bimkemas.guidance.access import can_review
from bimkemas.guidance.models import (
    OPEN_EVALUATION_STATUSES,
    Evaluation,
    EvaluationStatus,
    GuidanceStage,
    Recommendation,
)
from bimkemas.guidance.prefill import evaluation_prefill
from bimkemas.guidance.report import progress_report_content
from bimkemas.guidance.stages import span_of
from bimkemas.notifications.services import notification_enqueue

JUDGEMENT_FIELDS = ("progress_summary", "attitude", "compliance_judgement", "recommendation")
MAX_TEXT = 10_000


def _check_writer(actor: User, case: SupervisionCase) -> None:
    if not can_edit_case(actor, case):
        raise ApplicationError(_("Only the case's officer or a supervisor may write this."))


def _locked(evaluation: Evaluation) -> Evaluation:
    return (
        Evaluation.objects.select_for_update()
        .select_related("case__client", "case__office", "author")
        .get(pk=evaluation.pk)
    )


def _audit(actor: User, evaluation: Evaluation, action: str, summary: str, **extra) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=evaluation,
        client=evaluation.case.client,
        summary=summary % {"stage": evaluation.get_stage_display(), "v": evaluation.version},
        **extra,
    )


def _tell_author(evaluation: Evaluation, what: str, subject: str) -> None:
    """An in-app message to the author, written with the change (the outbox)."""
    notification_enqueue(
        recipient=evaluation.author,
        purpose_key=f"evaluation-{what}:{evaluation.public_id}:{evaluation.updated_at.isoformat()}",
        subject=subject
        % {"stage": evaluation.get_stage_display(), "client": evaluation.case.client.full_name},
        url=reverse("guidance_evaluation", args=[evaluation.public_id]),
    )


def _next_version(case_id: int, stage: str) -> int:
    latest = Evaluation.objects.filter(case_id=case_id, stage=stage).order_by("-version").first()
    return latest.version + 1 if latest else 1


@transaction.atomic
def evaluation_create(*, actor: User, case: SupervisionCase, stage: str) -> Evaluation:
    """A draft of the stage's evaluation, pre-filled; the stage must have begun."""
    _check_writer(actor, case)
    if stage not in GuidanceStage.values:
        raise ApplicationError(_("Choose a stage: awal, lanjutan or akhir."), field="stage")
    span = span_of(case, stage)
    if span is None:
        raise ApplicationError(_("This guidance period has no such stage."), field="stage")
    if span.first_day > today():
        raise ApplicationError(_("This stage has not begun yet."), field="stage")
    SupervisionCase.objects.select_for_update().filter(pk=case.pk).first()
    if Evaluation.objects.filter(
        case=case, stage=stage, status__in=OPEN_EVALUATION_STATUSES
    ).exists():
        raise ApplicationError(_("This stage's evaluation is being written already."))
    if Evaluation.objects.filter(case=case, stage=stage, status=EvaluationStatus.APPROVED).exists():
        raise ApplicationError(_("This stage's evaluation is approved; revise it instead."))
    evaluation = Evaluation.objects.create(
        case=case,
        stage=stage,
        period_start=span.first_day,
        period_end=span.last_day,
        version=_next_version(case.pk, stage),
        prefill=evaluation_prefill(case, stage),
        author=actor,
    )
    _audit(actor, evaluation, AuditAction.CREATE, _("Evaluation of %(stage)s drafted"))
    return evaluation


def _clean_judgement(values: dict) -> dict[str, str]:
    cleaned = {}
    for name in JUDGEMENT_FIELDS:
        if name in values and values[name] is not None:
            cleaned[name] = str(values[name]).strip()
    if len(cleaned.get("recommendation", "")) and (
        cleaned["recommendation"] not in Recommendation.values
    ):
        raise ApplicationError(_("Choose a recommendation."), field="recommendation")
    for name, value in cleaned.items():
        if len(value) > MAX_TEXT:
            raise ApplicationError(_("The text is too long."), field=name)
    return cleaned


@transaction.atomic
def evaluation_update(
    *, actor: User, evaluation: Evaluation, refresh: bool = False, **judgement
) -> Evaluation:
    """Write the PK's judgement on a draft or returned evaluation; `refresh` gathers the
    period's facts again."""
    _check_writer(actor, evaluation.case)
    cleaned = _clean_judgement(judgement)
    evaluation = _locked(evaluation)
    if not evaluation.is_editable:
        raise ApplicationError(_("Only a draft or a returned evaluation can be changed."))
    before = {name: getattr(evaluation, name) for name in cleaned}
    for name, value in cleaned.items():
        setattr(evaluation, name, value)
    if refresh:
        evaluation.prefill = evaluation_prefill(evaluation.case, evaluation.stage)
    evaluation.save()
    changes = {n: [before[n][:100], v[:100]] for n, v in cleaned.items() if before[n] != v}
    _audit(
        actor,
        evaluation,
        AuditAction.UPDATE,
        _("Evaluation of %(stage)s (version %(v)d) edited"),
        changes=changes,
    )
    return evaluation


@transaction.atomic
def evaluation_submit(*, actor: User, evaluation: Evaluation) -> Evaluation:
    _check_writer(actor, evaluation.case)
    evaluation = _locked(evaluation)
    if not evaluation.is_editable:
        raise ApplicationError(_("Only a draft or a returned evaluation can be submitted."))
    if not evaluation.is_complete:
        raise ApplicationError(
            _("Write the progress summary and choose a recommendation before submitting.")
        )
    evaluation.status = EvaluationStatus.SUBMITTED
    evaluation.submitted_at = timezone.now()
    evaluation.save()
    _audit(actor, evaluation, AuditAction.STATUS, _("Evaluation of %(stage)s submitted"))
    return evaluation


def _check_reviewer(actor: User, evaluation: Evaluation) -> None:
    if actor.pk == evaluation.author_id:
        raise ApplicationError(_("The author of an evaluation cannot approve or return it."))
    if not can_review(actor, evaluation):
        raise ApplicationError(_("Only a section head or the Bapas head of the office may."))
    if evaluation.status != EvaluationStatus.SUBMITTED:
        raise ApplicationError(_("Only a submitted evaluation can be approved or returned."))


@transaction.atomic
def evaluation_approve(*, actor: User, evaluation: Evaluation) -> Evaluation:
    evaluation = _locked(evaluation)
    _check_reviewer(actor, evaluation)
    Evaluation.objects.filter(
        case_id=evaluation.case_id, stage=evaluation.stage, status=EvaluationStatus.APPROVED
    ).update(status=EvaluationStatus.SUPERSEDED, updated_at=timezone.now())
    evaluation.status = EvaluationStatus.APPROVED
    evaluation.approved_by = actor
    evaluation.approved_at = timezone.now()
    evaluation.save()
    _audit(actor, evaluation, AuditAction.STATUS, _("Evaluation of %(stage)s approved"))
    _tell_author(evaluation, "approved", _("Evaluation of %(stage)s approved: %(client)s"))
    return evaluation


@transaction.atomic
def evaluation_return(*, actor: User, evaluation: Evaluation, note: str) -> Evaluation:
    evaluation = _locked(evaluation)
    _check_reviewer(actor, evaluation)
    if not (note or "").strip():
        raise ApplicationError(_("Say what needs changing."), field="note")
    evaluation.status = EvaluationStatus.RETURNED
    evaluation.returned_by = actor
    evaluation.returned_at = timezone.now()
    evaluation.return_note = note.strip()[:MAX_TEXT]
    evaluation.save()
    _audit(actor, evaluation, AuditAction.STATUS, _("Evaluation of %(stage)s returned"))
    _tell_author(evaluation, "returned", _("Evaluation of %(stage)s returned: %(client)s"))
    return evaluation


@transaction.atomic
def evaluation_revise(*, actor: User, evaluation: Evaluation) -> Evaluation:
    """A new draft version of an approved evaluation, its judgement copied and its facts
    gathered again; the approved one stays in force until the new one is approved."""
    _check_writer(actor, evaluation.case)
    evaluation = _locked(evaluation)
    if evaluation.status != EvaluationStatus.APPROVED:
        raise ApplicationError(_("Only the approved evaluation can be revised."))
    if Evaluation.objects.filter(
        case_id=evaluation.case_id, stage=evaluation.stage, status__in=OPEN_EVALUATION_STATUSES
    ).exists():
        raise ApplicationError(_("A new version of this evaluation is being written already."))
    draft = Evaluation.objects.create(
        case=evaluation.case,
        stage=evaluation.stage,
        period_start=evaluation.period_start,
        period_end=evaluation.period_end,
        version=_next_version(evaluation.case_id, evaluation.stage),
        prefill=evaluation_prefill(evaluation.case, evaluation.stage),
        author=actor,
        **{name: getattr(evaluation, name) for name in JUDGEMENT_FIELDS},
    )
    _audit(actor, draft, AuditAction.CREATE, _("Evaluation of %(stage)s revised (version %(v)d)"))
    return draft


def evaluation_document_generate(*, actor: User, evaluation: Evaluation, fmt: str):
    """A new DOCX or PDF version of the evaluation's progress report (documents app), for
    the case's officer or a supervisor of the office."""
    if not can_edit_case(actor, evaluation.case) and not (
        can_supervise(actor) and actor.office_id == evaluation.case.office_id
    ):
        raise ApplicationError(_("Only the case's officer or a supervisor may generate it."))
    return document_generate(
        actor=actor,
        kind=DocumentKind.PROGRESS_REPORT,
        source=evaluation,
        office=evaluation.case.office,
        content=progress_report_content(evaluation, today()),
        fmt=fmt,
        client=evaluation.case.client,
    )
