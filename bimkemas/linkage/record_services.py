"""Storing external records: a file of an SDP or SIPP export, or the records of an API call.

Both go through `_store`:
1. the rows are checked (`imports`), nothing stored yet;
2. a whole-file problem, or any bad row without the option to import the valid rows,
   rejects the batch: it is kept (with its problems) for the history, and no record is;
3. otherwise each valid row is looked up by its natural key (source, institution, record
   number): a new one is created, one held with the same data is counted as unchanged, and
   one held with other data keeps the record first received (matches and officers'
   decisions refer to it) and is reported as a notice;
4. the batch is audited in the same transaction, and the matcher runs for the new records
   once it commits.
"""

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from bimkemas.accounts.models import User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.core.dates import long_date
from bimkemas.core.errors import ApplicationError
from bimkemas.linkage import imports
from bimkemas.linkage.models import ExternalRecord, ImportBatch, ImportStatus, RecordSource

# Fields compared when a record arrives again; raw cells may differ by formatting alone.
COMPARED = (
    "full_name",
    "aliases",
    "birth_date",
    "birth_place",
    "sex",
    "nik",
    "address",
    "event_date",
    "event",
)
LOOKUP_CHUNK = 500


def records_import(
    *,
    actor: User | None,
    source: str,
    file_name: str,
    content: bytes,
    partial: bool = False,
) -> ImportBatch:
    """Import one CSV or XLSX export; the batch says what was imported and what was wrong."""
    _check_source(source)
    result = imports.parse_file(source, file_name, content)
    return _store(
        actor=actor,
        result=result,
        file_name=file_name[-255:],
        sha256=hashlib.sha256(content).hexdigest(),
        partial=partial,
    )


def records_ingest(
    *,
    actor: User | None,
    source: str,
    records: Sequence[dict[str, Any]],
    partial: bool = False,
) -> ImportBatch:
    """The records of one API call (a live feed), checked and stored like a file's rows."""
    _check_source(source)
    result = imports.parse_records(source, records)
    body = json.dumps(list(records), sort_keys=True, default=str, ensure_ascii=False)
    return _store(
        actor=actor,
        result=result,
        file_name="",
        sha256=hashlib.sha256(body.encode()).hexdigest(),
        partial=partial,
    )


def _check_source(source: str) -> None:
    if source not in RecordSource.values:
        raise ApplicationError(_("Choose the kind of records."), field="source")


@transaction.atomic
def _store(
    *,
    actor: User | None,
    result: imports.ParseResult,
    file_name: str,
    sha256: str,
    partial: bool,
) -> ImportBatch:
    batch = ImportBatch(
        source=result.source,
        file_name=file_name,
        sha256=sha256,
        imported_by=actor,
        partial=partial,
        rows_total=result.rows_total,
    )
    problems = list(result.problems)
    rejected = result.rejected_rows
    if result.file_rejected or (rejected and not partial) or not result.valid:
        batch.status = ImportStatus.REJECTED
        batch.rows_rejected = result.rows_total if result.file_rejected else len(rejected)
        return _finish(actor, batch, problems, created=0)
    batch.status = ImportStatus.PARTIAL if rejected else ImportStatus.IMPORTED
    batch.rows_rejected = len(rejected)
    batch.save()
    new, unchanged, changed = _sort_out(result)
    _create(batch, new)
    batch.rows_created, batch.rows_unchanged, batch.rows_changed = (
        len(new),
        unchanged,
        len(changed),
    )
    problems.extend(changed)
    problems.sort(key=lambda p: (p.row, p.kind, p.column))
    return _finish(actor, batch, problems, created=len(new))


def _sort_out(
    result: imports.ParseResult,
) -> tuple[list[imports.ParsedRow], int, list[imports.Problem]]:
    """(new rows, how many are held as they are, notices for those held with other data)."""
    held = _held(result.source, result.valid)
    new, unchanged, changed = [], 0, []
    for row in result.valid:
        record = held.get(row.key)
        if record is None:
            new.append(row)
            continue
        differing = [name for name in COMPARED if getattr(record, name) != row.values[name]]
        if not differing:
            unchanged += 1
            continue
        changed.append(_held_with_other_data(row, record, differing))
    return new, unchanged, changed


def _held(source: str, rows: list[imports.ParsedRow]) -> dict[tuple[str, str], ExternalRecord]:
    held: dict[tuple[str, str], ExternalRecord] = {}
    for start in range(0, len(rows), LOOKUP_CHUNK):
        chunk = rows[start : start + LOOKUP_CHUNK]
        for record in ExternalRecord.objects.filter(
            source=source,
            external_id__in={row.values["external_id"] for row in chunk},
            institution__in={row.values["institution"] for row in chunk},
        ):
            held[(record.institution, record.external_id)] = record
    return held


def _held_with_other_data(
    row: imports.ParsedRow, record: ExternalRecord, differing: list[str]
) -> imports.Problem:
    names = ", ".join(_label(name) for name in differing)
    message = _(
        "Already held since %(day)s with other data (%(fields)s): the record first received "
        "is kept and this row is not imported."
    ) % {"day": long_date(record.created_at.date()), "fields": names}
    column = imports.SOURCES[record.source].id_column
    return imports.Problem(row.row, column, message, kind="notice")


def _label(name: str) -> str:
    field = ExternalRecord._meta.get_field(name)
    return str(getattr(field, "verbose_name", name))


def _create(batch: ImportBatch, rows: list[imports.ParsedRow]) -> None:
    records = [
        ExternalRecord(source=batch.source, batch=batch, raw=row.raw, **row.values) for row in rows
    ]
    try:
        with transaction.atomic():
            ExternalRecord.objects.bulk_create(records, batch_size=500)
    except IntegrityError as error:
        raise ApplicationError(
            _("Another import of the same records is running. Try again in a minute.")
        ) from error


def _finish(
    actor: User | None, batch: ImportBatch, problems: list[imports.Problem], *, created: int
) -> ImportBatch:
    batch.problems = _bounded(problems)
    batch.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=batch,
        summary=_(
            "Import of %(source)s %(file)s: %(status)s; %(created)s new, %(unchanged)s already "
            "held, %(rejected)s rows rejected"
        )
        % {
            "source": batch.get_source_display(),
            "file": batch.file_name or "API",
            "status": batch.get_status_display(),
            "created": created,
            "unchanged": batch.rows_unchanged,
            "rejected": batch.rows_rejected,
        },
    )
    if created:
        transaction.on_commit(_match_new_records)
    return batch


def _bounded(problems: list[imports.Problem]) -> list[dict[str, Any]]:
    kept = [problem.as_dict() for problem in problems[: imports.MAX_PROBLEMS]]
    if len(problems) > imports.MAX_PROBLEMS:
        more = len(problems) - imports.MAX_PROBLEMS
        kept.append(
            {
                "row": 0,
                "field": "",
                "message": _("… and %(count)s more problems.") % {"count": f"{more:,}"},
                "kind": "more",
            }
        )
    return kept


def _match_new_records() -> None:
    """Queue the matcher for the records not yet compared with the clients. Imported here:
    the task module loads the matcher's services, which an import does not need."""
    from bimkemas.linkage.tasks import match_new_records

    match_new_records()
