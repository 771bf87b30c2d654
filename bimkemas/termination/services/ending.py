"""Completion, death and revocation: the case closes with its `Termination` record."""

import datetime as dt

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from bimkemas.accounts.models import Office, User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.clients.models import CaseStatus, DocumentKind, SupervisionCase
from bimkemas.clients.services import case_close, document_add
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.files import atomic_with_files
from bimkemas.termination.models import (
    AFTERCARE_MAX_MONTHS,
    DEFAULT_CERTIFICATE_FORMAT,
    Termination,
    TerminationKind,
)
from bimkemas.termination.services.common import (
    ROMAN_MONTHS,
    add_months,
    clean_reason,
    locked_case,
    require_terminator,
)


def _certificate_number(case: SupervisionCase, on: dt.date) -> tuple[int, str]:
    """The next number of the office's completion certificates in the year (office locked)."""
    Office.objects.select_for_update().filter(pk=case.office_id).first()
    last = (
        Termination.objects.filter(case__office_id=case.office_id, on__year=on.year)
        .exclude(certificate_seq=None)
        .order_by("-certificate_seq")
        .values_list("certificate_seq", flat=True)
        .first()
    )
    seq = (last or 0) + 1
    number = DEFAULT_CERTIFICATE_FORMAT.format(
        seq=seq, month_roman=ROMAN_MONTHS[on.month - 1], year=on.year, code=case.office.code.upper()
    )
    return seq, number


@transaction.atomic
def case_complete(
    *,
    actor: User,
    case: SupervisionCase,
    on: dt.date,
    reason: str = "",
    aftercare_months: int | None = None,
) -> Termination:
    """The guidance period has ended: the case completes, gets its certificate number and,
    if asked, after-care for up to six months after the period."""
    case = locked_case(case)
    require_terminator(actor, case, CaseStatus.COMPLETED)
    if on < case.guidance_end:
        raise ApplicationError(
            _("Guidance can be completed only when the period has ended (%(day)s).")
            % {"day": case.guidance_end.strftime("%d-%m-%Y")},
            field="on",
        )
    if on > today():
        raise ApplicationError(_("The date is in the future."), field="on")
    if aftercare_months is not None and not 1 <= aftercare_months <= AFTERCARE_MAX_MONTHS:
        raise ApplicationError(
            _("After-care lasts 1 to %(max)d months.") % {"max": AFTERCARE_MAX_MONTHS},
            field="aftercare_months",
        )
    reason = clean_reason(reason)
    case_close(actor=actor, case=case, status=CaseStatus.COMPLETED, closed_on=on, note=reason)
    seq, number = _certificate_number(case, on)
    termination = Termination.objects.create(
        case=case,
        kind=TerminationKind.COMPLETED,
        on=on,
        reason=reason,
        by=actor,
        certificate_seq=seq,
        certificate_number=number,
        aftercare_months=aftercare_months,
    )
    if aftercare_months:
        until = add_months(case.guidance_end, aftercare_months)
        SupervisionCase.objects.filter(pk=case.pk).update(aftercare_until=until)
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=case,
            client=case.client,
            summary=_("After-care until %(day)s") % {"day": until.isoformat()},
            changes={"aftercare_until": [None, until.isoformat()]},
        )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=termination,
        client=case.client,
        summary=_("Guidance completed; certificate %(number)s") % {"number": number},
    )
    return termination


@atomic_with_files
def case_record_death(
    *,
    actor: User,
    case: SupervisionCase,
    on: dt.date,
    reason: str = "",
    evidence: UploadedFile | None = None,
) -> Termination:
    """The client died: the case closes on the date of death, with the evidence kept."""
    case = locked_case(case)
    require_terminator(actor, case, CaseStatus.DIED)
    if on > today() or on < case.received_on:
        raise ApplicationError(
            _("The date of death must lie between the reception date and today."), field="on"
        )
    reason = clean_reason(reason)
    document = None
    if evidence is not None:
        document = document_add(actor=actor, case=case, kind=DocumentKind.OTHER, upload=evidence)
    case_close(actor=actor, case=case, status=CaseStatus.DIED, closed_on=on, note=reason)
    termination = Termination.objects.create(
        case=case, kind=TerminationKind.DIED, on=on, reason=reason, by=actor, evidence=document
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=termination,
        client=case.client,
        summary=_("Client died on %(day)s") % {"day": on.isoformat()},
    )
    return termination


@transaction.atomic
def case_terminate_revoked(
    *, actor: User, case: SupervisionCase, decision_reference: str, decided_on: dt.date
) -> Termination:
    """The programme was revoked (the violations process's end): the case closes."""
    case = locked_case(case)
    require_terminator(actor, case, CaseStatus.REVOKED)
    reference = clean_reason(decision_reference, required=True, field="decision_reference")
    if decided_on > today() or decided_on < case.received_on:
        raise ApplicationError(
            _("The decision date must lie between the reception date and today."),
            field="decided_on",
        )
    case_close(
        actor=actor, case=case, status=CaseStatus.REVOKED, closed_on=decided_on, note=reference
    )
    termination = Termination.objects.create(
        case=case,
        kind=TerminationKind.REVOKED,
        on=decided_on,
        decision_reference=reference[:200],
        by=actor,
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=termination,
        client=case.client,
        summary=_("Programme revoked: %(reference)s") % {"reference": reference[:200]},
    )
    return termination
