"""Writes of the litmas app: requests (register, assign, cancel, mark sent) and reports
(start, save, submit, review, acknowledge). Keyword-only, atomic, audited.

Versions: the draft version is edited in place until it is submitted. After that every save
is a new version, and a returned report goes back to draft as a new version, so each state
that someone submitted, reviewed or acknowledged stays as it was.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from bimkemas.accounts.models import Office, User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.clients.models import Client, SupervisionCase
from bimkemas.clients.uploads import check_upload
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.files import atomic_with_files, store_file
from bimkemas.litmas import access, tracking
from bimkemas.litmas.dates import default_due_on
from bimkemas.litmas.models import (
    TYPE_CODES,
    LitmasCounter,
    LitmasOutline,
    LitmasReport,
    LitmasRequest,
    LitmasRequestStep,
    LitmasType,
    LitmasVersion,
    ReportStatus,
    RequesterKind,
    RequestStatus,
    SectionKind,
    SourceKind,
    VersionReason,
)
from bimkemas.litmas.prefill import prefill
from bimkemas.litmas.standard_outline import SECTIONS as STANDARD_SECTIONS
from bimkemas.tpp.models import TppSession

MAX_TEXT = 20000
MAX_CELL = 500
MAX_ROWS = 60
MAX_SOURCES = 30
MAX_NOTE = 300

# The request fields a registrar gives; the subject is a client or named by the requester.
REQUEST_FIELDS = (
    "type",
    "requester_kind",
    "requester_name",
    "letter_number",
    "letter_date",
    "subject_name",
    "subject_birth_date",
    "subject_sex",
    "subject_register",
    "subject_note",
    "received_on",
    "due_on",
)


def _step(request: LitmasRequest, status: str, note: str = "") -> None:
    request.status = status
    request.save(update_fields=["status", "updated_at"])
    LitmasRequestStep.objects.create(request=request, status=status, at=timezone.now(), note=note)


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise ApplicationError(message)


def _unique_code() -> str:
    for _attempt in range(8):
        code = tracking.new_code()
        if not LitmasRequest.objects.filter(tracking_code=code).exists():
            return code
    raise RuntimeError("no free tracking code")  # 31^10 codes: never in practice


_DATES = {"letter_date", "subject_birth_date", "received_on", "due_on"}


# --- requests ---------------------------------------------------------------------------


def _validate_request(office: Office, data: dict[str, Any], client: Client | None) -> None:
    errors: dict[str, list[str]] = {}
    if data.get("type") not in LitmasType.values:
        errors["type"] = [_("Choose a litmas type.")]
    if data.get("requester_kind") not in RequesterKind.values:
        errors["requester_kind"] = [_("Choose who requests the litmas.")]
    if not (data.get("requester_name") or "").strip():
        errors["requester_name"] = [_("Name the requesting institution.")]
    if client is None and not (data.get("subject_name") or "").strip():
        errors["subject_name"] = [_("Choose a client or give the subject's name.")]
    if client is not None and client.office_id != office.pk:
        errors["client"] = [_("This client is not a client of this Bapas.")]
    received = data.get("received_on")
    if received and received > today():
        errors["received_on"] = [_("The request cannot be received in the future.")]
    letter_date = data.get("letter_date")
    if letter_date and received and letter_date > received:
        errors["letter_date"] = [_("The letter cannot be dated after it was received.")]
    due = data.get("due_on")
    if due and received and due < received:
        errors["due_on"] = [_("The due date cannot be before the request was received.")]
    birth = data.get("subject_birth_date")
    if birth and birth > today():
        errors["subject_birth_date"] = [_("The date of birth cannot be in the future.")]
    if errors:
        raise ApplicationError(errors=errors)


@atomic_with_files
def request_create(
    *,
    actor: User,
    office: Office,
    data: dict[str, Any],
    client: Client | None = None,
    letter: UploadedFile | None = None,
) -> LitmasRequest:
    """Register a litmas request. `data` holds REQUEST_FIELDS (due_on defaults per type)."""
    _require(
        access.can_register(actor) and actor.office_id == office.pk,
        _("Only the registrar, section heads and the Bapas head register litmas requests."),
    )
    data = {k: v for k, v in data.items() if k in REQUEST_FIELDS}
    data.setdefault("received_on", today())
    data["received_on"] = data["received_on"] or today()
    _validate_request(office, data, client)
    if not data.get("due_on"):
        data["due_on"] = default_due_on(office.pk, data["type"], data["received_on"])
    if client is not None:
        for field in ("subject_name", "subject_birth_date", "subject_sex"):
            data.pop(field, None)
    content_type = check_upload(letter, field="letter") if letter is not None else ""
    case = (
        SupervisionCase.objects.open().filter(client=client).first() if client is not None else None
    )
    request = LitmasRequest(
        office=office,
        client=client,
        case=case,
        registered_by=actor,
        tracking_code=_unique_code(),
        letter_content_type=content_type,
        **{k: ("" if v is None and k not in _DATES else v) for k, v in data.items()},
    )
    if letter is not None:
        store_file(request.letter, letter.name or "surat", letter)
    try:
        request.full_clean(exclude=["letter", "tracking_code"])
    except ValidationError as error:
        raise ApplicationError.from_validation_error(error) from error
    request.save()
    LitmasRequestStep.objects.create(
        request=request, status=RequestStatus.RECEIVED, at=timezone.now()
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=request,
        client=client,
        summary=f"Litmas request {request.get_type_display()} from {request.requester_name}",
    )
    return request


@atomic_with_files
def request_attach_letter(
    *, actor: User, request: LitmasRequest, letter: UploadedFile
) -> LitmasRequest:
    """Attach (or replace) the requesting letter: PDF, JPEG or PNG within the size limit."""
    _require(
        access.can_register(actor) and actor.office_id == request.office_id,
        _("Only the registrar, section heads and the Bapas head attach the letter."),
    )
    content_type = check_upload(letter, field="letter")
    old = request.letter.name if request.letter else ""
    store_file(request.letter, letter.name or "surat", letter)
    request.letter_content_type = content_type
    request.save(update_fields=["letter", "letter_content_type", "updated_at"])
    if old and old != request.letter.name:
        transaction.on_commit(lambda: request.letter.storage.delete(old))
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=request,
        client=request.client,
        summary="Requesting letter attached",
    )
    return request


@transaction.atomic
def request_assign(*, actor: User, request: LitmasRequest, officer: User) -> LitmasRequest:
    _require(access.can_assign(actor, request), _("Only a supervisor assigns litmas requests."))
    _require(request.is_open, _("This request is closed."))
    _require(
        request.status in (RequestStatus.RECEIVED, RequestStatus.ASSIGNED),
        _("The report has been started: the PK can no longer change."),
    )
    if not (
        officer.is_active
        and officer.is_officer
        and User.objects.working_for(request.office_id, today()).filter(pk=officer.pk).exists()
    ):
        raise ApplicationError(_("Choose a PK working for this Bapas."), field="officer")
    before = request.officer_id
    request.officer = officer
    request.save(update_fields=["officer", "updated_at"])
    if request.status != RequestStatus.ASSIGNED or before != officer.pk:
        _step(request, RequestStatus.ASSIGNED)
    audit_record(
        actor=actor,
        action=AuditAction.ASSIGN,
        obj=request,
        client=request.client,
        summary=f"Litmas request assigned to {officer}",
        changes={"officer": [before, officer.pk]},
    )
    return request


@transaction.atomic
def request_cancel(*, actor: User, request: LitmasRequest, note: str) -> LitmasRequest:
    _require(access.can_assign(actor, request), _("Only a supervisor cancels litmas requests."))
    _require(
        request.status
        not in (RequestStatus.ACKNOWLEDGED, RequestStatus.SENT, RequestStatus.CANCELLED),
        _("This request can no longer be cancelled."),
    )
    note = (note or "").strip()
    if not note:
        raise ApplicationError(_("Say why the request is cancelled."), field="note")
    request.cancel_note = note[:MAX_NOTE]
    request.save(update_fields=["cancel_note", "updated_at"])
    _step(request, RequestStatus.CANCELLED, note[:MAX_NOTE])
    audit_record(
        actor=actor,
        action=AuditAction.STATUS,
        obj=request,
        client=request.client,
        summary=f"Litmas request cancelled: {note[:MAX_NOTE]}",
    )
    return request


@transaction.atomic
def request_mark_sent(*, actor: User, request: LitmasRequest) -> LitmasRequest:
    _require(access.can_mark_sent(actor, request), _("You cannot mark this request sent."))
    _require(
        request.status == RequestStatus.ACKNOWLEDGED,
        _("Only an acknowledged litmas is sent to the requester."),
    )
    _step(request, RequestStatus.SENT)
    audit_record(
        actor=actor,
        action=AuditAction.STATUS,
        obj=request,
        client=request.client,
        summary="Litmas sent to the requester",
    )
    return request


# --- reports ----------------------------------------------------------------------------


def standard_outline() -> LitmasOutline:
    """The standard outline v1 that migration 0002 ships, loaded again where it is missing
    (a database whose tables were flushed, as after a transactional test)."""
    return LitmasOutline.objects.get_or_create(
        name="Standar", version=1, defaults={"types": [], "sections": STANDARD_SECTIONS}
    )[0]


def outline_for(litmas_type: str) -> LitmasOutline:
    """The newest active outline serving the type (the standard one where none is active)."""
    active = LitmasOutline.objects.filter(is_active=True).order_by("-version", "-pk")
    if not active.exists():
        standard_outline()
    for outline in active:
        if outline.serves(litmas_type):
            return outline
    raise ApplicationError(_("No litmas outline is in use for this type."))


def _next_number(request: LitmasRequest, year: int) -> tuple[int, str]:
    LitmasCounter.objects.get_or_create(office_id=request.office_id, year=year)
    LitmasCounter.objects.filter(office_id=request.office_id, year=year).update(last=F("last") + 1)
    seq = LitmasCounter.objects.get(office_id=request.office_id, year=year).last
    code = TYPE_CODES[request.type]
    return seq, f"LITMAS.{seq:04d}/{code}/{year}/{request.office.code.upper()}"


@transaction.atomic
def report_start(*, actor: User, request: LitmasRequest) -> LitmasReport:
    """The assigned PK starts the report: a register number, the outline in use and a first
    version pre-filled from what the system holds. Starting twice returns the same report."""
    _require(access.can_write(actor, request), _("Only the assigned PK writes this litmas."))
    existing = LitmasReport.objects.filter(request=request).first()
    if existing is not None:
        return existing
    request = LitmasRequest.objects.select_for_update().select_related("office").get(pk=request.pk)
    outline = outline_for(request.type)
    seq, number = _next_number(request, today().year)
    report = LitmasReport.objects.create(
        request=request, outline=outline, number=number, sequence=seq, author=actor
    )
    content = {k: v for k, v in prefill(request).items() if k in _codes(report)}
    LitmasVersion.objects.create(
        report=report,
        number=1,
        content=content,
        reason=VersionReason.STARTED,
        created_by=actor,
    )
    _step(request, RequestStatus.IN_PROGRESS)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=report,
        client=request.client,
        summary=f"Litmas {number} started",
    )
    return report


def _sections(report: LitmasReport) -> list[dict]:
    return report.outline.sections_for(report.request.type)


def _codes(report: LitmasReport) -> dict[str, str]:
    return {s["code"]: s.get("kind", SectionKind.TEXT) for s in _sections(report)}


def _clean_cell(value: Any, where: str, errors: dict) -> str:
    if not isinstance(value, str):
        errors.setdefault(where, []).append(_("Each cell must be text."))
        return ""
    if "\x00" in value:
        errors.setdefault(where, []).append(_("NUL characters are not allowed."))
    return value.strip()[:MAX_CELL]


def clean_content(report: LitmasReport, content: dict[str, Any]) -> dict[str, Any]:
    """Sections content checked against the outline: known codes, the shape of each kind."""
    codes = _codes(report)
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, Any] = {}
    if not isinstance(content, dict):
        raise ApplicationError(_("The content must map section codes to their text."))
    for code, value in content.items():
        kind = codes.get(code)
        if kind is None:
            errors.setdefault(code, []).append(_("This outline has no such section."))
            continue
        if kind == SectionKind.TEXT:
            if not isinstance(value, str) or "\x00" in value:
                errors.setdefault(code, []).append(_("This section takes text."))
            elif len(value) > MAX_TEXT:
                errors.setdefault(code, []).append(_("At most %(n)d characters.") % {"n": MAX_TEXT})
            else:
                cleaned[code] = value.strip()
            continue
        if not isinstance(value, list) or len(value) > MAX_ROWS:
            errors.setdefault(code, []).append(_("This section takes a list of rows."))
            continue
        rows = []
        for row in value:
            if not isinstance(row, list) or (kind == SectionKind.FACTS and len(row) != 2):
                errors.setdefault(code, []).append(
                    _("Each fact is a label and a value.")
                    if kind == SectionKind.FACTS
                    else _("Each row is a list of cells.")
                )
                break
            rows.append([_clean_cell(cell, code, errors) for cell in row[:12]])
        cleaned[code] = [r for r in rows if any(r)]
    if errors:
        raise ApplicationError(errors=errors)
    return cleaned


def clean_sources(sources: Any) -> list[dict[str, str]]:
    if not isinstance(sources, list) or len(sources) > MAX_SOURCES:
        raise ApplicationError(_("Data sources must be a list."), field="sources")
    cleaned = []
    for item in sources:
        if not isinstance(item, dict) or item.get("kind") not in SourceKind.values:
            raise ApplicationError(_("Choose a kind for each data source."), field="sources")
        day = item.get("date")
        try:
            day = dt.date.fromisoformat(day) if isinstance(day, str) else day
        except ValueError:
            day = None
        if not isinstance(day, dt.date) or day > today():
            raise ApplicationError(
                _("Give each data source a date, not in the future."), field="sources"
            )
        note = item.get("note") or ""
        if not isinstance(note, str) or "\x00" in note:
            raise ApplicationError(_("A data source's note must be text."), field="sources")
        cleaned.append({"kind": item["kind"], "date": day.isoformat(), "note": note[:MAX_NOTE]})
    return sorted(cleaned, key=lambda s: (s["date"], s["kind"]))


UNCHANGED = object()


def _cite(report: LitmasReport, session: Any) -> None:
    if session is not None and (
        not isinstance(session, TppSession) or session.office_id != report.request.office_id
    ):
        raise ApplicationError(_("Choose a TPP session of this Bapas."), field="tpp_session")
    report.tpp_session = session
    report.save(update_fields=["tpp_session", "updated_at"])


def missing_sections(report: LitmasReport, content: dict[str, Any]) -> list[dict]:
    return [s for s in _sections(report) if s.get("required") and not content.get(s["code"])]


def _locked_report(report: LitmasReport) -> LitmasReport:
    return (
        LitmasReport.objects.select_for_update().select_related("request__office").get(pk=report.pk)
    )


@transaction.atomic
def report_save(
    *,
    actor: User,
    report: LitmasReport,
    content: dict[str, Any],
    sources: list | None = None,
    tpp_session: Any = UNCHANGED,
) -> LitmasVersion:
    """Save section contents (merged into the current content) and optionally the data
    sources. In draft: the draft version changes. After submission: a new version."""
    report = _locked_report(report)
    _require(access.can_write(actor, report.request), _("Only the assigned PK writes this litmas."))
    _require(
        report.status in (ReportStatus.DRAFT, ReportStatus.SUBMITTED),
        _("A reviewed litmas can no longer be changed."),
    )
    cleaned = clean_content(report, content)
    if tpp_session is not UNCHANGED:
        _cite(report, tpp_session)
    current = report.current
    merged = {**current.content, **cleaned}
    new_sources = clean_sources(sources) if sources is not None else current.sources
    if current.is_frozen:
        version = LitmasVersion.objects.create(
            report=report,
            number=current.number + 1,
            content=merged,
            sources=new_sources,
            reason=VersionReason.EDITED,
            created_by=actor,
            submitted_at=timezone.now() if report.status == ReportStatus.SUBMITTED else None,
        )
    else:
        current.content = merged
        current.sources = new_sources
        current.save(update_fields=["content", "sources", "updated_at"])
        version = current
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=report,
        client=report.request.client,
        summary=f"Litmas {report.number} v{version.number}: {', '.join(sorted(cleaned)) or '-'}",
    )
    return version


@transaction.atomic
def report_submit(*, actor: User, report: LitmasReport) -> LitmasReport:
    report = _locked_report(report)
    _require(access.can_write(actor, report.request), _("Only the assigned PK writes this litmas."))
    _require(report.status == ReportStatus.DRAFT, _("This litmas is not a draft."))
    current = report.current
    missing = missing_sections(report, current.content)
    if missing:
        raise ApplicationError(
            _("Fill in the required sections first: %(names)s.")
            % {"names": ", ".join(s["heading"] for s in missing)},
            errors={s["code"]: [_("This section is required.")] for s in missing},
        )
    if not current.sources:
        raise ApplicationError(_("Record at least one data source."), field="sources")
    now = timezone.now()
    current.submitted_at = now
    current.save(update_fields=["submitted_at", "updated_at"])
    report.status = ReportStatus.SUBMITTED
    report.submitted_at = now
    report.save(update_fields=["status", "submitted_at", "updated_at"])
    _step(report.request, RequestStatus.SUBMITTED)
    audit_record(
        actor=actor,
        action=AuditAction.STATUS,
        obj=report,
        client=report.request.client,
        summary=f"Litmas {report.number} v{current.number} submitted",
    )
    return report


@transaction.atomic
def report_review(
    *, actor: User, report: LitmasReport, approve: bool, note: str = ""
) -> LitmasReport:
    """The section head approves the submitted litmas, or returns it to the PK with a note
    (a new draft version, the submitted one kept)."""
    report = _locked_report(report)
    _require(
        access.can_review(actor, report),
        _("Only a section head other than the author reviews this litmas."),
    )
    _require(report.status == ReportStatus.SUBMITTED, _("This litmas is not waiting for review."))
    return _decide(
        actor=actor,
        report=report,
        approve=approve,
        note=note,
        signed=ReportStatus.REVIEWED,
        step=RequestStatus.REVIEWED,
        returned_by="",
    )


def _decide(
    *,
    actor: User,
    report: LitmasReport,
    approve: bool,
    note: str,
    signed: str,
    step: str,
    returned_by: str,
) -> LitmasReport:
    """Sign the report as `signed` (its `<signed>_by` and `<signed>_at`), or return it to the
    PK as a new draft version; either way one audited status change."""
    note = (note or "").strip()[:500]
    if approve:
        report.status = signed
        setattr(report, f"{signed}_by", actor)
        setattr(report, f"{signed}_at", timezone.now())
        report.save(update_fields=["status", f"{signed}_by", f"{signed}_at", "updated_at"])
        _step(report.request, step, note)
        summary = f"Litmas {report.number} {signed}"
    else:
        _return(actor, report, note)
        summary = f"Litmas {report.number} returned{returned_by}: {note}"
    audit_record(
        actor=actor,
        action=AuditAction.STATUS,
        obj=report,
        client=report.request.client,
        summary=summary,
    )
    return report


def _return(actor: User, report: LitmasReport, note: str) -> None:
    if not note:
        raise ApplicationError(_("Say what needs changing."), field="note")
    current = report.current
    LitmasVersion.objects.create(
        report=report,
        number=current.number + 1,
        content=current.content,
        sources=current.sources,
        reason=VersionReason.RETURNED,
        note=note,
        created_by=actor,
    )
    report.status = ReportStatus.DRAFT
    report.reviewed_by = None
    report.reviewed_at = None
    report.save(update_fields=["status", "reviewed_by", "reviewed_at", "updated_at"])
    _step(report.request, RequestStatus.IN_PROGRESS, note)


@transaction.atomic
def report_acknowledge(
    *, actor: User, report: LitmasReport, approve: bool = True, note: str = ""
) -> LitmasReport:
    """The Bapas head acknowledges ("Mengetahui") the reviewed litmas, or returns it."""
    report = _locked_report(report)
    _require(
        access.can_acknowledge(actor, report),
        _("Only the Bapas head, not the author, acknowledges this litmas."),
    )
    _require(
        report.status == ReportStatus.REVIEWED,
        _("This litmas has not been reviewed by the section head."),
    )
    return _decide(
        actor=actor,
        report=report,
        approve=approve,
        note=note,
        signed=ReportStatus.ACKNOWLEDGED,
        step=RequestStatus.ACKNOWLEDGED,
        returned_by=" by the Bapas head",
    )
