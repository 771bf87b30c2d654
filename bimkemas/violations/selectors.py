"""Reads of violations: a case's violations with their decisions, the office's list, the
decision's due date."""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.urls import NoReverseMatch, reverse

from bimkemas.accounts.models import User
from bimkemas.clients.models import SupervisionCase
from bimkemas.violations.access import visible_violations
from bimkemas.violations.models import Violation, ViolationStatus

# An open violation should be answered within this many days of being recorded.
DECISION_DAYS = 7


def decision_due_on(violation: Violation) -> dt.date:
    recorded = violation.created_at.date() if violation.created_at else violation.occurred_on
    return max(recorded, violation.occurred_on) + dt.timedelta(days=DECISION_DAYS)


def case_violations(case: SupervisionCase) -> QuerySet[Violation]:
    return (
        Violation.objects.filter(case=case)
        .select_related("decision", "opened_by", "decided_by")
        .order_by("-occurred_on", "-pk")
    )


def _open_first(violations: QuerySet[Violation]) -> QuerySet[Violation]:
    return violations.annotate(
        answered=Case(
            When(status=ViolationStatus.OPEN, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("answered", "-occurred_on", "-pk")


@dataclass(frozen=True)
class ListFilter:
    status: str = ""
    kind: str = ""
    officer: User | None = None


def violations_for_list(user: User, filters: ListFilter) -> QuerySet[Violation]:
    """The violations the user may see, filtered, open ones first."""
    violations = visible_violations(user)
    if filters.status:
        violations = violations.filter(status=filters.status)
    if filters.kind:
        violations = violations.filter(kind=filters.kind)
    if filters.officer is not None:
        violations = violations.filter(case__officer=filters.officer)
    return _open_first(violations.select_related("case__client", "case__officer", "decision"))


def revocation_url(violation: Violation) -> str:
    """The revocation app's start page for this violation, when that app is installed."""
    try:
        base = reverse("revocation_propose", args=[violation.case.public_id])
    except NoReverseMatch:
        return ""
    return f"{base}?{urlencode({'violation': str(violation.public_id)})}"
