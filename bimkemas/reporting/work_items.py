"""Wajib lapor worklists (see bimkemas.core.workitems).

Each worklist is a queryset for the user's whole caseload (an officer: `own_open_cases`) or
office (a supervisor) plus a function that turns one row into a WorkItem. A provider shows
the total and the first few; `/reporting/worklists/<kind>/` (views/worklists.py) shows them
all from the same queryset. Missed periods come from the compliance scan's `PeriodOutcome`
rows, three-miss flags from its `Violation`s.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    DateField,
    Exists,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bimkemas.accounts.models import User
from bimkemas.clients.access import can_supervise, own_open_cases
from bimkemas.clients.models import ClientPhone, SupervisionCase
from bimkemas.core.workitems import (
    ITEMS_PER_GROUP,
    Urgency,
    WorkItem,
    WorkItemGroup,
    work_item_provider,
)
from bimkemas.reporting.models import (
    CheckIn,
    Excuse,
    Outcome,
    PeriodOutcome,
    ReviewStatus,
)
from bimkemas.reporting.periods import Period
from bimkemas.reporting.schedules import owed_periods
from bimkemas.reporting.selectors import rules_for_cases
from bimkemas.violations.models import Violation, ViolationKind, ViolationStatus


def _day(day: dt.date) -> str:
    return date_format(day, "j F Y")


def _period(period: Period | PeriodOutcome) -> str:
    return f"{_day(period.starts_on)} – {_day(period.ends_on)}"


def _subject(case: SupervisionCase) -> str:
    return f"{case.client.full_name} ({case.register_number})"


def _client_url(case: SupervisionCase, anchor: str = "") -> str:
    url = reverse("client_detail", args=[case.client.public_id])
    return f"{url}#{anchor}" if anchor else url


def local_start(day: dt.date) -> dt.datetime:
    """The first moment of `day` in the office's time zone (check-ins are stored in UTC)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _contact_in(period: Period) -> Exists:
    return Exists(
        CheckIn.objects.filter(
            case=OuterRef("pk"),
            counts=True,
            occurred_at__gte=local_start(period.starts_on),
            occurred_at__lt=local_start(period.ends_on + dt.timedelta(days=1)),
        )
    )


def _office_open_cases(user: User):
    if user.office_id is None or not can_supervise(user):
        return SupervisionCase.objects.none()
    return SupervisionCase.objects.open().filter(office_id=user.office_id)


# --- the worklists ----------------------------------------------------------------------


@dataclass(frozen=True)
class Worklist:
    kind: str
    heading: Promise
    for_officer: bool
    for_supervisor: bool
    rows: Callable[[QuerySet, dt.date], QuerySet]  # (cases in reach, day) -> rows, ordered
    item: Callable[[Any, dt.date], WorkItem]

    def cases_for(self, user: User) -> QuerySet:
        if user.is_officer and self.for_officer:
            return own_open_cases(user)
        if self.for_supervisor and can_supervise(user):
            return _office_open_cases(user)
        return SupervisionCase.objects.none()

    def applies_to(self, user: User) -> bool:
        return (user.is_officer and self.for_officer) or (
            self.for_supervisor and can_supervise(user) and not user.is_officer
        )

    def queryset(self, user: User, day: dt.date) -> QuerySet:
        return self.rows(self.cases_for(user), day)

    def group(self, user: User, day: dt.date) -> list[WorkItemGroup]:
        if not self.applies_to(user):
            return []
        rows = self.queryset(user, day)
        total = rows.count()
        if not total:
            return []
        items = [self.item(row, day) for row in rows[:ITEMS_PER_GROUP]]
        see_all = reverse("reporting_worklist", args=[self.kind])
        return [WorkItemGroup(f"reporting.{self.kind}", str(self.heading), total, items, see_all)]


def _due_rows(cases: QuerySet, day: dt.date) -> QuerySet:
    """Cases under guidance today whose current period — by the compliance engine's own rules
    (`rules_for_cases`: the case's schedule, the SK's condition, the office's default) — has
    no counting contact yet, unless excused today. Four queries for the whole caseload; the
    period's last day rides along as `due_on`."""
    live = cases.filter(guidance_start__lte=day, guidance_end__gte=day)
    current = {
        pk: owed[-1].period
        for pk, parts in rules_for_cases(live).items()
        if (owed := owed_periods(parts, until=day)) and day in owed[-1].period
    }
    earliest = min((period.starts_on for period in current.values()), default=day)
    contacts = CheckIn.objects.filter(
        case_id__in=list(current), counts=True, occurred_at__gte=local_start(earliest)
    ).values_list("case_id", "occurred_at")
    reported = {
        case_id
        for case_id, occurred_at in contacts
        if timezone.localdate(occurred_at) in current[case_id]
    }
    due_on = {pk: period.ends_on for pk, period in current.items() if pk not in reported}
    excused = Excuse.objects.filter(case=OuterRef("pk"), starts_on__lte=day, ends_on__gte=day)
    return (
        cases.filter(pk__in=list(due_on))
        .annotate(
            due_on=Case(
                *(When(pk=pk, then=Value(end)) for pk, end in due_on.items()),
                default=None,
                output_field=DateField(),
            )
        )
        .exclude(Exists(excused))
        .select_related("client")
        .order_by("client__full_name", "pk")
    )


def _due_item(case, day: dt.date) -> WorkItem:
    return WorkItem(
        kind="reporting.due",
        title=_("Has not reported yet this period (until %(day)s)") % {"day": _day(case.due_on)},
        url=_client_url(case, "reporting-title"),
        subject=_subject(case),
        urgency=Urgency.DUE,
        due=case.due_on,
        client_id=case.client.public_id,
    )


def unfollowed_misses(cases: QuerySet) -> QuerySet:
    """The cases' last judged periods that were missed and after which nobody has been in
    contact with the client (any contact, counting or not: a home visit follows a miss up
    even where it does not count). At most one row per case. Three queries: the last
    misses, each case's latest contact (compared here, not per row in SQL), the rows."""
    later = PeriodOutcome.objects.filter(case=OuterRef("case"), starts_on__gt=OuterRef("starts_on"))
    last_misses = {
        case_id: (pk, ends_on)
        for pk, case_id, ends_on in PeriodOutcome.objects.filter(
            case__in=cases, outcome=Outcome.MISSED
        )
        .exclude(Exists(later))
        .values_list("pk", "case_id", "ends_on")
    }
    if not last_misses:
        return PeriodOutcome.objects.none()
    # Only contacts after the earliest of these misses can follow one up: the index on
    # (case, time) then reads a few recent rows per case instead of its whole history.
    since = min(ends_on for _pk, ends_on in last_misses.values()) + dt.timedelta(days=1)
    latest = dict(
        CheckIn.objects.filter(
            case_id__in=list(last_misses),
            occurred_at__gte=timezone.make_aware(dt.datetime.combine(since, dt.time())),
        )
        .values("case_id")
        .annotate(last=Max("occurred_at"))
        .values_list("case_id", "last")
    )
    unfollowed = [
        pk
        for case_id, (pk, ends_on) in last_misses.items()
        if case_id not in latest or timezone.localdate(latest[case_id]) <= ends_on
    ]
    return PeriodOutcome.objects.filter(pk__in=unfollowed)


def _missed_rows(cases: QuerySet, day: dt.date) -> QuerySet:
    return (
        unfollowed_misses(cases)
        .select_related("case__client")
        .order_by("-consecutive_misses", "ends_on", "pk")
    )


def _missed_item(outcome: PeriodOutcome, day: dt.date) -> WorkItem:
    case = outcome.case
    return WorkItem(
        kind="reporting.missed",
        title=_("Missed the report for %(period)s (%(count)d in a row); no contact since")
        % {"period": _period(outcome), "count": outcome.consecutive_misses},
        url=_client_url(case, "reporting-title"),
        subject=_subject(case),
        urgency=Urgency.OVERDUE,
        due=outcome.ends_on,
        client_id=case.client.public_id,
    )


def _open_three_miss(cases: QuerySet) -> QuerySet:
    # The scope's case ids as a list: as a subquery, PostgreSQL merge-joined the few open
    # violations with every case in the country (120 ms a query at national scale).
    return Violation.objects.filter(
        case_id__in=list(cases.values_list("pk", flat=True)),
        kind=ViolationKind.THREE_MISSES,
        status=ViolationStatus.OPEN,
    )


def _flag_rows(cases: QuerySet, day: dt.date) -> QuerySet:
    return _open_three_miss(cases).select_related("case__client").order_by("occurred_on", "pk")


def _flag_item(violation: Violation, day: dt.date) -> WorkItem:
    case = violation.case
    return WorkItem(
        kind="reporting.three_misses",
        title=_("Three reports missed in a row (since %(day)s): decide on the violation")
        % {"day": _day(violation.occurred_on)},
        url=reverse("violation_detail", args=[violation.public_id]),
        subject=_subject(case),
        urgency=Urgency.OVERDUE,
        due=violation.occurred_on,
        client_id=case.client.public_id,
    )


def _unreachable_rows(cases: QuerySet, day: dt.date) -> QuerySet:
    phones = ClientPhone.objects.filter(client=OuterRef("client"))
    reachable_or_unchecked = phones.filter(Q(verified_reachable=True) | Q(verified_on__isnull=True))
    return (
        cases.filter(Exists(phones))
        .exclude(Exists(reachable_or_unchecked))
        .select_related("client")
        .order_by("client__full_name", "pk")
    )


def _unreachable_item(case: SupervisionCase, day: dt.date) -> WorkItem:
    return WorkItem(
        kind="reporting.unreachable",
        title=_("Every phone number is unreachable: ask the guarantor or the RT, or visit"),
        url=_client_url(case, "phones-title"),
        subject=_subject(case),
        urgency=Urgency.FLAGGED,
        client_id=case.client.public_id,
    )


def _review_rows(cases: QuerySet, day: dt.date) -> QuerySet:
    return (
        CheckIn.objects.filter(case__in=cases, review_status=ReviewStatus.PENDING)
        .select_related("case__client")
        .order_by("occurred_at", "pk")
    )


def _review_item(checkin: CheckIn, day: dt.date) -> WorkItem:
    case = checkin.case
    when = timezone.localdate(checkin.occurred_at)
    return WorkItem(
        kind="reporting.review",
        title=_("Check-in of %(day)s to review") % {"day": _day(when)},
        url=reverse("reporting_review_list"),
        subject=_subject(case),
        urgency=Urgency.DUE,
        due=when,
        client_id=case.client.public_id,
    )


WORKLISTS: dict[str, Worklist] = {
    worklist.kind: worklist
    for worklist in (
        Worklist(
            "three_misses",
            gettext_lazy("Three missed reports: decide"),
            True,
            True,
            _flag_rows,
            _flag_item,
        ),
        Worklist(
            "missed",
            gettext_lazy("Missed the last report"),
            True,
            False,
            _missed_rows,
            _missed_item,
        ),
        Worklist(
            "review",
            gettext_lazy("Check-ins to review"),
            True,
            False,
            _review_rows,
            _review_item,
        ),
        Worklist(
            "due",
            gettext_lazy("Not yet reported this period"),
            True,
            False,
            _due_rows,
            _due_item,
        ),
        Worklist(
            "unreachable",
            gettext_lazy("Clients with no working phone"),
            True,
            False,
            _unreachable_rows,
            _unreachable_item,
        ),
    )
}


@work_item_provider
def reporting_worklists(user: User, day: dt.date) -> list[WorkItemGroup]:
    """Every wajib lapor worklist that concerns the user, each a count and a slice."""
    return [group for worklist in WORKLISTS.values() for group in worklist.group(user, day)]
