"""The supervisor's pages: evaluations waiting for approval, and coverage per officer (the
share of clients with a current plan and a current evaluation) with what is overdue."""

from collections import Counter

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from bimkemas.audit.services import audit_clients_listed
from bimkemas.clients.access import can_supervise, require
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.dates import today
from bimkemas.guidance.coverage import coverage_per_officer
from bimkemas.guidance.due import overdue_per_officer
from bimkemas.guidance.views.common import user_of
from bimkemas.guidance.work_items import awaiting_approval

SORTS = {"name", "plan", "evaluation", "clients"}


@login_required
@require_GET
def approvals(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require(can_supervise(user))
    waiting = list(awaiting_approval(user))
    audit_clients_listed(
        actor=user, clients=[e.case.client for e in waiting], where="evaluations to approve"
    )
    return render(request, "guidance/approvals.html", {"evaluations": waiting})


def _sorted(rows: list, sort: str) -> list:
    keys = {
        "name": lambda r: str(r.officer),
        "clients": lambda r: -r.clients,
        "plan": lambda r: (r.plan_share is None, r.plan_share or 0),
        "evaluation": lambda r: (r.evaluation_share is None, r.evaluation_share or 0),
    }
    return sorted(rows, key=keys[sort])


@login_required
@require_GET
def coverage(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require(can_supervise(user) and user.office_id is not None)
    assert user.office_id is not None
    day = today()
    figures = coverage_per_officer(user.office_id, day)
    sort = request.GET.get("sort", "plan")
    sort = sort if sort in SORTS else "plan"
    cases = SupervisionCase.objects.filter(office_id=user.office_id)
    overdue = overdue_per_officer(cases, day)
    rows = [
        (row, sorted(overdue.get(row.officer.pk, Counter()).items()))
        for row in _sorted(figures.officers, sort)
    ]
    context = {
        "figures": figures,
        "rows": rows,
        "sort": sort,
        "day": day,
        "overdue_total": sum(sum(c.values()) for c in overdue.values()),
    }
    return render(request, "guidance/coverage.html", context)
