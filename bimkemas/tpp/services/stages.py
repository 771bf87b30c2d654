"""Stage transitions: the confirmed stage moves only by a TPP decision or a supervisor's
recorded override."""

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from bimkemas.accounts.models import User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.clients.access import can_supervise
from bimkemas.clients.models import SupervisionCase
from bimkemas.clients.stages import Stage
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.tpp.models import OVERRIDE_REASON_MIN, STAGE_ORDER, AgendaItem, StageTransition
from bimkemas.tpp.selectors import confirmed_stage


def clean_override_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if len(reason) < OVERRIDE_REASON_MIN:
        raise ApplicationError(
            _("Give the reason for the override (at least %(count)d characters).")
            % {"count": OVERRIDE_REASON_MIN},
            field="override_reason",
        )
    return reason


def stage_transition_create(
    *,
    actor: User,
    case: SupervisionCase,
    from_stage: str,
    to_stage: str,
    effective_on: dt.date,
    agenda_item: AgendaItem | None = None,
    override_reason: str = "",
) -> StageTransition:
    """Record a transition (the caller checked the rules) and audit it. In a transaction."""
    transition = StageTransition.objects.create(
        case=case,
        from_stage=from_stage,
        to_stage=to_stage,
        effective_on=effective_on,
        agenda_item=agenda_item,
        override_reason=override_reason,
        decided_by=actor,
    )
    summary = _("Confirmed stage: %(from)s → %(to)s") % {
        "from": Stage(from_stage).label,
        "to": Stage(to_stage).label,
    }
    if override_reason:
        summary = _("%(summary)s (override: %(reason)s)") % {
            "summary": summary,
            "reason": override_reason,
        }
    audit_record(
        actor=actor,
        action=AuditAction.STATUS,
        obj=case,
        client=case.client,
        summary=summary[:300],
        changes={"confirmed_stage": [from_stage, to_stage]},
    )
    return transition


@transaction.atomic
def stage_override(
    *, actor: User, case: SupervisionCase, to_stage: str, reason: str
) -> StageTransition:
    """A supervisor confirms a later stage outside a session (or without an approved
    evaluation), with a recorded reason."""
    case = SupervisionCase.objects.select_for_update().select_related("client").get(pk=case.pk)
    if not can_supervise(actor) or actor.office_id != case.office_id:
        raise ApplicationError(_("Only a section head or the Bapas head may override a stage."))
    if not case.is_open:
        raise ApplicationError(_("The case is closed."))
    reason = clean_override_reason(reason)
    current = confirmed_stage(case)
    if to_stage not in STAGE_ORDER or STAGE_ORDER[Stage(to_stage)] <= STAGE_ORDER[current]:
        raise ApplicationError(
            _("Choose a stage after the confirmed stage (%(stage)s).") % {"stage": current.label},
            field="to_stage",
        )
    return stage_transition_create(
        actor=actor,
        case=case,
        from_stage=current,
        to_stage=to_stage,
        effective_on=today(),
        override_reason=reason,
    )
