"""The officer's visit pages: my visits, the day plan with its route, planning, a visit's
record, cancelling, and a visit's photos behind the access check."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bimkemas.accounts.models import User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_client_view, audit_clients_listed, audit_record
from bimkemas.clients.access import get_case_for_editing, require
from bimkemas.clients.dues import cases_in_charge
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.dates import today
from bimkemas.core.due import dues_for
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import add_application_errors
from bimkemas.visits.access import get_visit_for_user
from bimkemas.visits.forms import CancelForm, PlanForm
from bimkemas.visits.models import HomeVisit
from bimkemas.visits.routes import SPEED_KMH
from bimkemas.visits.selectors import day_route, planned_visits
from bimkemas.visits.services import visit_cancel, visit_plan

UPCOMING_DAYS = 14
DUE_SHOWN = 50


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    require(user.office_id is not None and not user.is_national_viewer)
    return user


def _due_to_plan(user: User, day: dt.date) -> list[dict]:
    """Cases in the user's charge that owe a visit and have none planned, most urgent first."""
    cases = cases_in_charge(user)
    planned = set(
        HomeVisit.objects.planned().filter(case__in=cases).values_list("case_id", flat=True)
    )
    dues = [
        due
        for case_id, per_case in dues_for(cases, day, ["visits.home_visit"]).items()
        if case_id not in planned
        for due in per_case
    ]
    dues.sort(key=lambda due: (due.due_on, due.case_id))
    dues = dues[:DUE_SHOWN]
    loaded = SupervisionCase.objects.select_related("client").in_bulk([d.case_id for d in dues])
    return [{"due": due, "case": loaded[due.case_id]} for due in dues if due.case_id in loaded]


@login_required
def my_visits(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    day = today()
    upcoming = list(
        planned_visits(user, day - dt.timedelta(days=30), day + dt.timedelta(days=UPCOMING_DAYS))
    )
    dated = [(v.planned_on or day, v) for v in upcoming]
    overdue = [v for on, v in dated if on < day]
    todays = [v for on, v in dated if on == day]
    later = [v for on, v in dated if on > day]
    to_plan = _due_to_plan(user, day)
    shown = [v.case.client for v in upcoming] + [row["case"].client for row in to_plan]
    if shown:
        audit_clients_listed(actor=user, clients=shown, where=_("My visits"))
    days = sorted({on for on, _v in dated if on > day})
    context = {
        "day": day,
        "overdue": overdue,
        "todays": todays,
        "later": later,
        "later_days": days,
        "to_plan": to_plan,
    }
    return render(request, "visits/my_visits.html", context)


def _parse_day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise Http404 from error


@login_required
def day_plan(request: HttpRequest, day: str) -> HttpResponse:
    user = _user(request)
    the_day = _parse_day(day)
    route = day_route(user, the_day)
    clients = [stop.item.case.client for stop in route.stops] + [
        v.case.client for v in route.unlocated
    ]
    if clients:
        audit_clients_listed(actor=user, clients=clients, where=_("Day plan of visits"))
    office = user.office
    context = {
        "day": the_day,
        "route": route,
        "speed": SPEED_KMH,
        "office": office,
        "office_located": office is not None and office.latitude is not None,
        "sketch": _sketch(office, route),
        "previous": the_day - dt.timedelta(days=1),
        "next": the_day + dt.timedelta(days=1),
    }
    return render(request, "visits/day.html", context)


SKETCH = 300  # px: the inline SVG's square


def _sketch(office, route) -> dict | None:
    """Relative positions of the office and the stops, scaled into a square (no map)."""
    points = [(float(s.point[0]), float(s.point[1])) for s in route.stops]
    if not points:
        return None
    depot = None
    if office is not None and office.latitude is not None and office.longitude is not None:
        depot = (float(office.latitude), float(office.longitude))
    every = points + ([depot] if depot else [])
    lats, lons = [p[0] for p in every], [p[1] for p in every]
    span = max(max(lats) - min(lats), max(lons) - min(lons)) or 1e-6
    margin = 20

    def xy(point):
        x = margin + (point[1] - min(lons)) / span * (SKETCH - 2 * margin)
        y = margin + (max(lats) - point[0]) / span * (SKETCH - 2 * margin)
        return round(x, 1), round(y, 1)

    stops = [{"n": i + 1, "xy": xy(p)} for i, p in enumerate(points)]
    line = ([xy(depot)] if depot else []) + [s["xy"] for s in stops]
    return {
        "size": SKETCH,
        "depot": xy(depot) if depot else None,
        "stops": stops,
        "path": " ".join(f"{x},{y}" for x, y in line),
    }


@login_required
@require_http_methods(["GET", "POST"])
def plan(request: HttpRequest, case_id) -> HttpResponse:
    user = _user(request)
    case = get_case_for_editing(user, case_id)
    client = case.client
    reason = request.GET.get("reason", "routine")
    form = PlanForm(request.POST or None, initial={"planned_on": today(), "reason": reason})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                visit_plan(actor=user, case=case, **form.cleaned_data)
            except ApplicationError as error:
                add_application_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Visit to %(name)s planned for %(day)s.")
                    % {
                        "name": client.full_name,
                        "day": form.cleaned_data["planned_on"].strftime("%d/%m/%Y"),
                    },
                )
                return redirect("visits_home")
        status = 400
    audit_client_view(actor=user, client=client, what=_("Plan a home visit"))
    context = {"case": case, "client": client, "form": form}
    return render(request, "visits/plan.html", context, status=status)


@login_required
def detail(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    visit = get_visit_for_user(user, public_id)
    audit_client_view(actor=user, client=visit.case.client, what=_("Home visit"))
    from bimkemas.visits.access import can_write_visits

    context = {
        "visit": visit,
        "case": visit.case,
        "client": visit.case.client,
        "photos": list(visit.photos.all()),
        "can_write": can_write_visits(user, visit.case),
        "cancel_form": CancelForm(),
    }
    return render(request, "visits/detail.html", context)


@login_required
@require_POST
def cancel(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    visit = get_visit_for_user(user, public_id, write=True)
    form = CancelForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        visit_cancel(actor=user, visit=visit, reason=reason)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The visit is cancelled."))
    return redirect("visits_detail", public_id=visit.public_id)


@login_required
def photo(request: HttpRequest, public_id, number: int) -> FileResponse:
    user = _user(request)
    visit: HomeVisit = get_visit_for_user(user, public_id)
    photos = list(visit.photos.all())
    if not 1 <= number <= len(photos):
        raise Http404
    chosen = photos[number - 1]
    try:
        stream = chosen.file.open("rb")
    except OSError as error:
        raise Http404 from error
    audit_record(
        actor=user,
        action=AuditAction.DOWNLOAD,
        obj=visit,
        client=visit.case.client,
        summary=_("Home visit photo %(number)d") % {"number": number},
    )
    response = FileResponse(stream, content_type=chosen.content_type)
    response["Cache-Control"] = "private, no-store"
    return response
