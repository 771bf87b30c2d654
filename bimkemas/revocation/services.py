"""Writes of the revocation workflow. Each step: the actor's right to record it
(access.may_record), the state machine (workflow.advance), dates in order and not in the
future, one `RevocationStep` row, the new status, and the audit row, in one transaction.
Uploaded letters and evidence become the case's documents (clients.document_add)."""

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bimkemas.accounts.models import Role, User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.clients.models import DocumentKind, Facility, SupervisionCase
from bimkemas.clients.services import document_add
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.files import atomic_with_files
from bimkemas.core.workdays import add_working_days
from bimkemas.notifications.services import notification_enqueue
from bimkemas.revocation.access import may_record, may_request
from bimkemas.revocation.models import (
    ASIMILASI_CODE,
    TEXT_MAX,
    ReportRecipient,
    RequestChannel,
    Revocation,
    RevocationStep,
    service_days_for,
)
from bimkemas.revocation.workflow import (
    Route,
    Status,
    StepKind,
    TransitionError,
    advance,
    is_final,
)
from bimkemas.termination.services import case_terminate_revoked
from bimkemas.tpp.models import AgendaItem, AgendaKind, Decision
from bimkemas.violations.models import Violation, ViolationKind, ViolationStatus

QUESTIONS_MAX = 60


def route_of(case: SupervisionCase) -> str:
    return Route.ASIMILASI if case.programme.code == ASIMILASI_CODE else Route.INTEGRATION


def _text(value: str, field: str, *, required: bool = False, limit: int = TEXT_MAX) -> str:
    value = (value or "").strip()
    if "\x00" in value:
        raise ApplicationError(_("NUL characters are not allowed."), field=field)
    if required and not value:
        raise ApplicationError(_("This field is required."), field=field)
    if len(value) > limit:
        raise ApplicationError(_("The text is too long."), field=field)
    return value


def _date(on: dt.date | None, field: str, *, not_before: dt.date | None = None) -> dt.date:
    if on is None:
        raise ApplicationError(_("Enter the date."), field=field)
    if on > today():
        raise ApplicationError(_("This date is in the future."), field=field)
    if not_before is not None and on < not_before:
        raise ApplicationError(
            _("The date cannot be before %(day)s.") % {"day": not_before.strftime("%d-%m-%Y")},
            field=field,
        )
    return on


def _attach(actor: User, case: SupervisionCase, uploads: Iterable[UploadedFile]) -> list:
    return [
        document_add(actor=actor, case=case, kind=DocumentKind.OTHER, upload=upload)
        for upload in uploads
        if upload
    ]


@atomic_with_files
def revocation_request(
    *,
    actor: User,
    case: SupervisionCase,
    channel: str,
    requested_on: dt.date,
    sender: str,
    grounds: str = "",
    letter_number: str = "",
    account: str = "",
    violation: Violation | None = None,
    note: str = "",
    uploads: Sequence[UploadedFile] = (),
) -> Revocation:
    """A written request (a letter from its sender) or an oral report taken down (who
    reported, when, what) opens a revocation of an open case; the 20 working days start."""
    case = (
        SupervisionCase.objects.select_for_update(of=("self",))
        .select_related("programme")
        .get(pk=case.pk)
    )
    if not may_request(actor, case):
        raise ApplicationError(_("Only the client's officer or a supervisor may request this."))
    if Revocation.objects.filter(case=case).open().exists():
        raise ApplicationError(_("This case already has a revocation in progress."))
    if channel not in RequestChannel.values:
        raise ApplicationError(_("Choose written or oral."), field="channel")
    if violation is not None and violation.case_id != case.pk:
        raise ApplicationError(_("The violation is not of this case."), field="violation")
    grounds = grounds or (violation.kind if violation is not None else "")
    if grounds not in ViolationKind.values:
        raise ApplicationError(_("Choose the grounds."), field="grounds")
    requested_on = _date(requested_on, "requested_on", not_before=case.received_on)
    sender = _text(sender, "sender", required=True, limit=200)
    letter_number = _text(letter_number, "letter_number", limit=100)
    account = _text(account, "account", required=channel == RequestChannel.ORAL)
    if channel == RequestChannel.WRITTEN and not letter_number:
        raise ApplicationError(_("Give the letter's number."), field="letter_number")
    route = route_of(case)
    service_days = service_days_for(case.office_id)
    revocation = Revocation.objects.create(
        case=case,
        office_id=case.office_id,
        violation=violation,
        route=route,
        grounds=grounds,
        channel=channel,
        requested_on=requested_on,
        sender=sender,
        letter_number=letter_number,
        account=account,
        service_days=service_days,
        due_on=add_working_days(requested_on, service_days),
        institution_id=case.origin_facility_id if route == Route.ASIMILASI else None,
        requested_by=actor,
    )
    step = RevocationStep.objects.create(
        revocation=revocation,
        kind=StepKind.REQUEST,
        on=requested_on,
        actor=actor,
        note=_text(note, "note"),
        details={"channel": channel, "sender": sender, "letter_number": letter_number},
        status_after=Status.REQUESTED,
    )
    step.documents.add(*_attach(actor, case, uploads))
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=revocation,
        client=case.client,
        summary=_("Revocation requested (%(grounds)s)")
        % {"grounds": revocation.get_grounds_display()},
    )
    return revocation


def _locked(revocation: Revocation) -> Revocation:
    return (
        Revocation.objects.select_for_update(of=("self",))
        .select_related("case__client", "case__programme", "case__office")
        .get(pk=revocation.pk)
    )


def _record(
    *,
    actor: User,
    revocation: Revocation,
    kind: str,
    on: dt.date | None,
    note: str = "",
    yes: bool = True,
    details: dict[str, Any] | None = None,
    agenda_item: AgendaItem | None = None,
    uploads: Sequence[UploadedFile] = (),
    **fields: Any,
) -> RevocationStep:
    """The common part of every step (the caller holds the row lock)."""
    if not may_record(actor, revocation, kind):
        raise ApplicationError(_("You may not record this step."))
    if kind != StepKind.WITHDRAWAL and not revocation.case.is_open and kind != StepKind.DECISION:
        raise ApplicationError(_("The case is closed."))
    try:
        status = advance(revocation.status, revocation.route, kind, yes=yes)
    except TransitionError as error:
        raise ApplicationError(
            _("This step cannot be recorded now (status: %(status)s).")
            % {"status": revocation.get_status_display()}
        ) from error
    last = revocation.steps.order_by("-on").values_list("on", flat=True).first()
    on = _date(on, "on", not_before=last or revocation.requested_on)
    step = RevocationStep.objects.create(
        revocation=revocation,
        kind=kind,
        on=on,
        actor=actor,
        note=_text(note, "note"),
        details=details or {},
        agenda_item=agenda_item,
        status_after=status,
    )
    step.documents.add(*_attach(actor, revocation.case, uploads))
    before = revocation.status
    revocation.status = status
    if is_final(status):
        revocation.closed_on = on
    for name, value in fields.items():
        setattr(revocation, name, value)
    revocation.save()
    audit_record(
        actor=actor,
        action=AuditAction.STATUS,
        obj=revocation,
        client=revocation.case.client,
        summary=_("Revocation: %(step)s") % {"step": step.get_kind_display()},
        changes={"status": [before, status]},
    )
    return step


@atomic_with_files
def revocation_record_statement(
    *,
    actor: User,
    revocation: Revocation,
    on: dt.date,
    questions: Sequence[dict[str, str]] = (),
    statement: str = "",
    note: str = "",
    uploads: Sequence[UploadedFile] = (),
) -> RevocationStep:
    """The statement (BAP): questions and answers, or the statement as one text."""
    revocation = _locked(revocation)
    pairs = []
    for number, pair in enumerate(questions or ()):
        question = _text(pair.get("question", ""), f"questions.{number}.question", limit=1000)
        answer = _text(pair.get("answer", ""), f"questions.{number}.answer")
        if question or answer:
            if not question:
                raise ApplicationError(_("Write the question."), field="questions")
            pairs.append({"question": question, "answer": answer})
    if len(pairs) > QUESTIONS_MAX:
        raise ApplicationError(_("Too many questions."), field="questions")
    statement = _text(statement, "statement")
    if not pairs and not statement:
        raise ApplicationError(
            _("Write the questions and answers or the statement."), field="statement"
        )
    details = {"questions": pairs, "statement": statement}
    return _record(
        actor=actor,
        revocation=revocation,
        kind=StepKind.STATEMENT,
        on=on,
        note=note,
        details=details,
        uploads=uploads,
    )


@atomic_with_files
def revocation_record_examination(
    *,
    actor: User,
    revocation: Revocation,
    on: dt.date,
    attended: bool,
    account: str = "",
    note: str = "",
    uploads: Sequence[UploadedFile] = (),
) -> RevocationStep:
    """The client was examined (or did not attend): their account of the violation."""
    revocation = _locked(revocation)
    account = _text(account, "account", required=bool(attended))
    return _record(
        actor=actor,
        revocation=revocation,
        kind=StepKind.EXAMINATION,
        on=on,
        note=note,
        details={"attended": bool(attended), "account": account},
        uploads=uploads,
    )


def decided_agenda_items(case: SupervisionCase):
    """The case's TPP revocation recommendations that a session has decided."""
    return (
        AgendaItem.objects.filter(
            case=case,
            kind=AgendaKind.REVOCATION,
            decision__in=[Decision.APPROVED, Decision.REJECTED],
        )
        .select_related("session")
        .order_by("-session__held_on", "-pk")
    )


@atomic_with_files
def revocation_record_tpp(
    *,
    actor: User,
    revocation: Revocation,
    agenda_item: AgendaItem | None = None,
    on: dt.date | None = None,
    recommend: bool | None = None,
    members: str = "",
    note: str = "",
    uploads: Sequence[UploadedFile] = (),
) -> RevocationStep:
    """The TPP's recommendation: the decision of a TPP session's agenda item about this
    case (tpp app), or, without one, a recorded decision (date, yes/no, members)."""
    revocation = _locked(revocation)
    if agenda_item is not None:
        agenda_item = decided_agenda_items(revocation.case).filter(pk=agenda_item.pk).first()
        if agenda_item is None:
            raise ApplicationError(
                _("Choose a decided revocation recommendation of this case."), field="agenda_item"
            )
        session = agenda_item.session
        present = session.members.filter(present=True).select_related("user")
        details = {
            "session_number": session.number,
            "members": ", ".join(member.display_name for member in present),
            "decision_note": agenda_item.decision_note,
        }
        step = _record(
            actor=actor,
            revocation=revocation,
            kind=StepKind.TPP,
            on=session.held_on,
            note=note or agenda_item.recommendation,
            yes=agenda_item.decision == Decision.APPROVED,
            details={**details, "recommend": agenda_item.decision == Decision.APPROVED},
            agenda_item=agenda_item,
            uploads=uploads,
        )
    else:
        if recommend is None:
            raise ApplicationError(
                _("Say whether the TPP recommends revocation."), field="recommend"
            )
        members = _text(members, "members", required=True, limit=1000)
        step = _record(
            actor=actor,
            revocation=revocation,
            kind=StepKind.TPP,
            on=on,
            note=note,
            yes=recommend,
            details={"recommend": recommend, "members": members},
            uploads=uploads,
        )
    if step.status_after == Status.RECOMMENDED and revocation.route == Route.INTEGRATION:
        _tell_the_head(revocation)
    return step


def _tell_the_head(revocation: Revocation) -> None:
    case = revocation.case
    url = reverse("revocation_detail", args=[revocation.public_id])
    with translation.override(settings.LANGUAGE_CODE):
        for head in User.objects.filter(office_id=revocation.office_id, role=Role.HEAD):
            notification_enqueue(
                recipient=head,
                purpose_key=f"revocation-temporary:{revocation.pk}",
                subject=_("Temporary revocation awaits you: %(name)s (%(register)s)")
                % {"name": case.client.full_name, "register": case.register_number},
                body=_("The TPP recommends revoking this client's programme."),
                url=url,
            )


@atomic_with_files
def revocation_revoke_temporarily(
    *,
    actor: User,
    revocation: Revocation,
    on: dt.date,
    decree_number: str,
    note: str = "",
    uploads: Sequence[UploadedFile] = (),
) -> RevocationStep:
    """The Bapas head revokes the programme temporarily (PB, CB, CMB only)."""
    revocation = _locked(revocation)
    decree_number = _text(decree_number, "decree_number", required=True, limit=200)
    return _record(
        actor=actor,
        revocation=revocation,
        kind=StepKind.TEMPORARY,
        on=on,
        note=note,
        details={"decree_number": decree_number},
        uploads=uploads,
    )


@atomic_with_files
def revocation_report(
    *,
    actor: User,
    revocation: Revocation,
    on: dt.date,
    letter_number: str,
    recipient: str = "",
    institution: Facility | None = None,
    note: str = "",
    uploads: Sequence[UploadedFile] = (),
) -> RevocationStep:
    """The report: upward to the Kanwil / Ditjenpas (integration), or to the originating
    Lapas/Rutan (asimilasi), with the letter's number."""
    revocation = _locked(revocation)
    letter_number = _text(letter_number, "letter_number", required=True, limit=100)
    fields: dict[str, Any] = {}
    if revocation.route == Route.ASIMILASI:
        institution = institution or revocation.institution or revocation.case.origin_facility
        recipient = ReportRecipient.PRISON
        fields["institution"] = institution
    elif recipient not in (ReportRecipient.KANWIL, ReportRecipient.DITJENPAS, ReportRecipient.BOTH):
        raise ApplicationError(_("Choose the Kanwil or the Ditjenpas."), field="recipient")
    details = {
        "recipient": recipient,
        "letter_number": letter_number,
        "institution": institution.name if institution is not None else "",
    }
    return _record(
        actor=actor,
        revocation=revocation,
        kind=StepKind.REPORT,
        on=on,
        note=note,
        details=details,
        uploads=uploads,
        **fields,
    )


@atomic_with_files
def revocation_decide(
    *,
    actor: User,
    revocation: Revocation,
    on: dt.date,
    revoked: bool,
    decision_reference: str = "",
    authority: str = "",
    note: str = "",
    uploads: Sequence[UploadedFile] = (),
) -> RevocationStep:
    """The final decision. Revoked (decree number and date): the case ends as revoked.
    Not revoked: guidance continues. Either way the violation is decided."""
    revocation = _locked(revocation)
    reference = _text(decision_reference, "decision_reference", required=revoked, limit=200)
    authority = _text(authority, "authority", limit=200)
    step = _record(
        actor=actor,
        revocation=revocation,
        kind=StepKind.DECISION,
        on=on,
        note=note,
        yes=revoked,
        details={"revoked": revoked, "decision_reference": reference, "authority": authority},
        uploads=uploads,
        decision_reference=reference,
        decided_on=on,
    )
    if revoked:
        case_terminate_revoked(
            actor=actor, case=revocation.case, decision_reference=reference, decided_on=step.on
        )
    _decide_violation(actor, revocation, revoked, reference)
    return step


def _decide_violation(actor: User, revocation: Revocation, revoked: bool, reference: str) -> None:
    violation = revocation.violation
    if violation is None or violation.status != ViolationStatus.OPEN:
        return
    note = (
        _("Programme revoked (%(reference)s).") % {"reference": reference}
        if revoked
        else _("Revocation proposed; not revoked, guidance continues.")
    )
    Violation.objects.filter(pk=violation.pk).update(
        status=ViolationStatus.DECIDED,
        decided_by=actor,
        decided_at=timezone.now(),
        decision_note=note,
    )
    audit_record(
        actor=actor,
        action=AuditAction.STATUS,
        obj=violation,
        client=revocation.case.client,
        summary=note,
        changes={"status": [ViolationStatus.OPEN, ViolationStatus.DECIDED]},
    )


@atomic_with_files
def revocation_withdraw(
    *, actor: User, revocation: Revocation, on: dt.date, reason: str
) -> RevocationStep:
    """The request is withdrawn (before the temporary revocation or the prison's report)."""
    revocation = _locked(revocation)
    reason = _text(reason, "reason", required=True)
    return _record(
        actor=actor,
        revocation=revocation,
        kind=StepKind.WITHDRAWAL,
        on=on,
        note=reason,
    )


@atomic_with_files
def revocation_attach(
    *, actor: User, revocation: Revocation, step: RevocationStep, upload: UploadedFile
):
    """A further document (letter, evidence) on a recorded step."""
    revocation = _locked(revocation)
    if step.revocation_id != revocation.pk:
        raise ApplicationError(_("Unknown step."), field="step")
    if not may_record(actor, revocation, step.kind) and not may_record(
        actor, revocation, StepKind.REQUEST
    ):
        raise ApplicationError(_("You may not add documents here."))
    (document,) = _attach(actor, revocation.case, [upload])
    step.documents.add(document)
    return document
