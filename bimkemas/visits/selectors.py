"""Reads of home visits shared by several interfaces and by apps above visits (guidance's
evaluation pre-fill reads `visits_between`)."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Max, QuerySet
from django.utils import timezone

from bimkemas.accounts.models import User
from bimkemas.visits.models import HomeVisit, VisitStatus


def _local_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def visits_between(
    case_ids: Iterable[int], start: dt.date, end: dt.date
) -> dict[int, list[HomeVisit]]:
    """Done visits of the cases made from `start` to `end` (both included, local dates),
    per case id, oldest first. One query."""
    per_case: dict[int, list[HomeVisit]] = defaultdict(list)
    visits = (
        HomeVisit.objects.filter(
            case_id__in=list(case_ids),
            status=VisitStatus.DONE,
            visited_at__gte=_local_start(start),
            visited_at__lt=_local_start(end + dt.timedelta(days=1)),
        )
        .select_related("officer")
        .order_by("visited_at", "pk")
    )
    for visit in visits:
        per_case[visit.case_id].append(visit)
    return dict(per_case)


def last_done_visit(case_ids: Iterable[int]) -> dict[int, HomeVisit]:
    """The latest done visit of each case that has one. Two queries."""
    ids = list(case_ids)
    latest = (
        HomeVisit.objects.filter(case_id__in=ids, status=VisitStatus.DONE)
        .values("case_id")
        .annotate(last=Max("visited_at"))
        .values_list("case_id", "last")
    )
    wanted = dict(latest)
    found: dict[int, HomeVisit] = {}
    rows = HomeVisit.objects.filter(
        case_id__in=list(wanted), status=VisitStatus.DONE, visited_at__in=set(wanted.values())
    ).select_related("officer")
    for visit in rows.order_by("visited_at", "pk"):
        if visit.visited_at == wanted.get(visit.case_id):
            found[visit.case_id] = visit
    return found


def planned_visits(officer: User, start: dt.date, end: dt.date) -> QuerySet[HomeVisit]:
    """An officer's planned visits from `start` to `end`, on open cases, soonest first."""
    return (
        HomeVisit.objects.planned()
        .filter(
            officer=officer,
            planned_on__gte=start,
            planned_on__lte=end,
            case__status__in=["received", "registered", "active"],
        )
        .select_related("case__client", "case__client__work_area", "case__office")
        .order_by("planned_on", "case__client__full_name", "pk")
    )


def officer_visits(officer: User, start: dt.date, end: dt.date) -> QuerySet[HomeVisit]:
    """An officer's visits planned or made from `start` to `end` (any status)."""
    planned = HomeVisit.objects.filter(officer=officer, planned_on__gte=start, planned_on__lte=end)
    made = HomeVisit.objects.filter(
        officer=officer,
        visited_at__gte=_local_start(start),
        visited_at__lt=_local_start(end + dt.timedelta(days=1)),
    )
    return (
        (planned | made)
        .select_related("case__client")
        .order_by("planned_on", "visited_at", "pk")
        .distinct()
    )


def day_route(officer: User, day: dt.date):
    """The officer's planned visits of `day` ordered into a route from their office."""
    from bimkemas.visits.routes import cached_solve, plan_route

    visits = list(planned_visits(officer, day, day))
    office = officer.office
    depot = None
    if office is not None and office.latitude is not None and office.longitude is not None:
        depot = (office.latitude, office.longitude)
    items = []
    for visit in visits:
        client = visit.case.client
        point = None
        if client.home_latitude is not None and client.home_longitude is not None:
            point = (client.home_latitude, client.home_longitude)
        items.append((visit, point))
    return plan_route(depot, items, solver=cached_solve)
