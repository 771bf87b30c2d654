"""Home-page work: violations awaiting the officer's response (three-miss violations are
wajib lapor's own group), and for the office's heads those left unanswered too long."""

import datetime as dt

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from bimkemas.accounts.models import User
from bimkemas.clients.access import can_supervise, own_open_cases
from bimkemas.core.workitems import (
    ITEMS_PER_GROUP,
    Urgency,
    WorkItem,
    WorkItemGroup,
    work_item_provider,
)
from bimkemas.violations.models import Violation, ViolationKind, ViolationStatus
from bimkemas.violations.selectors import DECISION_DAYS, decision_due_on


def _item(kind: str, violation: Violation, day: dt.date) -> WorkItem:
    case = violation.case
    due = decision_due_on(violation)
    return WorkItem(
        kind=kind,
        title=_("%(kind)s on %(day)s: decide the response")
        % {
            "kind": violation.get_kind_display(),
            "day": date_format(violation.occurred_on, "j M Y"),
        },
        url=reverse("violation_detail", args=[violation.public_id]),
        subject=f"{case.client.full_name} ({case.register_number})",
        urgency=Urgency.OVERDUE if due < day else Urgency.DUE,
        due=due,
        client_id=case.client.public_id,
    )


def _list_url(**query: str) -> str:
    url = reverse("violation_list")
    return url + "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else url


@work_item_provider
def open_violations(user: User, day: dt.date) -> list[WorkItemGroup]:
    """The officer's open violations of their caseload (not the three-miss ones)."""
    if not user.is_officer:
        return []
    violations = (
        Violation.objects.filter(
            case_id__in=list(own_open_cases(user).values_list("pk", flat=True)),
            status=ViolationStatus.OPEN,
        )
        .exclude(kind=ViolationKind.THREE_MISSES)
        .select_related("case__client")
        .order_by("occurred_on", "pk")
    )
    total = violations.count()
    if not total:
        return []
    items = [_item("violations.open", v, day) for v in violations[:ITEMS_PER_GROUP]]
    return [
        WorkItemGroup(
            "violations.open",
            _("Violations awaiting your response"),
            total,
            items,
            _list_url(status=ViolationStatus.OPEN),
        )
    ]


@work_item_provider
def unanswered_violations(user: User, day: dt.date) -> list[WorkItemGroup]:
    """For the office's heads: open violations past the response time."""
    if not can_supervise(user) or user.office_id is None:
        return []
    recorded_before = day - dt.timedelta(days=DECISION_DAYS)
    violations = (
        Violation.objects.filter(
            case__office_id=user.office_id,
            status=ViolationStatus.OPEN,
            created_at__date__lt=recorded_before,
        )
        .select_related("case__client")
        .order_by("occurred_on", "pk")
    )
    total = violations.count()
    if not total:
        return []
    items = [_item("violations.unanswered", v, day) for v in violations[:ITEMS_PER_GROUP]]
    return [
        WorkItemGroup(
            "violations.unanswered",
            _("Violations unanswered for more than %(days)d days") % {"days": DECISION_DAYS},
            total,
            items,
            _list_url(status=ViolationStatus.OPEN),
        )
    ]
