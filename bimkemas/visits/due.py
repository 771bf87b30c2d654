"""What is due: a home visit (bimkemas.core.due), for a case under guidance today when

(a) it is in tahap akhir and no visit was done since `akhir_from` (seed 004: the final stage
    includes a home visit) — due 30 days into the stage;
(b) it has an open three-miss violation with no visit done on or after the violation's date
    — due that day (seed 004: a direct home visit);
(c) the client cannot be reached by phone (no phone, or every phone checked and found
    unreachable) and no visit was done in the last 90 days — due once the 90 days are up
    (or when the phone was found unreachable, if later; never visited: at once).

A planned visit is work due on its date whatever its reason, and it replaces the rule's date
for the case. Six queries for any number of cases.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bimkemas.clients.models import ClientPhone, SupervisionCase
from bimkemas.core.dates import long_date
from bimkemas.core.due import Due, due_rule, url_maker
from bimkemas.violations.models import Violation, ViolationKind, ViolationStatus
from bimkemas.visits.models import HomeVisit, VisitReason, VisitStatus

FINAL_STAGE_DAYS = 30
UNREACHABLE_DAYS = 90


@dataclass(frozen=True)
class Need:
    """Why a case needs a visit, and by when."""

    reason: str
    due_on: dt.date


def final_stage_need(akhir_from: dt.date, last_done: dt.date | None, day: dt.date) -> Need | None:
    if day < akhir_from or (last_done is not None and last_done >= akhir_from):
        return None
    return Need(VisitReason.FINAL_STAGE, akhir_from + dt.timedelta(days=FINAL_STAGE_DAYS))


def three_miss_need(violation_days: Iterable[dt.date], last_done: dt.date | None) -> Need | None:
    unfollowed = [d for d in violation_days if last_done is None or last_done < d]
    if not unfollowed:
        return None
    return Need(VisitReason.THREE_MISSES, min(unfollowed))


def unreachable_need(
    unreachable_since: dt.date, last_done: dt.date | None, day: dt.date
) -> Need | None:
    if last_done is not None and last_done > day - dt.timedelta(days=UNREACHABLE_DAYS):
        return None
    due_on = unreachable_since
    if last_done is not None:
        due_on = max(due_on, last_done + dt.timedelta(days=UNREACHABLE_DAYS))
    return Need(VisitReason.UNREACHABLE, min(due_on, day))


def _last_done(case_ids) -> dict[int, dt.date]:
    rows = (
        HomeVisit.objects.filter(case_id__in=case_ids, status=VisitStatus.DONE)
        .values("case_id")
        .annotate(last=Max("visited_at"))
        .values_list("case_id", "last")
    )
    return {case_id: timezone.localdate(last) for case_id, last in rows}


def _open_three_misses(case_ids) -> dict[int, list[dt.date]]:
    days: dict[int, list[dt.date]] = defaultdict(list)
    for case_id, occurred_on in Violation.objects.filter(
        case_id__in=case_ids, kind=ViolationKind.THREE_MISSES, status=ViolationStatus.OPEN
    ).values_list("case_id", "occurred_on"):
        days[case_id].append(occurred_on)
    return days


NO_PHONE = dt.date.min  # stands for "since the guidance started" until that date is read


def unreachable_since(client_ids: Iterable[int], scope=None) -> dict[int, dt.date]:
    """Clients that cannot be reached by phone, with the day since when: those without a
    phone (NO_PHONE: since their guidance started) and those whose every phone was checked
    and found unreachable (since the last check)."""
    wanted = list(client_ids)
    phones = (
        ClientPhone.objects.filter(client_id__in=wanted if scope is None else scope)
        .values("client_id")
        .annotate(
            working=Count("pk", filter=Q(verified_reachable=True) | Q(verified_on__isnull=True)),
            checked=Max("verified_on"),
        )
        .values_list("client_id", "working", "checked")
    )
    with_phones = {client_id: (working, checked) for client_id, working, checked in phones}
    found = {}
    for client_id in wanted:
        if client_id not in with_phones:
            found[client_id] = NO_PHONE
        elif with_phones[client_id][0] == 0:
            found[client_id] = with_phones[client_id][1]
    return found


def _detail(need: Need) -> str:
    label = str(VisitReason(need.reason).label)
    if need.reason == VisitReason.THREE_MISSES:
        return _("%(reason)s (since %(day)s)") % {
            "reason": label,
            "day": long_date(need.due_on),
        }
    return label


@due_rule("visits.home_visit", label=gettext_lazy("Home visit"), order=60)
def home_visit_due(cases, day: dt.date) -> list[Due]:
    """1. The cases under guidance today, with the last done visit, open three-miss
       violations, phones and planned visits of each (five queries).
    2. Each case's needs; the earliest is its due date, unless a visit is planned.
    3. The public ids (for the links) and guidance starts of the cases that owe one."""
    live = cases.filter(guidance_start__lte=day, guidance_end__gte=day)
    rows = list(live.values_list("pk", "client_id", "akhir_from"))
    if not rows:
        return []
    # The scope as subqueries: thousands of ids as parameters cost more to prepare than
    # the queries take to run.
    case_ids = live.values("pk")
    last_done = _last_done(case_ids)
    violations = _open_three_misses(case_ids)
    unreachable = unreachable_since((row[1] for row in rows), live.values("client_id"))
    planned = {
        case_id: (planned_on, public_id, reason)
        for case_id, planned_on, public_id, reason in HomeVisit.objects.planned()
        .filter(case_id__in=case_ids, planned_on__isnull=False)
        .order_by("-planned_on")
        .values_list("case_id", "planned_on", "public_id", "reason")
    }
    owing: dict[int, list[Need]] = {}
    for pk, client_id, akhir_from in rows:
        last = last_done.get(pk)
        needs = [
            need
            for need in (
                three_miss_need(violations.get(pk, ()), last),
                unreachable_need(unreachable[client_id], last, day)
                if client_id in unreachable
                else None,
                final_stage_need(akhir_from, last, day),
            )
            if need is not None
        ]
        if needs and pk not in planned:
            owing[pk] = needs
    dues = [_planned_due(pk, *visit, day) for pk, visit in planned.items()]
    details = SupervisionCase.objects.filter(pk__in=list(owing)).values_list(
        "pk", "public_id", "guidance_start"
    )
    plan_url = url_maker("visits_plan")
    for pk, public_id, start in details:
        needs = [Need(n.reason, start) if n.due_on == NO_PHONE else n for n in owing[pk]]
        need = min(needs, key=lambda n: n.due_on)
        url = plan_url(public_id)
        dues.append(
            Due(
                case_id=pk,
                due_on=need.due_on,
                detail=_detail(need),
                url=f"{url}?reason={need.reason}",
            )
        )
    return dues


def _planned_due(
    case_id: int, planned_on: dt.date | None, visit_id, reason: str, day: dt.date
) -> Due:
    label = str(VisitReason(reason).label)
    return Due(
        case_id=case_id,
        due_on=planned_on or day,
        detail=_("Home visit planned (%(reason)s)") % {"reason": label},
        url=reverse("visits_record", args=[visit_id]),
    )
