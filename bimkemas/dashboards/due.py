"""What is due: every case in the user's charge with the guidance work it owes (litmas, plan,
evaluation, reassessment, TPP decision, home visit, completion), the most urgent first.

The rules belong to the capability apps (their `due.py`, see bimkemas.core.due); this page
only lists them, filtered by kind, by officer (supervisors) and to what is overdue."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bimkemas.accounts.models import User
from bimkemas.audit.services import audit_clients_listed
from bimkemas.clients.access import can_supervise, get_officer_for_user, require
from bimkemas.clients.dues import due_rows
from bimkemas.core.dates import today
from bimkemas.core.due import due_kinds

PAGE_SIZE = 50


@login_required
def due_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    supervisor = can_supervise(user) and not user.is_officer
    require(user.is_officer or supervisor)
    day = today()
    kinds = {kind.code: kind for kind in due_kinds()}
    kind = request.GET.get("kind", "")
    kind = kind if kind in kinds else ""
    officer = None
    if supervisor and request.GET.get("officer"):
        officer = get_officer_for_user(user, request.GET["officer"])
    overdue_only = request.GET.get("overdue") == "on"
    rows = due_rows(user, day, kind=kind, officer=officer, overdue_only=overdue_only)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    audit_clients_listed(
        actor=user,
        clients=[row.case.client for row in page],
        where="what is due",
        query=request.GET.urlencode(),
    )
    context = {
        "day": day,
        "page": page,
        "entries": [(row, row.case.stage_on(day)) for row in page],
        "total": len(rows),
        "kinds": kinds,
        "kind": kind,
        "officer": officer,
        "officers": (
            User.objects.officers().filter(office_id=user.office_id).order_by("first_name")
            if supervisor
            else []
        ),
        "overdue_only": overdue_only,
        "supervisor": supervisor,
        "filters": _without_page(request),
    }
    return render(request, "dashboards/due_list.html", context)


def _without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
