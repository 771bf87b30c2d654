"""Writes of violations. Rules that open a violation by themselves (wajib lapor's three-miss
rule) go through `violations_open_by_rule`: idempotent per (case, source, source_key)."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_records
from bimkemas.violations.models import Violation


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
