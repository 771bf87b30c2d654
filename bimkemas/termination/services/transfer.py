"""Transfer to another Bapas: the file is handed over."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from bimkemas.accounts.models import Office, Role, User, WorkArea
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.clients.models import CASE_TERMS_FIELDS, CaseStatus, Client, SupervisionCase
from bimkemas.clients.services import case_close, case_set_stage_dates, next_register_number
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.notifications.services import notification_enqueue
from bimkemas.termination.models import Termination, TerminationKind
from bimkemas.termination.services.common import clean_reason, locked_case, require_terminator
from bimkemas.tpp.selectors import confirmed_stage
from bimkemas.tpp.services import stage_transition_create


def _receiving_area(to_office: Office, work_area: WorkArea | None) -> WorkArea:
    if work_area is None:
        work_area = WorkArea.objects.filter(office=to_office).order_by("id").first()
    if work_area is None or work_area.office_id != to_office.pk:
        raise ApplicationError(_("Choose a work area of the receiving Bapas."), field="work_area")
    return work_area


def _new_case(actor: User, old: SupervisionCase, to_office: Office) -> SupervisionCase:
    """The receiving office's case: the same SK terms, its own register number, received
    today and waiting for an officer."""
    case = SupervisionCase(
        client=old.client,
        office=to_office,
        registered_by=actor,
        status=CaseStatus.RECEIVED,
        **{name: getattr(old, name) for name in CASE_TERMS_FIELDS},
    )
    case.received_on = today()
    case_set_stage_dates(case, to_office)
    case.register_number = next_register_number(
        office=to_office, case=case, category=old.client.category
    )
    case.save()
    return case


def _notify_receiving_office(actor: User, old: SupervisionCase, new: SupervisionCase) -> None:
    heads = User.objects.filter(office=new.office, role=Role.SUPERVISOR, is_active=True)
    if not heads.exists():
        heads = User.objects.filter(office=new.office, role=Role.HEAD, is_active=True)
    with translation.override(settings.LANGUAGE_CODE):
        for head in heads:
            notification_enqueue(
                recipient=head,
                purpose_key=f"case-transferred:{new.pk}",
                subject=_("Client transferred in: %(name)s (%(register)s)")
                % {"name": new.client.full_name, "register": new.register_number},
                body=_("%(office)s handed this client over; assign an officer.")
                % {"office": old.office.name},
                url=reverse("client_detail", args=[new.client.public_id]),
            )


@transaction.atomic
def case_transfer(
    *,
    actor: User,
    case: SupervisionCase,
    to_office: Office,
    reason: str,
    work_area: WorkArea | None = None,
) -> Termination:
    """Hand a client over to another Bapas.

    1. The case closes as transferred; its officer's assignment ends.
    2. The client's file moves: `Client.office` becomes the receiving office, so its staff
       see the whole history (earlier cases, check-ins, plans) and the sending office no
       longer does; the sending office's audit rows stay (they carry its office).
    3. The receiving office gets a new case with its own register number, received and
       unassigned (its intake list), in the stage the TPP had confirmed.
    4. Its section heads are told through the outbox.
    """
    case = locked_case(case)
    require_terminator(actor, case, CaseStatus.TRANSFERRED)
    if to_office.pk == case.office_id:
        raise ApplicationError(_("Choose another Bapas."), field="to_office")
    reason = clean_reason(reason, required=True)
    area = _receiving_area(to_office, work_area)
    stage = confirmed_stage(case)
    case_close(
        actor=actor, case=case, status=CaseStatus.TRANSFERRED, closed_on=today(), note=reason
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=case,
        client=case.client,
        summary=_("Client file handed over to %(office)s") % {"office": to_office.name},
        changes={"office": [case.office.name, to_office.name]},
    )
    Client.objects.filter(pk=case.client_id).update(office=to_office, work_area=area)
    case.client.refresh_from_db(fields=["office", "work_area"])
    new = _new_case(actor, case, to_office)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=new,
        client=case.client,
        summary=_("Case received by transfer from %(office)s: %(number)s")
        % {"office": case.office.name, "number": new.register_number},
    )
    if stage != "awal":
        stage_transition_create(
            actor=actor,
            case=new,
            from_stage="awal",
            to_stage=stage,
            effective_on=today(),
            override_reason=_("Confirmed by %(office)s before the transfer.")
            % {"office": case.office.name},
        )
    termination = Termination.objects.create(
        case=case,
        kind=TerminationKind.TRANSFERRED,
        on=today(),
        reason=reason,
        by=actor,
        to_office=to_office,
        new_case=new,
    )
    _notify_receiving_office(actor, case, new)
    return termination
