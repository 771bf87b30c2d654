"""The TPP pages of an office: the list of sessions, scheduling, a session with its agenda,
attendance, decisions, closing and minutes."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bimkemas.audit.services import audit_clients_listed
from bimkemas.clients.access import require
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import add_application_errors
from bimkemas.documents.models import DocumentFormat
from bimkemas.documents.views import document_response
from bimkemas.tpp import services
from bimkemas.tpp.access import (
    can_manage_session,
    can_schedule,
    get_item_for_user,
    get_member_for_user,
    get_session_for_user,
    proposable_cases,
)
from bimkemas.tpp.forms import AgendaForm, DecideForm, MemberForm, ScheduleForm
from bimkemas.tpp.minutes import minutes_generate, minutes_versions
from bimkemas.tpp.models import AgendaItem, Decision, SessionStatus, TppSession
from bimkemas.tpp.selectors import items_in_reach, sessions_for
from bimkemas.tpp.views.common import is_htmx, user_of

PAST_SHOWN = 50
SEARCH_SHOWN = 10


@login_required
@require_GET
def session_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require(user.office_id is not None and bool(user.role))
    sessions = (
        sessions_for(user)
        .select_related("chair")
        .annotate(item_count=Count("items"), undecided=Count("items", filter=Q(items__decision="")))
    )
    upcoming = sessions.exclude(status=SessionStatus.CLOSED).filter(held_on__gte=today())
    past = sessions.exclude(pk__in=upcoming.values("pk"))
    context = {
        "upcoming": upcoming.order_by("held_on", "seq"),
        "past": past[:PAST_SHOWN],
        "can_schedule": can_schedule(user),
    }
    return render(request, "tpp/session_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def session_schedule(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require(can_schedule(user))
    form = ScheduleForm(request.POST or None, office_id=user.office_id)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_schedule(actor=user, **form.cleaned_data)
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            messages.success(
                request, _("Session %(number)s scheduled.") % {"number": session.number}
            )
            return redirect("tpp_session_detail", session.public_id)
    status = 400 if form.is_bound else 200
    return render(request, "tpp/session_schedule.html", {"form": form}, status=status)


def _search(request: HttpRequest, session: TppSession) -> tuple[str, list]:
    query = request.GET.get("q", "").strip()[:100]
    if not query or not can_manage_session(user_of(request), session):
        return query, []
    cases = (
        proposable_cases(user_of(request))
        .filter(Q(register_number__icontains=query) | Q(client__full_name__icontains=query))
        .select_related("client", "officer")
        .order_by("client__full_name")[:SEARCH_SHOWN]
    )
    found = list(cases)
    audit_clients_listed(
        actor=user_of(request),
        clients=[case.client for case in found],
        where=_("TPP agenda search"),
        query=query,
    )
    return query, found


def _item_context(request: HttpRequest, item: AgendaItem, form: DecideForm | None = None) -> dict:
    session = item.session
    editable = (
        can_manage_session(user_of(request), session)
        and not session.is_closed
        and item.decision != Decision.APPROVED
        and session.held_on <= today()
    )
    return {
        "item": item,
        "session": session,
        "can_decide": editable,
        "decide_form": form or DecideForm(initial={"decision": item.decision or None}),
    }


def session_page(
    request: HttpRequest,
    session: TppSession,
    *,
    agenda_form: AgendaForm | None = None,
    member_form: MemberForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = user_of(request)
    every = list(
        session.items.select_related("case__client", "presented_by", "decided_by").order_by("id")
    )
    items = items_in_reach(user, every)
    audit_clients_listed(
        actor=user, clients=[item.case.client for item in items], where=_("TPP session")
    )
    query, found = _search(request, session)
    manage = can_manage_session(user, session)
    context: dict[str, Any] = {
        "session": session,
        "rows": [_item_context(request, item) for item in items],
        "hidden": len(every) - len(items),
        "members": session.members.select_related("user"),
        "can_manage": manage and not session.is_closed,
        "can_close": manage and not session.is_closed and session.held_on <= today(),
        "query": query,
        "found": found,
        "agenda_form": agenda_form or AgendaForm(),
        "member_form": member_form or MemberForm(session=session),
        "versions": minutes_versions(session),
    }
    return render(request, "tpp/session_detail.html", context, status=status)


@login_required
@require_GET
def session_detail(request: HttpRequest, public_id) -> HttpResponse:
    return session_page(request, get_session_for_user(user_of(request), public_id))


@login_required
@require_POST
def agenda_add(request: HttpRequest, public_id) -> HttpResponse:
    user = user_of(request)
    session = get_session_for_user(user, public_id, manage=True)
    form = AgendaForm(request.POST)
    case = proposable_cases(user).filter(public_id=request.POST.get("case") or None).first()
    if case is None:
        form.add_error(None, _("Choose an open case of this office."))
    if form.is_valid() and case is not None:
        try:
            services.agenda_add(actor=user, session=session, case=case, **form.cleaned_data)
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            messages.success(
                request, _("%(name)s is on the agenda.") % {"name": case.client.full_name}
            )
            return redirect("tpp_session_detail", session.public_id)
    return session_page(request, session, agenda_form=form, status=400)


@login_required
@require_POST
def item_decide(request: HttpRequest, public_id, item_id) -> HttpResponse:
    user = user_of(request)
    session = get_session_for_user(user, public_id, manage=True)
    item = get_item_for_user(user, session, item_id)
    form = DecideForm(request.POST)
    if form.is_valid():
        try:
            item = services.agenda_decide(actor=user, item=item, **form.cleaned_data)
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            if not is_htmx(request):
                messages.success(request, _("Decision recorded."))
                return redirect("tpp_session_detail", session.public_id)
            return render(request, "tpp/partials/item.html", _item_context(request, item))
    context = _item_context(request, item, form)
    # htmx swaps only successful answers: the row comes back with its errors.
    status = 200 if is_htmx(request) else 400
    return render(
        request,
        "tpp/partials/item.html" if is_htmx(request) else "tpp/item_decide.html",
        context,
        status=status,
    )


@login_required
@require_POST
def member_add(request: HttpRequest, public_id) -> HttpResponse:
    user = user_of(request)
    session = get_session_for_user(user, public_id, manage=True)
    form = MemberForm(request.POST, session=session)
    if form.is_valid():
        try:
            services.session_add_member(actor=user, session=session, **form.cleaned_data)
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            return redirect(f"/tpp/{session.public_id}/#attendance-title")
    return session_page(request, session, member_form=form, status=400)


@login_required
@require_POST
def member_attendance(request: HttpRequest, public_id, member_id) -> HttpResponse:
    user = user_of(request)
    session = get_session_for_user(user, public_id, manage=True)
    member = get_member_for_user(user, session, member_id)
    try:
        services.session_set_attendance(
            actor=user, member=member, present=request.POST.get("present") == "1"
        )
    except ApplicationError as error:
        messages.error(request, error.message)
    return redirect(f"/tpp/{session.public_id}/#attendance-title")


@login_required
@require_POST
def session_close(request: HttpRequest, public_id) -> HttpResponse:
    user = user_of(request)
    session = get_session_for_user(user, public_id, manage=True)
    try:
        services.session_close(actor=user, session=session)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The session is closed; its decisions are final."))
    return redirect("tpp_session_detail", session.public_id)


@login_required
@require_POST
def minutes(request: HttpRequest, public_id) -> HttpResponseBase:
    user = user_of(request)
    session = get_session_for_user(user, public_id)
    fmt = request.POST.get("fmt", "")
    if fmt not in DocumentFormat.values:
        messages.error(request, _("Choose DOCX or PDF."))
        return redirect("tpp_session_detail", session.public_id)
    return document_response(minutes_generate(actor=user, session=session, fmt=fmt))
