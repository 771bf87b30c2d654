"""Writes: instrument versions, assessments and reassessment triggers.

Rules: a published instrument version never changes (a change is a new draft version, published
in its place); an assessment with any answer missing is a draft and is never scored; a scored
assessment is never changed (a correction is a new assessment); a scored risk assessment
resolves the case's open reassessment triggers.
"""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from bimkemas.accounts.models import User
from bimkemas.assessments.definitions import check_definition
from bimkemas.assessments.models import (
    Assessment,
    AssessmentReason,
    AssessmentStatus,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    ReassessmentTrigger,
    TriggerReason,
)
from bimkemas.assessments.scoring import clean_answers, score
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError

# An assessment for a case may be taken in prison before its SK (for the integration litmas).
EARLIEST_BEFORE_SK = dt.timedelta(days=365)

# Instruments


@transaction.atomic
def instrument_create(
    *, actor: User | None, code: str, name: str, kind: str, definition: Any, note: str = ""
) -> Instrument:
    """A new instrument as draft version 1."""
    if kind not in InstrumentKind.values:
        raise ApplicationError(_("Choose risk or needs."), field="kind")
    if not code.strip() or Instrument.objects.filter(code=code).exists():
        raise ApplicationError(_("This code is empty or already in use."), field="code")
    check_definition(definition, kind)
    instrument = Instrument.objects.create(
        code=code.strip(), name=name, kind=kind, definition=definition, note=note
    )
    audit_record(
        actor=actor, action=AuditAction.CREATE, obj=instrument, summary=f"Instrument {instrument}"
    )
    return instrument


@transaction.atomic
def instrument_update(
    *, actor: User | None, instrument: Instrument, name: str, definition: Any, note: str = ""
) -> Instrument:
    """Change a draft version; a published or retired version is refused."""
    instrument = Instrument.objects.select_for_update().get(pk=instrument.pk)
    if not instrument.is_editable:
        raise ApplicationError(
            _("A published version cannot be changed: make a new version and publish it.")
        )
    check_definition(definition, instrument.kind)
    instrument.name, instrument.definition, instrument.note = name, definition, note
    instrument.save(update_fields=["name", "definition", "note", "updated_at"])
    audit_record(
        actor=actor, action=AuditAction.UPDATE, obj=instrument, summary=f"Instrument {instrument}"
    )
    return instrument


@transaction.atomic
def instrument_publish(*, actor: User | None, instrument: Instrument) -> Instrument:
    """Publish a draft version; the version published before it is retired (assessments keep
    the version they were taken with)."""
    instrument = Instrument.objects.select_for_update().get(pk=instrument.pk)
    if not instrument.is_editable:
        raise ApplicationError(_("Only a draft version can be published."))
    check_definition(instrument.definition, instrument.kind)
    Instrument.objects.filter(code=instrument.code, status=InstrumentStatus.PUBLISHED).update(
        status=InstrumentStatus.RETIRED
    )
    instrument.status = InstrumentStatus.PUBLISHED
    instrument.published_at = timezone.now()
    instrument.save(update_fields=["status", "published_at", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.STATUS,
        obj=instrument,
        summary=f"Instrument {instrument} published",
    )
    return instrument


@transaction.atomic
def instrument_new_version(*, actor: User | None, instrument: Instrument) -> Instrument:
    """A draft copy of a version, numbered after the instrument's highest version."""
    latest = Instrument.objects.filter(code=instrument.code).aggregate(v=Max("version"))["v"]
    if Instrument.objects.filter(code=instrument.code, status=InstrumentStatus.DRAFT).exists():
        raise ApplicationError(_("This instrument already has a draft version: edit that one."))
    copy = Instrument.objects.create(
        code=instrument.code,
        name=instrument.name,
        kind=instrument.kind,
        version=(latest or 0) + 1,
        definition=instrument.definition,
        note=instrument.note,
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=copy,
        summary=f"Instrument {copy} drafted from v{instrument.version}",
    )
    return copy


# Assessments


def _check_fields(*, case: SupervisionCase, assessed_on: Any, reason: str) -> None:
    errors: dict[str, list[str]] = {}
    if not isinstance(assessed_on, dt.date):
        errors["assessed_on"] = [_("Enter the date of the assessment.")]
    elif assessed_on > today():
        errors["assessed_on"] = [_("The date of the assessment cannot be in the future.")]
    elif assessed_on < case.sk_date - EARLIEST_BEFORE_SK:
        errors["assessed_on"] = [
            _("The date is more than a year before the SK: this case had not begun.")
        ]
    if reason not in AssessmentReason.values:
        errors["reason"] = [_("Choose a reason.")]
    if not case.is_open:
        errors["__all__"] = [_("This case is closed: it can no longer be assessed.")]
    if errors:
        raise ApplicationError(errors=errors)


def _apply(
    assessment: Assessment,
    *,
    answers: Mapping[str, Any] | None,
    assessed_on: dt.date,
    reason: str,
    note: str,
    sources: str,
    finish: bool,
) -> None:
    """Set the fields and, when every item is answered and `finish`, the score, band and needs."""
    definition = assessment.instrument.definition
    cleaned = clean_answers(definition, answers)
    result = score(definition, cleaned)
    assessment.answers = cleaned
    assessment.assessed_on = assessed_on
    assessment.reason = reason
    assessment.note = note
    assessment.sources = sources
    if result.complete and finish:
        assessment.status = AssessmentStatus.SCORED
        assessment.score = result.total
        assessment.band = result.band
        assessment.need_levels = result.needs
        assessment.scored_at = timezone.now()
    else:
        assessment.status = AssessmentStatus.DRAFT
        assessment.score, assessment.band, assessment.need_levels = None, "", {}


def _resolve_triggers(assessment: Assessment) -> None:
    if assessment.status == AssessmentStatus.SCORED and assessment.kind == InstrumentKind.RISK:
        ReassessmentTrigger.objects.filter(
            case_id=assessment.case_id, resolved_by_assessment__isnull=True
        ).update(resolved_by_assessment=assessment)


def _summary(assessment: Assessment) -> str:
    if assessment.status == AssessmentStatus.SCORED:
        return f"Assessment {assessment.instrument}: {assessment.score} ({assessment.band})"
    return f"Assessment {assessment.instrument}: draft"


@transaction.atomic
def assessment_save(
    *,
    actor: User,
    case: SupervisionCase,
    instrument: Instrument,
    answers: Mapping[str, Any] | None,
    assessed_on: dt.date,
    reason: str = AssessmentReason.INITIAL,
    note: str = "",
    sources: str = "",
    finish: bool = True,
) -> Assessment:
    """A new assessment of the case's client with a published instrument version: scored when
    every item is answered (and `finish`), otherwise a draft to complete later."""
    if instrument.status != InstrumentStatus.PUBLISHED:
        raise ApplicationError(_("Choose a published instrument."), field="instrument")
    _check_fields(case=case, assessed_on=assessed_on, reason=reason)
    assessment = Assessment(
        client_id=case.client_id,
        case=case,
        instrument=instrument,
        kind=instrument.kind,
        assessor=actor,
    )
    _apply(
        assessment,
        answers=answers,
        assessed_on=assessed_on,
        reason=reason,
        note=note,
        sources=sources,
        finish=finish,
    )
    assessment.save()
    _resolve_triggers(assessment)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=assessment,
        client=case.client,
        summary=_summary(assessment),
    )
    return assessment


@transaction.atomic
def assessment_update(
    *,
    actor: User,
    assessment: Assessment,
    answers: Mapping[str, Any] | None,
    assessed_on: dt.date,
    reason: str,
    note: str = "",
    sources: str = "",
    finish: bool = True,
) -> Assessment:
    """Continue a draft (with the instrument version it was started with); a scored
    assessment is refused."""
    assessment = (
        Assessment.objects.select_for_update()
        .select_related("instrument", "case__client")
        .get(pk=assessment.pk)
    )
    if not assessment.is_draft:
        raise ApplicationError(
            _("A scored assessment cannot be changed: record a new assessment instead.")
        )
    _check_fields(case=assessment.case, assessed_on=assessed_on, reason=reason)
    _apply(
        assessment,
        answers=answers,
        assessed_on=assessed_on,
        reason=reason,
        note=note,
        sources=sources,
        finish=finish,
    )
    assessment.assessor = actor
    assessment.save()
    _resolve_triggers(assessment)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=assessment,
        client=assessment.case.client,
        summary=_summary(assessment),
    )
    return assessment


# Reassessment triggers


@transaction.atomic
def reassessment_trigger(
    *, actor: User | None, case: SupervisionCase, reason: str, note: str = ""
) -> ReassessmentTrigger:
    """Record new information that makes the case's reassessment due soon (DOMAIN.md §6).
    TPP and violations call this; it stays open until the next scored risk assessment."""
    if reason not in TriggerReason.values:
        raise ApplicationError(_("Choose a reason."), field="reason")
    if not case.is_open:
        raise ApplicationError(_("This case is closed: it can no longer be assessed."))
    if len(note) > 500:
        raise ApplicationError(_("Keep the note under 500 characters."), field="note")
    trigger = ReassessmentTrigger.objects.create(
        case=case, reason=reason, note=note, created_by=actor
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=trigger,
        client=case.client,
        summary=f"Reassessment requested: {trigger.get_reason_display()}",
    )
    return trigger
