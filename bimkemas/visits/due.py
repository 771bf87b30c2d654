"""What is due: a home visit (bimkemas.core.due), for a case under guidance today when

(a) it is in tahap akhir and no visit was done since `akhir_from` (seed 004: the final stage
    includes a home visit) — due 30 days into the stage;
(b) it has an open three-miss violation with no visit done on or after the violation's date
    — due that day (seed 004: a direct home visit);
(c) the client cannot be reached by phone (no phone, or every phone checked and found
    unreachable) and no visit was done in the last 90 days — due once the 90 days are up
    (or when the phone was found unreachable, if later; never visited: at once).

A planned visit is work due on its date whatever its reason, and it replaces the rule's date
for the case. Five queries for any number of cases.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bimkemas.clients.models import ClientPhone
from bimkemas.core.due import Due, due_rule
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


def _last_done(case_ids: list[int]) -> dict[int, dt.date]:
    rows = (
        HomeVisit.objects.filter(case_id__in=case_ids, status=VisitStatus.DONE)
        .values("case_id")
        .annotate(last=Max("visited_at"))
        .values_list("case_id", "last")
    )
    return {case_id: timezone.localdate(last) for case_id, last in rows}


def _open_three_misses(case_ids: list[int]) -> dict[int, list[dt.date]]:
    days: dict[int, list[dt.date]] = defaultdict(list)
    for case_id, occurred_on in Violation.objects.filter(
        case_id__in=case_ids, kind=ViolationKind.THREE_MISSES, status=ViolationStatus.OPEN
    ).values_list("case_id", "occurred_on"):
        days[case_id].append(occurred_on)
    return days


def unreachable_since(client_ids: dict[int, dt.date]) -> dict[int, dt.date]:
    """Clients that cannot be reached by phone, with the day since when: those without a
    phone (since `client_ids[client]`, their guidance start) and those whose every phone was
    checked and found unreachable (since the last check)."""
    phones = (
        ClientPhone.objects.filter(client_id__in=list(client_ids))
        .values("client_id")
        .annotate(
            working=Count("pk", filter=Q(verified_reachable=True) | Q(verified_on__isnull=True)),
            checked=Max("verified_on"),
        )
        .values_list("client_id", "working", "checked")
    )
    with_phones = {client_id: (working, checked) for client_id, working, checked in phones}
    found = {}
    for client_id, start in client_ids.items():
        if client_id not in with_phones:
            found[client_id] = start
        elif with_phones[client_id][0] == 0:
            found[client_id] = with_phones[client_id][1]
    return found


def _detail(need: Need) -> str:
    label = str(VisitReason(need.reason).label)
    if need.reason == VisitReason.THREE_MISSES:
        return _("%(reason)s (since %(day)s)") % {
            "reason": label,
            "day": date_format(need.due_on, "j F Y"),
        }
    return label


@due_rule("visits.home_visit", label=gettext_lazy("Home visit"), order=60)
def home_visit_due(cases, day: dt.date) -> list[Due]:
    rows = list(
        cases.filter(guidance_start__lte=day, guidance_end__gte=day).values_list(
            "pk", "public_id", "client_id", "akhir_from", "guidance_start"
        )
    )
    if not rows:
        return []
    case_ids = [row[0] for row in rows]
    last_done = _last_done(case_ids)
    violations = _open_three_misses(case_ids)
    unreachable = unreachable_since({row[2]: row[4] for row in rows})
    planned = {
        case_id: (planned_on, public_id, reason)
        for case_id, planned_on, public_id, reason in HomeVisit.objects.planned()
        .filter(case_id__in=case_ids, planned_on__isnull=False)
        .order_by("-planned_on")
        .values_list("case_id", "planned_on", "public_id", "reason")
    }
    dues = []
    for pk, public_id, client_id, akhir_from, _start in rows:
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
        if pk in planned:
            planned_on, visit_id, reason = planned[pk]
            label = str(VisitReason(reason).label)
            dues.append(
                Due(
                    case_id=pk,
                    due_on=planned_on or day,
                    detail=_("Home visit planned (%(reason)s)") % {"reason": label},
                    url=reverse("visits_record", args=[visit_id]),
                )
            )
        elif needs:
            need = min(needs, key=lambda n: n.due_on)
            url = reverse("visits_plan", args=[public_id])
            dues.append(
                Due(
                    case_id=pk,
                    due_on=need.due_on,
                    detail=_detail(need),
                    url=f"{url}?reason={need.reason}",
                )
            )
    return dues
