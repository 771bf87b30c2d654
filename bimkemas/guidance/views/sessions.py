"""Guidance activities: an individual activity from the client page, a group session for
many clients of the officer's caseload (a supervisor: of the office) at once, a session's
page and its photos."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from bimkemas.accounts.models import User
from bimkemas.audit.services import audit_client_view, audit_clients_listed
from bimkemas.clients.access import can_supervise, get_case_for_user, require, visible_clients
from bimkemas.clients.dues import cases_in_charge
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import add_application_errors
from bimkemas.guidance.access import get_session_for_user
from bimkemas.guidance.forms import ActivityForm, SessionForm
from bimkemas.guidance.models import AttendanceStatus, SessionKind
from bimkemas.guidance.selectors import current_plan
from bimkemas.guidance.services.sessions import AttendanceInput, session_record
from bimkemas.guidance.stages import current_span
from bimkemas.guidance.views.common import panel_url, user_of

GROUP_LIST_LIMIT = 100


def _fields(form) -> dict:
    data = form.cleaned_data
    return {
        name: data[name]
        for name in ("held_on", "title", "method", "area", "place", "partner", "notes", "photos")
    }


@login_required
@require_http_methods(["GET", "POST"])
def activity_log(request: HttpRequest, public_id) -> HttpResponse:
    """One client's activity (an individual session), linked to an item of their plan."""
    user = user_of(request)
    case = get_case_for_user(user, public_id, write=True)
    require(case.is_open)
    span = current_span(case, today())
    plan = current_plan(case.pk, span.stage) if span else None
    items = list(plan.items.all()) if plan else []
    status = 200
    if request.method == "POST":
        form = ActivityForm(request.POST, request.FILES, plan_items=items)
        if form.is_valid():
            data = form.cleaned_data
            item = next((i for i in items if str(i.public_id) == data["plan_item"]), None)
            try:
                session_record(
                    actor=user,
                    kind=SessionKind.INDIVIDUAL,
                    attendances=[
                        AttendanceInput(case, data["status"], item, data["attendance_note"])
                    ],
                    **_fields(form),
                )
            except ApplicationError as error:
                add_application_errors(form, error)
            else:
                messages.success(request, _("The activity was recorded."))
                return redirect(panel_url(case))
        status = 400
    else:
        form = ActivityForm(plan_items=items)
    context = {"case": case, "client": case.client, "form": form}
    return render(request, "guidance/activity_form.html", context, status=status)


def _group_cases(user: User, request: HttpRequest):
    cases = cases_in_charge(user).select_related("client").order_by("client__full_name")
    query = request.GET.get("q", "").strip()[:100]
    if query:
        cases = cases.filter(
            Q(client__full_name__icontains=query) | Q(register_number__icontains=query)
        )
    elif can_supervise(user) and not user.is_officer:
        officer = request.GET.get("officer", "")
        cases = cases.filter(officer__public_id=officer) if officer else cases.none()
    return list(cases[:GROUP_LIST_LIMIT]), query


@login_required
@require_http_methods(["GET", "POST"])
def group_session(request: HttpRequest) -> HttpResponse:
    """Many clients at once: each listed client is marked attended, absent, excused or left
    out of the session."""
    user = user_of(request)
    require(user.is_officer or can_supervise(user))
    cases, query = _group_cases(user, request)
    status = 200
    chosen = {}
    if request.method == "POST":
        form = SessionForm(request.POST, request.FILES)
        chosen = {
            case.public_id: request.POST.get(f"attendance-{case.public_id}", "") for case in cases
        }
        rows = [
            AttendanceInput(case, chosen[case.public_id])
            for case in cases
            if chosen[case.public_id] in AttendanceStatus.values
        ]
        if form.is_valid():
            try:
                session = session_record(
                    actor=user, kind=SessionKind.GROUP, attendances=rows, **_fields(form)
                )
            except ApplicationError as error:
                add_application_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The group session was recorded for %(count)d clients.")
                    % {"count": len(rows)},
                )
                return redirect("guidance_session", session.public_id)
        status = 400
    else:
        form = SessionForm(initial={"method": "groupwork"})
    audit_clients_listed(
        actor=user, clients=[c.client for c in cases], where="group session", query=query
    )
    officers = []
    if can_supervise(user) and not user.is_officer:
        officers = list(User.objects.officers().filter(office_id=user.office_id))
    context = {
        "form": form,
        "rows": [(case, chosen.get(case.public_id, "")) for case in cases],
        "statuses": AttendanceStatus.choices,
        "query": query,
        "officers": officers,
        "officer": request.GET.get("officer", ""),
        "limit": GROUP_LIST_LIMIT,
    }
    return render(request, "guidance/group_session.html", context, status=status)


@login_required
@require_GET
def session_detail(request: HttpRequest, public_id) -> HttpResponse:
    user = user_of(request)
    session = get_session_for_user(user, public_id)
    attendances = list(
        session.attendances.filter(case__client__in=visible_clients(user))
        .select_related("case__client", "plan_item")
        .order_by("case__client__full_name")
    )
    for row in attendances:
        audit_client_view(actor=user, client=row.case.client, what=_("Guidance session"))
    context = {
        "session": session,
        "attendances": attendances,
        "photos": list(session.photos.all()),
    }
    return render(request, "guidance/session.html", context)


@login_required
@require_GET
def session_photo(request: HttpRequest, public_id, number: int) -> FileResponse:
    user = user_of(request)
    session = get_session_for_user(user, public_id)
    photos = list(session.photos.all())
    if not 1 <= number <= len(photos):
        raise Http404
    photo = photos[number - 1]
    try:
        stream = photo.file.open("rb")
    except OSError as error:
        raise Http404 from error
    response = FileResponse(stream, content_type=photo.content_type)
    response["Cache-Control"] = "private, no-store"
    return response
