import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bimkemas.accounts.models import Office, User
from bimkemas.clients.access import can_intake, can_supervise, own_open_cases, require
from bimkemas.clients.caseload import (
    national_overview as national_overview_of,
)
from bimkemas.clients.caseload import (
    office_overview as overview_of,
)
from bimkemas.clients.caseload import (
    officer_rows,
    officers_with_load,
    open_cases,
    stage_counts,
)
from bimkemas.clients.models import SupervisionCase
from bimkemas.clients.stages import GUIDANCE_STAGES, Stage
from bimkemas.clients.work_items import audit_work_items_shown
from bimkemas.core.dates import today
from bimkemas.core.workitems import WorkItemGroup, work_items_for

DASHBOARD_LIST_SIZE = 15


def stage_rows(counts: dict[str, int]) -> list[tuple[Stage, int]]:
    """The three guidance stages always, the other stages only when some case is in them."""
    return [
        (stage, counts.get(stage.value, 0))
        for stage in Stage
        if stage in GUIDANCE_STAGES or counts.get(stage.value)
    ]


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if user.is_national_viewer:
        return redirect("national_overview")
    if user.office is None:
        return render(request, "dashboards/dashboard_empty.html")
    day = today()
    if user.is_officer:
        return _officer_dashboard(request, user, user.office, day)
    if can_supervise(user):
        return _supervisor_dashboard(request, user, user.office, day)
    if can_intake(user):
        return _registrar_dashboard(request, user, user.office)
    return render(request, "dashboards/dashboard_empty.html")


def _officer_dashboard(request: HttpRequest, user: User, office: Office, day: dt.date):
    cases = own_open_cases(user)
    my_cases = list(
        cases.select_related("client", "programme", "office").order_by("guidance_end", "pk")[
            :DASHBOARD_LIST_SIZE
        ]
    )
    work_items = work_items_for(user, day)
    _audit_home_page(user, work_items, [case.client for case in my_cases])
    context = {
        "day": day,
        "office": office,
        "total": cases.count(),
        "stages": stage_rows(stage_counts(cases, day)),
        "my_cases": [(case, case.stage_on(day)) for case in my_cases],
        "work_items": work_items,
    }
    return render(request, "dashboards/dashboard_officer.html", context)


def _supervisor_dashboard(request: HttpRequest, user: User, office: Office, day: dt.date):
    cases = open_cases(office.pk)
    work_items = work_items_for(user, day)
    _audit_home_page(user, work_items, [])
    context = {
        "day": day,
        "office": office,
        "total": cases.count(),
        "unassigned_count": cases.filter(officer__isnull=True).count(),
        "active_officers": User.objects.officers().working_for(office.pk, day).count(),
        "stages": stage_rows(stage_counts(cases, day)),
        "work_items": work_items,
    }
    return render(request, "dashboards/dashboard_supervisor.html", context)


def _registrar_dashboard(request: HttpRequest, user: User, office: Office):
    recent = list(
        SupervisionCase.objects.filter(registered_by=user, office=office)
        .select_related("client", "programme", "officer")
        .order_by("-created_at", "-pk")[:DASHBOARD_LIST_SIZE]
    )
    _audit_home_page(user, [], [case.client for case in recent])
    context = {
        "office": office,
        "recent": recent,
        "unassigned_count": open_cases(office.pk).filter(officer__isnull=True).count(),
    }
    return render(request, "dashboards/dashboard_registrar.html", context)


def _audit_home_page(user: User, work_items: list[WorkItemGroup], clients: list) -> None:
    """The home page names clients: each one shown is a read in that client's access log."""
    audit_work_items_shown(actor=user, groups=work_items, where=_("Home page"), also_shown=clients)


@login_required
def office_overview(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    require(can_supervise(user) and user.office is not None)
    office = user.office
    assert office is not None
    day = today()
    overview = overview_of(office, day=day)
    officers = officers_with_load(office.pk, day=day).select_related("office")
    context = {
        "overview": overview,
        "stages": stage_rows(overview.by_stage),
        "officers": officer_rows(
            office.pk, officers.order_by("first_name", "last_name", "pk"), day=day
        ),
    }
    return render(request, "dashboards/office_overview.html", context)


@login_required
def national_overview(request: HttpRequest) -> HttpResponse:
    """Aggregate figures per office, no personal data."""
    user = request.user
    assert isinstance(user, User)
    require(user.is_national_viewer)
    day = today()
    rows, totals = national_overview_of(day=day)
    context = {"rows": rows, "totals": totals, "day": day}
    return render(request, "dashboards/national_overview.html", context)
