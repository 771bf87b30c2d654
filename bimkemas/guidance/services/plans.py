"""Stage plans: propose (a draft from the needs and the stage's standard items), edit a
draft, agree (the client's agreement recorded), revise an agreed plan (a new draft version;
the agreed one stays in force until the new one is agreed, then it is superseded)."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bimkemas.accounts.models import User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.clients.access import can_edit_case, can_supervise
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.guidance.models import (
    AgreementMethod,
    GuidanceArea,
    GuidanceKind,
    GuidanceMethod,
    GuidanceStage,
    PlanItem,
    PlanStatus,
    StagePlan,
)
from bimkemas.guidance.proposal import per_month_of, proposed_items
from bimkemas.guidance.stages import span_of

MAX_ITEMS = 30
ITEM_FIELDS = ("kind", "area", "description", "method", "frequency", "per_month", "responsible")


def _check_writer(actor: User, case: SupervisionCase) -> None:
    if not can_edit_case(actor, case):
        raise ApplicationError(_("Only the case's officer or a supervisor may change its plan."))
    if not case.is_open:
        raise ApplicationError(_("The case is closed."))


def _check_stage(case: SupervisionCase, stage: str) -> None:
    if stage not in GuidanceStage.values:
        raise ApplicationError(_("Choose a stage: awal, lanjutan or akhir."), field="stage")
    if span_of(case, stage) is None:
        raise ApplicationError(_("This guidance period has no such stage."), field="stage")


def clean_items(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Validate the items of a plan; every message names the item's number."""
    if not items:
        raise ApplicationError(_("A plan needs at least one item."), field="items")
    if len(items) > MAX_ITEMS:
        raise ApplicationError(
            _("A plan holds at most %(count)d items.") % {"count": MAX_ITEMS}, field="items"
        )
    errors: dict[str, list[str]] = {}
    cleaned = []
    for number, raw in enumerate(items, start=1):
        item: dict[str, Any] = {
            "kind": raw.get("kind") or "",
            "area": raw.get("area") or "",
            "description": (raw.get("description") or "").strip(),
            "method": raw.get("method") or "",
            "frequency": (raw.get("frequency") or "").strip(),
            "responsible": (raw.get("responsible") or "").strip(),
            "need_codes": [str(code)[:50] for code in raw.get("need_codes") or []][:20],
            "standard": bool(raw.get("standard")),
        }
        per_month = raw.get("per_month")
        if per_month in (None, ""):
            per_month = per_month_of(item["frequency"])
        item["per_month"] = per_month
        problems = []
        if item["kind"] not in GuidanceKind.values:
            problems.append(_("choose the kind of guidance"))
        if item["area"] not in GuidanceArea.values:
            problems.append(_("choose an area"))
        if item["method"] not in GuidanceMethod.values:
            problems.append(_("choose a method"))
        if not item["description"]:
            problems.append(_("describe the activity"))
        if len(item["description"]) > 500 or len(item["frequency"]) > 100:
            problems.append(_("the text is too long"))
        if len(item["responsible"]) > 200:
            problems.append(_("the responsible's name is too long"))
        try:
            item["per_month"] = int(item["per_month"])
            if not 0 <= item["per_month"] <= 31:
                raise ValueError
        except (TypeError, ValueError):
            problems.append(_("sessions per month must be a number from 0 to 31"))
        if problems:
            errors[f"items.{number}"] = [
                _("Item %(number)d: %(problems)s.")
                % {"number": number, "problems": "; ".join(problems)}
            ]
        cleaned.append(item)
    if errors:
        raise ApplicationError(errors=errors)
    return cleaned


def _write_items(plan: StagePlan, items: list[dict[str, Any]]) -> None:
    PlanItem.objects.bulk_create(
        [PlanItem(plan=plan, position=number, **item) for number, item in enumerate(items)]
    )


def _next_version(case: SupervisionCase, stage: str) -> int:
    latest = StagePlan.objects.filter(case=case, stage=stage).order_by("-version").first()
    return latest.version + 1 if latest else 1


@transaction.atomic
def plan_propose(*, actor: User, case: SupervisionCase, stage: str) -> StagePlan:
    """A draft plan of the stage, from the client's needs and the stage's standard items."""
    _check_writer(actor, case)
    _check_stage(case, stage)
    SupervisionCase.objects.select_for_update().filter(pk=case.pk).first()
    if StagePlan.objects.filter(
        case=case, stage=stage, status__in=[PlanStatus.DRAFT, PlanStatus.AGREED]
    ).exists():
        raise ApplicationError(_("This stage already has a plan; edit it instead."))
    responsible = str(case.officer) if case.officer_id else ""
    plan = StagePlan.objects.create(
        case=case, stage=stage, version=_next_version(case, stage), author=actor
    )
    _write_items(plan, clean_items(proposed_items(case.client, stage, responsible)))
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=plan,
        client=case.client,
        summary=_("Plan of %(stage)s proposed") % {"stage": plan.get_stage_display()},
    )
    return plan


@transaction.atomic
def plan_update(
    *, actor: User, plan: StagePlan, items: list[dict[str, Any]], note: str | None = None
) -> StagePlan:
    """Replace the items (and the note) of a draft. An agreed plan is revised, not edited."""
    _check_writer(actor, plan.case)
    plan = StagePlan.objects.select_for_update().get(pk=plan.pk)
    if not plan.is_draft:
        raise ApplicationError(_("Only a draft can be edited; revise the agreed plan instead."))
    cleaned = clean_items(items)
    before = list(plan.items.values_list("description", flat=True))
    plan.items.all().delete()
    _write_items(plan, cleaned)
    if note is not None:
        plan.note = note.strip()[:2000]
        plan.save(update_fields=["note", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=plan,
        client=plan.case.client,
        summary=_("Draft plan of %(stage)s edited") % {"stage": plan.get_stage_display()},
        changes={"items": [before, [item["description"] for item in cleaned]]},
    )
    return plan


@transaction.atomic
def plan_revise(*, actor: User, plan: StagePlan) -> StagePlan:
    """A new draft version copying an agreed plan; the agreed one stays until it is replaced."""
    _check_writer(actor, plan.case)
    plan = StagePlan.objects.select_for_update().get(pk=plan.pk)
    if not plan.is_agreed:
        raise ApplicationError(_("Only the agreed plan can be revised."))
    if StagePlan.objects.filter(
        case_id=plan.case_id, stage=plan.stage, status=PlanStatus.DRAFT
    ).exists():
        raise ApplicationError(_("A revised draft of this plan exists already."))
    draft = StagePlan.objects.create(
        case_id=plan.case_id,
        stage=plan.stage,
        version=_next_version(plan.case, plan.stage),
        author=actor,
        note=plan.note,
    )
    items = list(plan.items.values(*ITEM_FIELDS, "need_codes", "standard"))
    _write_items(draft, items)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=draft,
        client=plan.case.client,
        summary=_("Plan of %(stage)s revised (version %(version)d)")
        % {"stage": draft.get_stage_display(), "version": draft.version},
    )
    return draft


@transaction.atomic
def plan_agree(
    *,
    actor: User,
    plan: StagePlan,
    agreed_on: dt.date,
    method: str,
    note: str = "",
) -> StagePlan:
    """Record the client's agreement: the draft becomes the stage's plan; the version it
    replaces is superseded."""
    _check_writer(actor, plan.case)
    plan = StagePlan.objects.select_for_update().select_related("case__client").get(pk=plan.pk)
    if not plan.is_draft:
        raise ApplicationError(_("This plan is not a draft."))
    if method not in AgreementMethod.values:
        raise ApplicationError(_("Say how the client agreed."), field="method")
    if agreed_on is None or agreed_on > today():
        raise ApplicationError(_("The date cannot be in the future."), field="agreed_on")
    if agreed_on < plan.case.guidance_start - dt.timedelta(days=30):
        raise ApplicationError(_("The date is before the guidance period."), field="agreed_on")
    if not plan.items.exists():
        raise ApplicationError(_("A plan needs at least one item."), field="items")
    StagePlan.objects.filter(
        case_id=plan.case_id, stage=plan.stage, status=PlanStatus.AGREED
    ).update(status=PlanStatus.SUPERSEDED, updated_at=timezone.now())
    plan.status = PlanStatus.AGREED
    plan.client_agreed_on = agreed_on
    plan.agreement_method = method
    plan.agreed_recorded_by = actor
    if note.strip():
        plan.note = note.strip()[:2000]
    plan.save()
    audit_record(
        actor=actor,
        action=AuditAction.STATUS,
        obj=plan,
        client=plan.case.client,
        summary=_("Client agreed to the plan of %(stage)s (%(how)s)")
        % {"stage": plan.get_stage_display(), "how": plan.get_agreement_method_display()},
    )
    return plan


@transaction.atomic
def plan_approve(*, actor: User, plan: StagePlan) -> StagePlan:
    """A section or Bapas head of the office (or a TPP decision recorded by one) approves an
    agreed plan; the author never approves their own."""
    plan = StagePlan.objects.select_for_update().select_related("case__client").get(pk=plan.pk)
    if actor.pk == plan.author_id:
        raise ApplicationError(_("The author of a plan cannot approve it."))
    if not (can_supervise(actor) and actor.office_id == plan.case.office_id):
        raise ApplicationError(_("Only a section head or the Bapas head of the office may."))
    if not plan.is_agreed:
        raise ApplicationError(_("Only a plan the client agreed to can be approved."))
    if plan.approved_at is not None:
        raise ApplicationError(_("This plan is approved already."))
    plan.approved_by = actor
    plan.approved_at = timezone.now()
    plan.save(update_fields=["approved_by", "approved_at", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.STATUS,
        obj=plan,
        client=plan.case.client,
        summary=_("Plan of %(stage)s approved") % {"stage": plan.get_stage_display()},
    )
    return plan
