"""API: external records (prison admissions from the SDP, court decisions from the SIPP) and
the possible matches of clients in them.

The first part (external records: the live feed, file imports, the list, one record, the
history of imports) uses the same checks, services and access helpers as the records' pages;
the matches' part follows below it."""

import datetime as dt
import uuid
from typing import Annotated

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import StrictBool, StrictInt

from bimkemas.api import presenters
from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS, ErrorOut
from bimkemas.api.schemas import InputSchema, NoNul, PageQuery, PersonRef, Str100, Str200
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_records, audit_view
from bimkemas.clients.access import require
from bimkemas.core.errors import ApplicationError
from bimkemas.linkage.imports import MAX_CELL_CHARS, MAX_FILE_BYTES, MAX_RECORDS_PER_CALL
from bimkemas.linkage.models import ExternalRecord, ImportBatch, ImportStatus, RecordSource
from bimkemas.linkage.record_access import (
    can_import_records,
    get_batch_for_user,
    get_record_for_user,
    search_records,
    visible_batches,
)
from bimkemas.linkage.record_services import records_import, records_ingest

router = Router(tags=["Linkage"])

# --- external records ------------------------------------------------------------------------


class RecordImportProblemOut(Schema):
    row: int = Field(description="the file's row (header = 1) or the record's position; 0 = all")
    field: str = Field(description="the column, as the export names it")
    message: str
    kind: str = Field(description="error (not imported), notice (held already) or more")


class RecordImportOut(Schema):
    id: uuid.UUID
    source: RecordSource
    source_display: str
    status: ImportStatus
    status_display: str
    partial: bool
    file_name: str
    sha256: str
    imported_by: PersonRef | None
    created_at: dt.datetime
    rows_total: int
    rows_created: int
    rows_unchanged: int
    rows_changed: int
    rows_rejected: int
    problems: list[RecordImportProblemOut]


class RecordImportRejectedOut(ErrorOut):
    batch: RecordImportOut | None = None


class RecordImportPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[RecordImportOut]


CellKey = Annotated[str, Field(max_length=100), NoNul]
CellValue = Annotated[str, Field(max_length=MAX_CELL_CHARS), NoNul] | StrictInt | None


class RecordImportIn(InputSchema):
    source: RecordSource
    records: Annotated[
        list[dict[CellKey, CellValue]],
        Field(
            min_length=1,
            max_length=MAX_RECORDS_PER_CALL,
            description="objects keyed by the export's column names (no_registrasi, nama, "
            "tanggal_masuk, upt, … or nomor_perkara, nama_terdakwa, tanggal_putusan, "
            "pengadilan, …); dates yyyy-mm-dd or dd/mm/yyyy",
        ),
    ]
    partial: StrictBool = Field(
        False, description="import the valid records even when others are wrong"
    )


class ExternalRecordSummary(Schema):
    id: uuid.UUID
    source: RecordSource
    institution: str
    external_id: str
    event_date: dt.date
    event: str
    full_name: str
    aliases: str
    birth_date: dt.date | None
    birth_place: str
    sex: str
    nik: str
    address: str


class ExternalRecordOut(ExternalRecordSummary):
    source_display: str
    raw: dict[str, str]
    received_at: dt.datetime
    import_id: uuid.UUID | None
    matched_at: dt.datetime | None


class ExternalRecordPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[ExternalRecordSummary]


class ExternalRecordQuery(PageQuery):
    q: Str100 = Field("", description="a name or alias (any part), a NIK or a record number")
    source: RecordSource | None = None
    institution: Str200 = ""
    date_from: dt.date | None = Field(None, description="event on or after")
    date_to: dt.date | None = Field(None, description="event on or before")


IMPORT_RESPONSES = {201: RecordImportOut, 400: RecordImportRejectedOut, **READ_ERRORS}


def _batch(batch: ImportBatch) -> dict:
    return {
        "id": batch.public_id,
        "source": batch.source,
        "source_display": batch.get_source_display(),
        "status": batch.status,
        "status_display": batch.get_status_display(),
        "partial": batch.partial,
        "file_name": batch.file_name,
        "sha256": batch.sha256,
        "imported_by": presenters.person(batch.imported_by),
        "created_at": batch.created_at,
        "rows_total": batch.rows_total,
        "rows_created": batch.rows_created,
        "rows_unchanged": batch.rows_unchanged,
        "rows_changed": batch.rows_changed,
        "rows_rejected": batch.rows_rejected,
        "problems": batch.problems,
    }


def _import_answer(batch: ImportBatch):
    if batch.status != ImportStatus.REJECTED:
        return Status(201, _batch(batch))
    errors: dict[str, list[str]] = {}
    for problem in batch.problems:
        where = ".".join(str(part) for part in (problem["row"], problem["field"]) if part)
        errors.setdefault(where or "__all__", []).append(problem["message"])
    detail = _("Rejected: nothing was imported.")
    return Status(400, {"detail": detail, "errors": errors, "batch": _batch(batch)})


def _summary(record: ExternalRecord) -> dict:
    return {
        "id": record.public_id,
        "source": record.source,
        "institution": record.institution,
        "external_id": record.external_id,
        "event_date": record.event_date,
        "event": record.event,
        "full_name": record.full_name,
        "aliases": record.aliases,
        "birth_date": record.birth_date,
        "birth_place": record.birth_place,
        "sex": record.sex,
        "nik": record.nik,
        "address": record.address,
    }


@router.post("/external-records/batch", response=IMPORT_RESPONSES)
def external_records_ingest(request: HttpRequest, payload: RecordImportIn):
    """Records from a feed (SDP or SIPP), checked like a file's rows. Idempotent: a record
    already held (same source, institution and number) is counted, not stored again. Any
    wrong record rejects the call (400, nothing stored) unless `partial` is true."""
    user = actor(request)
    require(can_import_records(user))
    batch = records_ingest(
        actor=user, source=payload.source, records=payload.records, partial=payload.partial
    )
    return _import_answer(batch)


@router.post("/external-records/import", response=IMPORT_RESPONSES)
def external_records_import(
    request: HttpRequest,
    source: Form[RecordSource],
    file: File[UploadedFile],
    partial: Form[bool] = False,
):
    """Import an SDP or SIPP export (multipart: `source`, `file` as CSV UTF-8 or XLSX,
    optional `partial`). 201 with the counts, or 400 with the offending rows."""
    user = actor(request)
    require(can_import_records(user))
    if file.size is not None and file.size > MAX_FILE_BYTES:
        raise ApplicationError(
            _("The file is too big (at most %(limit)s MB).") % {"limit": MAX_FILE_BYTES // 2**20},
            field="file",
        )
    batch = records_import(
        actor=user,
        source=source,
        file_name=file.name or "",
        content=file.read(),
        partial=partial,
    )
    return _import_answer(batch)


@router.get("/external-records", response={200: ExternalRecordPage, **READ_ERRORS})
def external_records_list(request: HttpRequest, filters: Query[ExternalRecordQuery]):
    """Records the caller may read, newest event first: every record for those who import
    them (registrars, section and Bapas heads, the national role), only those matched to
    their clients for a PK or APK. Each record listed is an audited read."""
    user = actor(request)
    require(can_import_records(user) or user.is_officer)
    records = search_records(
        user,
        q=filters.q,
        source=filters.source or "",
        institution=filters.institution,
        date_from=filters.date_from,
        date_to=filters.date_to,
    )
    start = (filters.page - 1) * filters.page_size
    shown = list(records[start : start + filters.page_size])
    where = _("External records")
    audit_records(actor=user, action=AuditAction.LIST, rows=[(r, None, where) for r in shown])
    return {
        "count": records.count(),
        "page": filters.page,
        "page_size": filters.page_size,
        "results": [_summary(record) for record in shown],
    }


@router.get("/external-records/{record_id}", response={200: ExternalRecordOut, **READ_ERRORS})
def external_record_get(request: HttpRequest, record_id: uuid.UUID):
    """One record with every field as the source sent it."""
    user = actor(request)
    record = get_record_for_user(user, record_id)
    audit_view(actor=user, obj=record, client=None, what=_("External record"))
    return {
        **_summary(record),
        "source_display": record.get_source_display(),
        "raw": {str(key): str(value) for key, value in record.raw.items()},
        "received_at": record.created_at,
        "import_id": record.batch.public_id if record.batch else None,
        "matched_at": record.matched_at,
    }


@router.get("/record-imports", response={200: RecordImportPage, **READ_ERRORS})
def record_imports_list(request: HttpRequest, filters: Query[PageQuery]):
    """The history of imports, newest first (files, feed calls, rejected attempts)."""
    user = actor(request)
    require(can_import_records(user))
    batches = visible_batches(user).select_related("imported_by")
    start = (filters.page - 1) * filters.page_size
    return {
        "count": batches.count(),
        "page": filters.page,
        "page_size": filters.page_size,
        "results": [_batch(b) for b in batches[start : start + filters.page_size]],
    }


@router.get("/record-imports/{import_id}", response={200: RecordImportOut, **READ_ERRORS})
def record_import_get(request: HttpRequest, import_id: uuid.UUID):
    """One import: its counts and the offending rows."""
    user = actor(request)
    batch = get_batch_for_user(user, import_id)
    audit_view(actor=user, obj=batch, client=None, what=_("Import of external records"))
    return _batch(batch)


# --- matches (helper ALERTS) -----------------------------------------------------------------

from bimkemas.accounts.models import User  # noqa: E402
from bimkemas.api.errors import WRITE_ERRORS  # noqa: E402
from bimkemas.audit.services import audit_clients_listed  # noqa: E402
from bimkemas.clients.access import can_supervise  # noqa: E402
from bimkemas.linkage import selectors as match_selectors  # noqa: E402
from bimkemas.linkage import services as match_services  # noqa: E402
from bimkemas.linkage.models import MatchBand, MatchCandidate, MatchStatus  # noqa: E402


class MatchRecordOut(Schema):
    id: uuid.UUID
    source: str
    source_display: str
    institution: str
    external_id: str
    event_date: dt.date
    event: str
    full_name: str
    birth_date: dt.date | None
    birth_place: str
    sex: str
    nik: str
    address: str


class MatchClientOut(Schema):
    id: uuid.UUID
    full_name: str
    birth_date: dt.date
    birth_place: str
    sex: str
    nik: str | None
    address: str
    name_key: str
    register_number: str | None = Field(description="the client's open case, if any")


class MatchOut(Schema):
    id: uuid.UUID
    band: MatchBand
    status: MatchStatus
    probability: float
    model_version: str
    created_at: dt.datetime
    client: MatchClientOut
    record: MatchRecordOut
    record_name_key: str
    decided_by: PersonRef | None
    decided_at: dt.datetime | None
    decision_note: str
    violation_id: uuid.UUID | None
    can_decide: bool


class MatchPage(Schema):
    count: int
    page: int
    page_size: int
    pending_alerts: int
    pending_review: int
    results: list[MatchOut]


class MatchListQuery(PageQuery):
    band: MatchBand | None = None
    status: MatchStatus | None = Field(
        MatchStatus.PENDING, description="pending (default), confirmed or rejected"
    )


class MatchConfirmIn(InputSchema):
    note: Annotated[str, Field(max_length=match_services.NOTE_MAX), NoNul] = ""


class MatchRejectIn(InputSchema):
    note: Annotated[str, Field(min_length=1, max_length=match_services.NOTE_MAX), NoNul]


class MatchRunOut(Schema):
    records: int
    clients: int
    created: int
    alerts: int
    model_version: str
    seconds: float


class MatchTallyOut(Schema):
    band: MatchBand
    confirmed: int
    rejected: int
    pending: int
    precision: float | None = Field(description="confirmed / (confirmed + rejected)")


class MatchPrecisionRowOut(Schema):
    label: str = Field(description="a month (YYYY-MM) or a model version")
    bands: list[MatchTallyOut]


class MatchPrecisionOut(Schema):
    total: list[MatchTallyOut]
    months: list[MatchPrecisionRowOut]
    models: list[MatchPrecisionRowOut]


def _match(user: User, match: MatchCandidate, case=None) -> dict:
    from bimkemas.clients.identity import name_key

    client, record = match.client, match.record
    return {
        "id": match.public_id,
        "band": match.band,
        "status": match.status,
        "probability": match.probability,
        "model_version": match.model_version,
        "created_at": match.created_at,
        "client": {
            "id": client.public_id,
            "full_name": client.full_name,
            "birth_date": client.birth_date,
            "birth_place": client.birth_place,
            "sex": client.sex,
            "nik": client.nik,
            "address": client.address_line,
            "name_key": client.name_key,
            "register_number": case.register_number if case and case.is_open else None,
        },
        "record": {
            "id": record.public_id,
            "source": record.source,
            "source_display": record.get_source_display(),
            "institution": record.institution,
            "external_id": record.external_id,
            "event_date": record.event_date,
            "event": record.event,
            "full_name": record.full_name,
            "birth_date": record.birth_date,
            "birth_place": record.birth_place,
            "sex": record.sex,
            "nik": record.nik,
            "address": record.address,
        },
        "record_name_key": name_key(record.full_name),
        "decided_by": presenters.person(match.decided_by),
        "decided_at": match.decided_at,
        "decision_note": match.decision_note,
        "violation_id": match.violation.public_id if match.violation else None,
        "can_decide": match.status == MatchStatus.PENDING
        and match_services.can_decide(user, match, case),
    }


def _tallies(row) -> list[dict]:
    return [
        {
            "band": band,
            "confirmed": tally.confirmed,
            "rejected": tally.rejected,
            "pending": tally.pending,
            "precision": tally.precision,
        }
        for band, tally in row.bands.items()
    ]


@router.get("/matches", response={200: MatchPage, **READ_ERRORS})
def matches_list(request: HttpRequest, filters: Query[MatchListQuery]):
    """Possible matches of clients in external records, alerts first: an officer's own
    clients', a section or Bapas head's office's. (The national viewer: see
    /matches/precision.)"""
    user = actor(request)
    require(user.office_id is not None and (user.is_officer or can_supervise(user)))
    queue = match_selectors.review_queue(
        user, status=filters.status or "", band=filters.band or ""
    ).select_related("client__work_area", "violation")
    start = (filters.page - 1) * filters.page_size
    shown = list(queue[start : start + filters.page_size])
    cases = {m.client_id: match_services.case_of(m.client_id) for m in shown}
    counts = match_selectors.pending_counts(match_selectors.matches_in_charge(user))
    audit_clients_listed(actor=user, clients=[m.client for m in shown], where=_("Possible matches"))
    return {
        "count": queue.count(),
        "page": filters.page,
        "page_size": filters.page_size,
        "pending_alerts": counts[MatchBand.ALERT],
        "pending_review": counts[MatchBand.REVIEW],
        "results": [_match(user, m, cases[m.client_id]) for m in shown],
    }


@router.get("/matches/precision", response={200: MatchPrecisionOut, **READ_ERRORS})
def matches_precision(request: HttpRequest):
    """Confirmed / (confirmed + rejected) per band, per month the matches were made and per
    model version (section and Bapas heads: their office; the national viewer: all)."""
    user = actor(request)
    matches = match_selectors.precision_scope(user)
    require(matches is not None)
    months = match_selectors.precision_by_month(matches)
    return {
        "total": _tallies(match_selectors.precision_total(months)),
        "months": [{"label": r.label, "bands": _tallies(r)} for r in months],
        "models": [
            {"label": r.label, "bands": _tallies(r)}
            for r in match_selectors.precision_by_model(matches)
        ],
    }


@router.post("/matches/run", response={200: MatchRunOut, **WRITE_ERRORS})
def matches_run_now(request: HttpRequest):
    """Compare the records not compared yet with the clients under supervision now
    (section and Bapas heads; otherwise nightly and after each import)."""
    user = actor(request)
    require(can_supervise(user))
    summary = match_services.matches_run(actor=user)
    return {
        "records": summary.records,
        "clients": summary.clients,
        "created": summary.created,
        "alerts": summary.alerts,
        "model_version": summary.model_version,
        "seconds": round(summary.seconds, 3),
    }


@router.get("/matches/{match_id}", response={200: MatchOut, **READ_ERRORS})
def match_get(request: HttpRequest, match_id: uuid.UUID):
    """One match: the client and the record side by side, with their name keys."""
    user = actor(request)
    match = match_selectors.get_match_for_user(user, match_id)
    audit_view(actor=user, obj=match, client=match.client, what=_("Possible match"))
    return _match(user, match, match_services.case_of(match.client_id))


@router.post("/matches/{match_id}/confirm", response={200: MatchOut, **WRITE_ERRORS})
def match_confirm(request: HttpRequest, match_id: uuid.UUID, payload: MatchConfirmIn):
    """The record is this client (the officer of the client's case, or a section or Bapas
    head). A prison admission or court decision within the guidance opens a violation."""
    user = actor(request)
    match = match_selectors.get_match_for_user(user, match_id)
    match = match_services.match_confirm(actor=user, match=match, note=payload.note)
    return _match(user, match, match_services.case_of(match.client_id))


@router.post("/matches/{match_id}/reject", response={200: MatchOut, **WRITE_ERRORS})
def match_reject(request: HttpRequest, match_id: uuid.UUID, payload: MatchRejectIn):
    """The record is another person; `note` says why (required)."""
    user = actor(request)
    match = match_selectors.get_match_for_user(user, match_id)
    match = match_services.match_reject(actor=user, match=match, note=payload.note)
    return _match(user, match, match_services.case_of(match.client_id))
