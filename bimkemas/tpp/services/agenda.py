"""The agenda of a session: cases put forward, and the session's decision on each."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bimkemas.accounts.models import User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.clients.access import can_supervise
from bimkemas.clients.models import SupervisionCase
from bimkemas.clients.stages import Stage
from bimkemas.core.errors import ApplicationError
from bimkemas.tpp import integrations
from bimkemas.tpp.access import can_propose
from bimkemas.tpp.models import (
    NEXT_STAGE,
    REASSESSMENT_KINDS,
    AgendaItem,
    AgendaKind,
    Decision,
    SessionStatus,
    TppSession,
)
from bimkemas.tpp.selectors import confirmed_stage
from bimkemas.tpp.services.stages import clean_override_reason, stage_transition_create

TEXT_MAX = 5000


def _require_open(session: TppSession) -> None:
    if session.is_closed:
        raise ApplicationError(_("This session is closed; its record can no longer change."))


@transaction.atomic
def agenda_add(
    *,
    actor: User,
    session: TppSession,
    case: SupervisionCase,
    kind: str,
    summary: str = "",
    recommendation: str = "",
    presented_by: User | None = None,
) -> AgendaItem:
    """Put a case on a session's agenda.

    1. The session is open, the case an open case of the session's office that the actor
       may propose (a supervisor: any; a PK: their own).
    2. A stage transition goes from the confirmed stage to the next one, once per case
       among the undecided items of open sessions.
    3. A revocation recommendation or another request about the client is new information:
       the client is re-assessed.
    """
    session = TppSession.objects.select_for_update().get(pk=session.pk)
    _require_open(session)
    if case.office_id != session.office_id or not can_propose(actor, case):
        raise ApplicationError(
            _("You cannot put this case on this session's agenda."), field="case"
        )
    if kind not in AgendaKind.values:
        raise ApplicationError(_("Choose the kind of agenda item."), field="kind")
    if len(summary) > TEXT_MAX or len(recommendation) > TEXT_MAX:
        raise ApplicationError(_("The text is too long."), field="summary")
    presenter = presented_by or case.officer or actor
    if presenter.office_id != session.office_id:
        raise ApplicationError(_("The presenter must work in this office."), field="presented_by")
    from_stage = to_stage = ""
    if kind == AgendaKind.STAGE_TRANSITION:
        from_stage = confirmed_stage(case)
        to_stage = NEXT_STAGE.get(Stage(from_stage), "")
        if not to_stage:
            raise ApplicationError(
                _("The case is already confirmed in the final stage."), field="kind"
            )
        pending = AgendaItem.objects.filter(
            case=case, kind=AgendaKind.STAGE_TRANSITION, decision=""
        ).exclude(session__status=SessionStatus.CLOSED)
        if pending.exists():
            raise ApplicationError(
                _("This case already waits for a stage decision on an agenda."), field="case"
            )
    item = AgendaItem.objects.create(
        session=session,
        case=case,
        kind=kind,
        from_stage=from_stage,
        to_stage=to_stage,
        presented_by=presenter,
        summary=summary.strip(),
        recommendation=recommendation.strip(),
        proposed_by=actor,
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=item,
        client=case.client,
        summary=_("On the agenda of TPP session %(number)s: %(kind)s")
        % {"number": session.number, "kind": AgendaKind(kind).label},
    )
    if kind in REASSESSMENT_KINDS:
        integrations.reassessment_trigger(
            actor=actor,
            case=case,
            note=_("%(kind)s, TPP session %(number)s")
            % {"kind": AgendaKind(kind).label, "number": session.number},
        )
    return item


def _confirm_transition(actor: User, item: AgendaItem, override_reason: str) -> None:
    """An approved stage transition confirms the next stage when the stage it leaves was
    evaluated and the evaluation approved; otherwise only with a supervisor's reason."""
    case = item.case
    current = confirmed_stage(case)
    if current != item.from_stage:
        raise ApplicationError(
            _("The case's confirmed stage has changed since it was put on the agenda.")
        )
    evaluation = integrations.approved_evaluation(case.pk, item.from_stage)
    if evaluation is None and not override_reason.strip():
        raise ApplicationError(
            _(
                "The evaluation of %(stage)s has not been approved: the stage cannot be "
                "confirmed. Approve the evaluation first, or give a reason to override."
            )
            % {"stage": Stage(item.from_stage).label},
            field="override_reason",
        )
    reason = clean_override_reason(override_reason) if evaluation is None else ""
    stage_transition_create(
        actor=actor,
        case=case,
        from_stage=item.from_stage,
        to_stage=item.to_stage,
        effective_on=item.session.held_on,
        agenda_item=item,
        override_reason=reason,
    )


@transaction.atomic
def agenda_decide(
    *,
    actor: User,
    item: AgendaItem,
    decision: str,
    note: str = "",
    override_reason: str = "",
) -> AgendaItem:
    """Record the session's decision on an item. An approved decision is final (it may have
    moved the case's stage); a rejected or deferred one may be revised until the session
    closes."""
    item = (
        AgendaItem.objects.select_for_update()
        .select_related("session", "case__client")
        .get(pk=item.pk)
    )
    session = item.session
    if not can_supervise(actor) or actor.office_id != session.office_id:
        raise ApplicationError(_("Only a section head or the Bapas head may record decisions."))
    _require_open(session)
    if session.held_on > timezone.localdate():
        raise ApplicationError(_("Decisions are recorded on or after the session's date."))
    if decision not in Decision.values:
        raise ApplicationError(_("Choose a decision."), field="decision")
    if item.decision == Decision.APPROVED:
        raise ApplicationError(_("This item was approved; the decision is final."))
    if len(note) > TEXT_MAX:
        raise ApplicationError(_("The text is too long."), field="note")
    if decision == Decision.APPROVED and item.kind == AgendaKind.STAGE_TRANSITION:
        _confirm_transition(actor, item, override_reason)
    before = item.decision
    item.decision, item.decision_note = decision, note.strip()
    item.decided_at, item.decided_by = timezone.now(), actor
    item.save(update_fields=["decision", "decision_note", "decided_at", "decided_by", "updated_at"])
    if session.status == SessionStatus.PLANNED:
        session.status = SessionStatus.HELD
        session.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.STATUS,
        obj=item,
        client=item.case.client,
        summary=_("TPP session %(number)s decided: %(decision)s")
        % {"number": session.number, "decision": Decision(decision).label},
        changes={"decision": [before, decision]},
    )
    return item
