"""Matches between clients and external records: the run that finds them, and the officer's
decision on each. Nothing happens by itself beyond the alert: an officer confirms or rejects
every match, and only a confirmed custody or conviction match opens a violation.

The matcher (`bimkemas.linkage.matcher.link`) is imported when first used: it loads Splink
and DuckDB, which a web request that never matches should not pay for. Callers and tests may
pass their own `matcher` with the same signature.
"""

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bimkemas.accounts.models import User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record, audit_records
from bimkemas.clients.access import can_edit_case
from bimkemas.clients.models import Client, SupervisionCase
from bimkemas.core.dates import long_date, today
from bimkemas.core.errors import ApplicationError
from bimkemas.linkage.models import (
    ExternalRecord,
    MatchBand,
    MatchCandidate,
    MatchStatus,
    RecordSource,
)
from bimkemas.notifications.services import notification_enqueue
from bimkemas.violations.models import Violation, ViolationKind, ViolationSource
from bimkemas.violations.services import violation_record

NOTE_MAX = 2000
# Records compared per call of the matcher: bounds the memory of a large import.
RECORDS_PER_CHUNK = 50_000
# Sources whose confirmed match means the client is in custody or convicted: a new offence.
OFFENCE_SOURCES = (RecordSource.PRISON_ADMISSION, RecordSource.COURT_DECISION)

Matcher = Callable[..., Any]


def link(clients: Any, records: Any, **options: Any) -> Any:
    """The shipped matcher, imported on first use (Splink and DuckDB are heavy)."""
    from bimkemas.linkage import matcher

    return matcher.link(clients, records, **options)


def thresholds() -> tuple[float, float]:
    """(alert, review): a match at or above `alert` alerts the officer; one in
    [review, alert) waits in the review queue."""
    from bimkemas.linkage import matcher

    return float(matcher.ALERT_THRESHOLD), float(matcher.REVIEW_THRESHOLD)


# --- identity rows in the matcher's shape (IDENTITY_COLUMNS) -------------------------------

CLIENT_FIELDS = (
    "pk",
    "full_name",
    "birth_date",
    "birth_place",
    "sex",
    "nik",
    "street",
    "kelurahan",
    "kecamatan",
    "work_area__name",
)


def client_address(row: dict[str, Any]) -> str:
    names = ("street", "kelurahan", "kecamatan", "work_area__name")
    return ", ".join(str(row[n]) for n in names if row.get(n))


def client_identity(row: dict[str, Any]) -> dict[str, Any]:
    """A `Client.objects.values(*CLIENT_FIELDS)` row as the matcher reads it."""
    return {
        "id": str(row["pk"]),
        "full_name": row["full_name"],
        "birth_date": row["birth_date"],
        "birth_place": row["birth_place"] or "",
        "sex": row["sex"] or "",
        "nik": row["nik"] or "",
        "address": client_address(row),
    }


def record_identity(record: ExternalRecord) -> dict[str, Any]:
    return {
        "id": str(record.pk),
        "full_name": record.full_name,
        "birth_date": record.birth_date,
        "birth_place": record.birth_place,
        "sex": record.sex,
        "nik": record.nik,
        "address": record.address,
    }


def active_clients():
    """Clients under supervision anywhere: a client of any Bapas may reappear anywhere."""
    return Client.objects.filter(
        pk__in=SupervisionCase.objects.open().values("client_id")
    ).order_by()


def band_of(probability: float, alert: float) -> str:
    return MatchBand.ALERT if probability >= alert else MatchBand.REVIEW


# --- the run ---------------------------------------------------------------------------------


@dataclass
class RunSummary:
    records: int = 0
    clients: int = 0
    created: int = 0
    alerts: int = 0
    model_version: str = ""
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)


def matches_run(
    *,
    records: Iterable[ExternalRecord] | None = None,
    actor: User | None = None,
    matcher: Matcher | None = None,
    alert_threshold: float | None = None,
    review_threshold: float | None = None,
    clients=None,
    model_path: Path | None = None,
) -> RunSummary:
    """Compare records with the clients of open cases of every office and keep each pair at
    or above the review threshold as a pending match (alert band at or above the alert
    threshold), once per pair. `records`: the given ones, else those not compared yet
    (`matched_at` empty); they are marked compared. The officer of each client's open case
    is told of a new alert; every new match is audited (actor: the user who ran it, or the
    system). `clients` (a Client queryset) narrows the clients compared (tests, a demo).
    `model_path`: the saved model to use and keep (default `settings.LINKAGE_MODEL_PATH`;
    none: the matcher's shipped default model)."""
    started = time.monotonic()
    matcher = matcher or link
    if alert_threshold is None or review_threshold is None:
        alert, review = thresholds()
        alert_threshold = alert if alert_threshold is None else alert_threshold
        review_threshold = review if review_threshold is None else review_threshold
    pending = (
        ExternalRecord.objects.filter(matched_at__isnull=True).order_by("pk")
        if records is None
        else list(records)
    )
    summary = RunSummary()
    if not (pending if isinstance(pending, list) else pending.exists()):
        summary.seconds = time.monotonic() - started
        return summary  # nothing new: the clients are not even read
    model_path = model_path or getattr(settings, "LINKAGE_MODEL_PATH", None)
    options = {"model_path": Path(model_path)} if model_path else {}
    client_rows = [
        client_identity(row)
        for row in (clients if clients is not None else active_clients()).values(*CLIENT_FIELDS)
    ]
    summary.clients = len(client_rows)
    for chunk in _chunks(pending):
        summary.records += len(chunk)
        rows = [record_identity(r) for r in chunk]
        result = matcher(client_rows, rows, threshold=review_threshold, **options)
        summary.model_version = result.model_version
        for phase, seconds in (result.timings or {}).items():
            summary.timings[phase] = summary.timings.get(phase, 0.0) + seconds
        created = _store(
            chunk, result.matches, result.model_version, alert_threshold, review_threshold, actor
        )
        summary.created += len(created)
        summary.alerts += sum(1 for m in created if m.band == MatchBand.ALERT)
    summary.seconds = time.monotonic() - started
    return summary


def _chunks(records) -> Iterable[list[ExternalRecord]]:
    if isinstance(records, list):
        for start in range(0, len(records), RECORDS_PER_CHUNK):
            yield records[start : start + RECORDS_PER_CHUNK]
        return
    last = 0
    while True:  # keyset pages: the records marked compared drop out of the queryset
        chunk = list(records.filter(pk__gt=last)[:RECORDS_PER_CHUNK])
        if not chunk:
            return
        last = chunk[-1].pk
        yield chunk


def _store(
    chunk: list[ExternalRecord],
    found: Sequence[Any],
    model_version: str,
    alert: float,
    review: float,
    actor: User | None,
) -> list[MatchCandidate]:
    by_pk = {r.pk: r for r in chunk}
    best: dict[tuple[int, int], float] = {}
    for match in found:
        if match.probability < review:
            continue
        pair = (int(match.client_id), int(match.record_id))
        if pair[1] in by_pk and match.probability > best.get(pair, -1.0):
            best[pair] = float(match.probability)
    with transaction.atomic():
        held = set(
            MatchCandidate.objects.filter(record_id__in=by_pk).values_list("client_id", "record_id")
        )
        new = [
            MatchCandidate(
                client_id=client_id,
                record_id=record_id,
                probability=probability,
                band=band_of(probability, alert),
                model_version=(model_version or "")[:16],
            )
            for (client_id, record_id), probability in sorted(best.items())
            if (client_id, record_id) not in held
        ]
        MatchCandidate.objects.bulk_create(new, ignore_conflicts=True)
        created = list(
            MatchCandidate.objects.filter(public_id__in=[m.public_id for m in new])
            .select_related("client", "record")
            .order_by("pk")
        )
        ExternalRecord.objects.filter(pk__in=by_pk).update(matched_at=timezone.now())
        audit_records(
            actor=actor,
            action=AuditAction.CREATE,
            rows=[(m, m.client_id, _match_summary(m)) for m in created],
        )
        _notify_alerts([m for m in created if m.band == MatchBand.ALERT])
    return created


def _match_summary(match: MatchCandidate) -> str:
    return _("Possible match %(probability)s with %(record)s") % {
        "probability": f"{match.probability:.2f}",
        "record": match.record,
    }


def _notify_alerts(alerts: list[MatchCandidate]) -> None:
    """In-app only: a message by e-mail or WhatsApp would carry a suspicion about a person."""
    if not alerts:
        return
    cases = (
        SupervisionCase.objects.open()
        .filter(client_id__in={m.client_id for m in alerts}, officer__isnull=False)
        .select_related("officer")
    )
    officer_of = {case.client_id: case.officer for case in cases}
    for match in alerts:
        officer = officer_of.get(match.client_id)
        if officer is None:
            continue
        notification_enqueue(
            recipient=officer,
            purpose_key=f"match-alert:{match.public_id}",
            subject=_("%(client)s may be in a record of %(institution)s: confirm or reject")
            % {"client": match.client.full_name, "institution": match.record.institution},
            url=reverse("match_detail", args=[match.public_id]),
        )


# --- the officer's decision ----------------------------------------------------------------


def case_of(client_id: int) -> SupervisionCase | None:
    """The client's open case, else the latest one."""
    cases = SupervisionCase.objects.filter(client_id=client_id).select_related(
        "client", "office", "officer"
    )
    return cases.open().order_by("-pk").first() or cases.order_by("-pk").first()


def can_decide(user: User, match: MatchCandidate, case: SupervisionCase | None = None) -> bool:
    """The officer of the client's open case, or a section or Bapas head of its office."""
    case = case if case is not None else case_of(match.client_id)
    return case is not None and can_edit_case(user, case)


def _decide(
    *, actor: User, match: MatchCandidate, note: str, status: str, note_required: bool
) -> tuple[MatchCandidate, SupervisionCase]:
    match = (
        MatchCandidate.objects.select_for_update(of=("self",))
        .select_related("client", "record")
        .get(pk=match.pk)
    )
    case = case_of(match.client_id)
    if case is None or not can_decide(actor, match, case):
        raise ApplicationError(
            _("Only the client's officer or a section or Bapas head of the office may decide.")
        )
    if match.status != MatchStatus.PENDING:
        raise ApplicationError(_("This match has already been decided."))
    note = (note or "").strip()
    if note_required and not note:
        raise ApplicationError(_("Say why this is a different person."), field="note")
    if len(note) > NOTE_MAX:
        raise ApplicationError(_("The text is too long."), field="note")
    match.status = status
    match.decided_by = actor
    match.decided_at = timezone.now()
    match.decision_note = note
    return match, case


def offence_summary(record: ExternalRecord) -> str:
    """What the record says happened, where and when, for the violation."""
    return _("%(event)s at %(institution)s on %(day)s (record %(number)s)") % {
        "event": record.event or record.get_source_display(),
        "institution": record.institution,
        "day": long_date(record.event_date),
        "number": record.external_id,
    }


def opens_violation(record: ExternalRecord, case: SupervisionCase) -> bool:
    """A custody or conviction record dated within the open case's guidance: an event before
    the guidance started is the past the client was released from, not a new offence."""
    return (
        record.source in OFFENCE_SOURCES
        and case.is_open
        and case.guidance_start <= record.event_date <= today()
    )


@transaction.atomic
def match_confirm(*, actor: User, match: MatchCandidate, note: str = "") -> MatchCandidate:
    """The officer says the record is the client. A prison admission or court decision then
    opens a violation (new offence, source: match) for the officer's decision, once per
    record."""
    match, case = _decide(
        actor=actor, match=match, note=note, status=MatchStatus.CONFIRMED, note_required=False
    )
    if opens_violation(match.record, case):
        match.violation = _open_violation(actor=actor, case=case, match=match)
    match.save(
        update_fields=[
            "status",
            "decided_by",
            "decided_at",
            "decision_note",
            "violation",
            "updated_at",
        ]
    )
    audit_record(
        actor=actor,
        action=AuditAction.STATUS,
        obj=match,
        client=match.client,
        summary=_("Match confirmed: %(record)s") % {"record": match.record},
        changes={"status": [MatchStatus.PENDING, MatchStatus.CONFIRMED]},
    )
    return match


@transaction.atomic
def match_reject(*, actor: User, match: MatchCandidate, note: str) -> MatchCandidate:
    """The officer says the record is another person, and why (required)."""
    match, _case = _decide(
        actor=actor, match=match, note=note, status=MatchStatus.REJECTED, note_required=True
    )
    match.save(update_fields=["status", "decided_by", "decided_at", "decision_note", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.STATUS,
        obj=match,
        client=match.client,
        summary=_("Match rejected: %(record)s") % {"record": match.record},
        changes={"status": [MatchStatus.PENDING, MatchStatus.REJECTED]},
    )
    return match


def _open_violation(*, actor: User, case: SupervisionCase, match: MatchCandidate) -> Violation:
    """Once per record (its public id is the source key): confirming another match of the
    same record returns the violation already open."""
    record = match.record
    return violation_record(
        actor=actor,
        case=case,
        kind=ViolationKind.NEW_OFFENCE,
        source=ViolationSource.MATCH,
        occurred_on=record.event_date,
        summary=offence_summary(record)[:300],
        evidence=_evidence(match),
        source_key=str(record.public_id),
    )


def _evidence(match: MatchCandidate) -> str:
    record = match.record
    return _(
        "%(source)s %(number)s of %(institution)s: %(name)s, born %(born)s; "
        "match probability %(probability)s, confirmed by the officer."
    ) % {
        "source": record.get_source_display(),
        "number": record.external_id,
        "institution": record.institution,
        "name": record.full_name,
        "born": long_date(record.birth_date) if record.birth_date else "-",
        "probability": f"{match.probability:.2f}",
    }
