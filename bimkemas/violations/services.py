"""Writes of violations.

Rules that open a violation by themselves (wajib lapor's three-miss rule) go through
`violations_open_by_rule`: idempotent per (case, source, source_key). Everything else —
an officer's record, a confirmed record match (linkage) — goes through `violation_record`,
idempotent per (case, source, source_key) when a key is given. Then the officer's answer:
`violation_decide` (a rung of the office's ladder, numbered when it produces a letter) or
`violation_dismiss`; evidence files by `violation_attach`; the ladder by `ladder_save`.
Keyword-only, actor first, atomic, audited in the same transaction.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bimkemas.accounts.models import Office, Role, User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record, audit_records
from bimkemas.clients.identity import normalise_phone
from bimkemas.clients.models import ClientPhone, SupervisionCase
from bimkemas.clients.uploads import check_upload
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.files import atomic_with_files, store_file
from bimkemas.core.validators import clean_person_text
from bimkemas.notifications.models import Channel
from bimkemas.notifications.services import (
    ClientMessage,
    client_messages_enqueue,
    notification_enqueue,
)
from bimkemas.violations.access import can_act, can_edit_ladder
from bimkemas.violations.ladder import office_ladder, suggest_rung
from bimkemas.violations.models import (
    LETTER_NUMBER_FORMAT,
    LadderRung,
    Violation,
    ViolationAttachment,
    ViolationDecision,
    ViolationKind,
    ViolationSource,
    ViolationStatus,
)

SUMMARY_MAX = 300
EVIDENCE_MAX = 5000
NOTE_MAX = 2000
MAX_ATTACHMENTS = 10
RUNG_NAME_MAX = 100
RUNG_TITLE_MAX = 150
MAX_RUNGS = 12
ANSWER_FIELDS = ["status", "decided_by", "decided_at", "decision_note", "updated_at"]
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass(frozen=True)
class RuleFinding:
    """What a rule found: a suspected violation of one case, named by `source_key` (e.g.
    the period that made the third miss) so that finding it again opens nothing."""

    case_id: int
    client_id: int
    kind: str
    source: str
    source_key: str
    occurred_on: dt.date
    summary: str


def violations_open_by_rule(*, findings: Sequence[RuleFinding]) -> list[Violation]:
    """Open a violation for each finding not opened before, for the officer's decision.

    Set-based: one INSERT that skips findings already recorded (the unique (case, source,
    source_key) constraint, so two runs at once open each once), one SELECT of the rows this
    call inserted (by the public ids it made), one INSERT of their audit rows (actor: none,
    the system). Returns the violations opened now."""
    if not findings:
        return []
    new = [
        Violation(
            case_id=f.case_id,
            kind=f.kind,
            source=f.source,
            source_key=f.source_key,
            occurred_on=f.occurred_on,
            summary=f.summary[:300],
        )
        for f in findings
    ]
    client_of = {f.case_id: f.client_id for f in findings}
    with transaction.atomic():
        Violation.objects.bulk_create(new, ignore_conflicts=True)
        opened = list(
            Violation.objects.filter(public_id__in=[v.public_id for v in new]).order_by("pk")
        )
        audit_records(
            actor=None,
            action=AuditAction.CREATE,
            rows=[(v, client_of[v.case_id], v.summary) for v in opened],
        )
    return opened


def violation_open_by_rule(*, finding: RuleFinding) -> Violation | None:
    """One finding: the violation opened now, or None when it was opened before."""
    opened = violations_open_by_rule(findings=[finding])
    return opened[0] if opened else None


# --- recording ---------------------------------------------------------------------------


def _text(value: str, *, field: str, limit: int, required: bool = False) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ApplicationError(_("This field is required."), field=field)
    if len(value) > limit:
        raise ApplicationError(_("At most %(limit)d characters.") % {"limit": limit}, field=field)
    if "\x00" in value:
        raise ApplicationError(_("NUL characters are not allowed."), field=field)
    try:
        return clean_person_text(value)
    except ValidationError as error:
        raise ApplicationError(error.messages[0], field=field) from error


def _require_actor(actor: User, case: SupervisionCase) -> None:
    if not case.is_open:
        raise ApplicationError(_("This case is closed."))
    if not can_act(actor, case):
        raise ApplicationError(
            _("Only the client's officer or a section or Bapas head of the office may do this.")
        )


def _check_day(day: dt.date, case: SupervisionCase, *, field: str) -> None:
    if not isinstance(day, dt.date):
        raise ApplicationError(_("Enter a valid date."), field=field)
    if day > today():
        raise ApplicationError(_("This date is in the future."), field=field)
    if day < case.guidance_start:
        raise ApplicationError(_("This date is before the guidance started."), field=field)


def _existing(case: SupervisionCase, source: str, source_key: str) -> Violation | None:
    if not source_key:
        return None
    return Violation.objects.filter(case=case, source=source, source_key=source_key).first()


def violation_record(
    *,
    actor: User,
    case: SupervisionCase,
    kind: str,
    source: str,
    occurred_on: dt.date,
    summary: str,
    evidence: str = "",
    source_key: str = "",
    attachments: Sequence[UploadedFile] = (),
) -> Violation:
    """Record a suspected violation for the officer's decision. With a `source_key` (e.g.
    linkage's match id) it is idempotent: the violation already recorded for (case, source,
    source_key) is returned unchanged."""
    source_key = (source_key or "").strip()
    if len(source_key) > 100 or "\x00" in source_key:
        raise ApplicationError(_("The source key is too long."), field="source_key")
    found = _existing(case, source, source_key)
    if found is not None:
        return found
    if kind not in ViolationKind.values:
        raise ApplicationError(_("Choose the kind of violation."), field="kind")
    if source not in ViolationSource.values:
        raise ApplicationError(_("Choose where it was learnt from."), field="source")
    _require_actor(actor, case)
    _check_day(occurred_on, case, field="occurred_on")
    summary = _text(summary, field="summary", limit=SUMMARY_MAX, required=True)
    evidence = _text(evidence, field="evidence", limit=EVIDENCE_MAX)
    if len(attachments) > MAX_ATTACHMENTS:
        raise ApplicationError(
            _("At most %(count)d files.") % {"count": MAX_ATTACHMENTS}, field="attachments"
        )
    for upload in attachments:
        check_upload(upload, field="attachments")
    try:
        return _record(
            actor=actor,
            case=case,
            kind=kind,
            source=source,
            source_key=source_key,
            occurred_on=occurred_on,
            summary=summary,
            evidence=evidence,
            attachments=attachments,
        )
    except IntegrityError:  # recorded at the same moment by another request
        found = _existing(case, source, source_key)
        if found is None:
            raise
        return found


@atomic_with_files
def _record(
    *,
    actor: User,
    case: SupervisionCase,
    attachments: Sequence[UploadedFile],
    **fields: object,
) -> Violation:
    violation = Violation(case=case, opened_by=actor, **fields)
    violation.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=violation,
        client=case.client,
        summary=f"{violation.get_kind_display()}: {violation.summary}",
    )
    for upload in attachments:
        _attach(actor=actor, violation=violation, upload=upload)
    officer = case.officer
    if officer is not None and officer.pk != actor.pk:  # a head, or a confirmed record match
        notification_enqueue(
            recipient=officer,
            purpose_key=f"violation-recorded:{violation.public_id}",
            subject=_("Violation recorded: %(register)s") % {"register": case.register_number},
            body=violation.summary,
            url=reverse("violation_detail", args=[violation.public_id]),
        )
    return violation


# --- evidence files ---------------------------------------------------------------------


@atomic_with_files
def violation_attach(
    *, actor: User, violation: Violation, upload: UploadedFile, description: str = ""
) -> ViolationAttachment:
    """Add an evidence file (PDF, JPEG or PNG within the upload limit)."""
    _require_actor(actor, violation.case)
    description = _text(description, field="description", limit=200)
    check_upload(upload, field="file")
    if violation.attachments.count() >= MAX_ATTACHMENTS:
        raise ApplicationError(
            _("A violation holds at most %(count)d files.") % {"count": MAX_ATTACHMENTS},
            field="file",
        )
    return _attach(actor=actor, violation=violation, upload=upload, description=description)


def _attach(
    *, actor: User, violation: Violation, upload: UploadedFile, description: str = ""
) -> ViolationAttachment:
    content_type = check_upload(upload, field="file")
    attachment = ViolationAttachment(
        violation=violation,
        original_name=(upload.name or "bukti")[:200],
        content_type=content_type,
        size=upload.size or 0,
        description=description,
        uploaded_by=actor,
    )
    store_file(attachment.file, upload.name or "bukti", upload)
    attachment.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=attachment,
        client=violation.case.client,
        summary=_("Evidence of a violation: %(name)s") % {"name": attachment.original_name},
    )
    return attachment


# --- the officer's answer ---------------------------------------------------------------


def _locked_open(violation: Violation) -> Violation:
    locked = (
        Violation.objects.select_for_update(of=("self",))
        .select_related("case__client", "case__office", "case__officer")
        .get(pk=violation.pk)
    )
    if locked.status != ViolationStatus.OPEN:
        raise ApplicationError(_("This violation has already been answered."))
    return locked


def _letter_number(office: Office, on: dt.date) -> tuple[int, str]:
    """The office's next letter number in the year (the office row locked)."""
    Office.objects.select_for_update().filter(pk=office.pk).first()
    last = ViolationDecision.objects.filter(
        case__office_id=office.pk, decided_on__year=on.year
    ).aggregate(last=Max("letter_seq"))["last"]
    seq = (last or 0) + 1
    number = LETTER_NUMBER_FORMAT.format(
        seq=seq, month_roman=ROMAN_MONTHS[on.month - 1], year=on.year, code=office.code.upper()
    )
    return seq, number


@transaction.atomic
def violation_decide(
    *,
    actor: User,
    violation: Violation,
    rung: LadderRung,
    decided_on: dt.date | None = None,
    note: str = "",
) -> ViolationDecision:
    """Answer an open violation with a rung of the office's ladder (the suggestion or
    another). A rung that produces a letter takes the office's next letter number; a warning
    is told to the client through the outbox; a revocation proposal to the office's heads."""
    violation = _locked_open(violation)
    case = violation.case
    _require_actor(actor, case)
    rungs = office_ladder(case.office_id)
    if rung.office_id != case.office_id or rung.pk not in {r.pk for r in rungs}:
        raise ApplicationError(_("Choose an active step of this office's ladder."), field="rung")
    decided_on = decided_on or today()
    _check_day(decided_on, case, field="decided_on")
    if decided_on < violation.occurred_on:
        raise ApplicationError(_("The decision cannot precede the violation."), field="decided_on")
    note = _text(note, field="note", limit=NOTE_MAX)
    suggested = suggest_rung(case.pk, rungs)
    decision = ViolationDecision(
        violation=violation,
        case=case,
        rung=rung,
        rung_name=rung.name,
        rung_title=rung.title,
        produces_letter=rung.produces_letter,
        proposes_revocation=rung.proposes_revocation,
        suggested=suggested,
        decided_on=decided_on,
        note=note,
        by=actor,
    )
    if rung.produces_letter:
        decision.letter_seq, decision.letter_number = _letter_number(case.office, decided_on)
    decision.save()
    violation.status = ViolationStatus.DECIDED
    violation.decided_by = actor
    violation.decided_at = timezone.now()
    violation.decision_note = note
    violation.save(
        update_fields=["status", "decided_by", "decided_at", "decision_note", "updated_at"]
    )
    changes = {"rung": rung.name}
    if suggested is not None and suggested.pk != rung.pk:
        changes["suggested"] = suggested.name
    audit_record(
        actor=actor,
        action=AuditAction.STATUS,
        obj=violation,
        client=case.client,
        summary=_("Violation decided: %(rung)s") % {"rung": rung.name},
        changes=changes,
    )
    if rung.produces_letter and not rung.proposes_revocation:
        _tell_client(decision)
    if rung.proposes_revocation:
        _tell_heads(decision, actor)
    return decision


@transaction.atomic
def violation_dismiss(*, actor: User, violation: Violation, reason: str) -> Violation:
    """Close an open violation without a response (not proven, excused), with the reason."""
    violation = _locked_open(violation)
    _require_actor(actor, violation.case)
    reason = _text(reason, field="reason", limit=NOTE_MAX, required=True)
    violation.status = ViolationStatus.DISMISSED
    violation.decided_by = actor
    violation.decided_at = timezone.now()
    violation.decision_note = reason
    violation.save(
        update_fields=["status", "decided_by", "decided_at", "decision_note", "updated_at"]
    )
    audit_record(
        actor=actor,
        action=AuditAction.STATUS,
        obj=violation,
        client=violation.case.client,
        summary=_("Violation dismissed"),
        changes={"reason": reason},
    )
    return violation


def _client_channel() -> str | None:
    for channel in (Channel.WHATSAPP, Channel.SMS):
        if settings.NOTIFICATION_TRANSPORTS.get(channel):
            return str(channel)
    return None


def _tell_client(decision: ViolationDecision) -> None:
    """The client hears of a warning on their phone (a number not found unreachable)."""
    channel = _client_channel()
    case = decision.case
    phones = ClientPhone.objects.filter(client_id=case.client_id).exclude(
        verified_reachable=False, verified_on__isnull=False
    )
    number = None
    for phone in phones:
        try:
            number = normalise_phone(phone.number)
            break
        except ApplicationError:
            continue
    if channel is None or number is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        body = _(
            "%(office)s: you have been given %(rung)s (letter %(number)s) for a violation of "
            "your conditions on %(day)s. Please contact your officer."
        ) % {
            "office": case.office.name,
            "rung": decision.rung_name,
            "number": decision.letter_number,
            "day": decision.violation.occurred_on.strftime("%d-%m-%Y"),
        }
        subject = _("Violation of your conditions")
    client_messages_enqueue(
        [
            ClientMessage(
                client_pk=case.client_id,
                channel=channel,
                address=number,
                purpose_key=f"violation-letter:{decision.public_id}",
                subject=str(subject),
                body=body,
                not_before=timezone.now(),
            )
        ]
    )


def _tell_heads(decision: ViolationDecision, actor: User) -> None:
    """A revocation proposal reaches the office's section and Bapas heads in the app."""
    case = decision.case
    heads = User.objects.filter(
        office_id=case.office_id, role__in=[Role.SUPERVISOR, Role.HEAD], is_active=True
    ).exclude(pk=actor.pk)
    url = reverse("violation_detail", args=[decision.violation.public_id])
    for head in heads:
        notification_enqueue(
            recipient=head,
            purpose_key=f"violation-revocation:{decision.public_id}",
            subject=_("Revocation proposed: %(register)s") % {"register": case.register_number},
            body=decision.violation.summary,
            url=url,
        )


# --- the ladder ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RungData:
    """One rung as the heads edit it; `public_id` None for a new rung."""

    name: str
    position: int
    produces_letter: bool = True
    proposes_revocation: bool = False
    active: bool = True
    letter_title: str = ""
    public_id: object = None


@transaction.atomic
def ladder_save(*, actor: User, office: Office, rungs: Sequence[RungData]) -> list[LadderRung]:
    """Replace the office's ladder with `rungs`: existing rungs (by public id) are updated,
    new ones added, and rungs left out are made inactive (a decided rung is kept)."""
    if not can_edit_ladder(actor) or actor.office_id != office.pk:
        raise ApplicationError(_("Only a section head or the Bapas head edits the ladder."))
    Office.objects.select_for_update().filter(pk=office.pk).first()
    existing = {str(rung.public_id): rung for rung in office_ladder(office.pk, active_only=False)}
    if len(rungs) > MAX_RUNGS:
        raise ApplicationError(_("At most %(count)d steps.") % {"count": MAX_RUNGS})
    errors: dict[str, list[str]] = {}
    cleaned: list[tuple[LadderRung, RungData]] = []
    names: set[str] = set()
    for index, data in enumerate(rungs):
        prefix = f"rungs.{index}."
        try:
            name = _text(data.name, field=prefix + "name", limit=RUNG_NAME_MAX, required=True)
            title = _text(data.letter_title, field=prefix + "letter_title", limit=RUNG_TITLE_MAX)
        except ApplicationError as error:
            for key, messages in error.errors.items():
                errors.setdefault(key, []).extend(messages)
            continue
        if not isinstance(data.position, int) or not 1 <= data.position <= 999:
            errors.setdefault(prefix + "position", []).append(_("Enter a number from 1 to 999."))
        if data.active and name.casefold() in names:
            errors.setdefault(prefix + "name", []).append(_("Two active steps have this name."))
        if data.active:
            names.add(name.casefold())
        if data.public_id is not None:
            rung = existing.get(str(data.public_id))
            if rung is None:
                errors.setdefault(prefix + "id", []).append(_("Unknown step."))
                continue
        else:
            rung = LadderRung(office=office)
        rung.name, rung.letter_title = name, title
        cleaned.append((rung, data))
    if not errors and not any(data.active for data in rungs):
        errors["__all__"] = [_("Keep at least one active step.")]
    if errors:
        raise ApplicationError(errors=errors)
    kept = set()
    for rung, data in cleaned:
        rung.position = data.position
        rung.produces_letter = bool(data.produces_letter)
        rung.proposes_revocation = bool(data.proposes_revocation)
        rung.active = bool(data.active)
        rung.save()
        kept.add(rung.pk)
    for rung in existing.values():
        if rung.pk not in kept and rung.active:
            rung.active = False
            rung.save(update_fields=["active", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=office,
        summary=_("Violation ladder changed"),
        changes={"rungs": [f"{r.position}. {r.name}" for r, _d in cleaned if r.active]},
    )
    return office_ladder(office.pk)
