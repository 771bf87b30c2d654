"""Matches: the review queue, one match side by side with the officer's decision, the
precision of the matcher over time, and a supervisor's "run now"."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bimkemas.accounts.models import User
from bimkemas.audit.services import audit_clients_listed, audit_view
from bimkemas.clients.access import can_supervise, require
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import add_application_errors
from bimkemas.linkage import selectors, services
from bimkemas.linkage.compare import compare
from bimkemas.linkage.forms import ConfirmForm, RejectForm
from bimkemas.linkage.models import MatchBand, MatchCandidate, MatchStatus

PAGE_SIZE = 25


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def record_url(record) -> str:
    """The record's page (the imports' part of the app), when it exists."""
    try:
        return reverse("record_detail", args=[record.public_id])
    except NoReverseMatch:
        return ""


@login_required
@require_GET
def match_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if user.is_national_viewer:
        national = {"national": selectors.national_counts(), "title": _("Possible matches")}
        return render(request, "linkage/match_list.html", national)
    require(user.office_id is not None and (user.is_officer or can_supervise(user)))
    status = request.GET.get("status", MatchStatus.PENDING)
    status = status if status in MatchStatus.values or status == "all" else MatchStatus.PENDING
    band = request.GET.get("band", "")
    band = band if band in MatchBand.values else ""
    queue = selectors.review_queue(user, status="" if status == "all" else status, band=band)
    page = Paginator(queue, PAGE_SIZE).get_page(request.GET.get("page"))
    matches = list(page)
    cases = selectors.open_cases_of(m.client_id for m in matches)
    audit_clients_listed(
        actor=user,
        clients=[m.client for m in matches],
        where=_("Possible matches"),
        query=request.GET.urlencode(),
    )
    context: dict[str, Any] = {
        "title": _("Possible matches"),
        "page": page,
        "rows": [{"match": m, "case": cases.get(m.client_id)} for m in matches],
        "counts": selectors.pending_counts(selectors.matches_in_charge(user)),
        "status": status,
        "band": band,
        "statuses": [
            ("pending", _("Awaiting a decision")),
            ("confirmed", _("Confirmed")),
            ("rejected", _("Rejected")),
            ("all", _("All")),
        ],
        "bands": MatchBand.choices,
        "query": "&".join(f"{k}={v}" for k, v in (("status", status), ("band", band)) if v),
        "can_run": can_supervise(user),
        "can_precision": can_supervise(user),
    }
    return render(request, "linkage/match_list.html", context)


def _detail(
    request: HttpRequest,
    match: MatchCandidate,
    *,
    confirm: ConfirmForm | None = None,
    reject: RejectForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = _user(request)
    case = services.case_of(match.client_id)
    decide = match.status == MatchStatus.PENDING and services.can_decide(user, match, case)
    context = {
        "title": _("Possible match"),
        "match": match,
        "client": match.client,
        "record": match.record,
        "case": case,
        "comparison": compare(match.client, match.record),
        "record_url": record_url(match.record),
        "can_decide": decide,
        "confirm_form": confirm or ConfirmForm(prefix="confirm"),
        "reject_form": reject or RejectForm(prefix="reject"),
        "opens_violation": case is not None and services.opens_violation(match.record, case),
    }
    audit_view(actor=user, obj=match, client=match.client, what=str(context["title"]))
    return render(request, "linkage/match_detail.html", context, status=status)


@login_required
@require_GET
def match_detail(request: HttpRequest, public_id) -> HttpResponse:
    return _detail(request, selectors.get_match_for_user(_user(request), public_id))


@login_required
@require_POST
def match_confirm(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    match = selectors.get_match_for_user(user, public_id)
    form = ConfirmForm(request.POST, prefix="confirm")
    if form.is_valid():
        try:
            match = services.match_confirm(actor=user, match=match, note=form.cleaned_data["note"])
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            if match.violation_id:
                messages.success(
                    request,
                    _("Confirmed. A violation (new offence) is open for your decision."),
                )
            else:
                messages.success(request, _("Confirmed: the record is this client."))
            return redirect("match_detail", match.public_id)
    return _detail(request, match, confirm=form, status=400)


@login_required
@require_POST
def match_reject(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    match = selectors.get_match_for_user(user, public_id)
    form = RejectForm(request.POST, prefix="reject")
    if form.is_valid():
        try:
            match = services.match_reject(actor=user, match=match, note=form.cleaned_data["note"])
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            messages.success(request, _("Rejected: the record is another person."))
            return redirect("match_list")
    return _detail(request, match, reject=form, status=400)


@login_required
@require_POST
def match_run(request: HttpRequest) -> HttpResponse:
    """A supervisor compares the records not compared yet now, instead of tonight."""
    user = _user(request)
    require(can_supervise(user))
    summary = services.matches_run(actor=user)
    messages.success(
        request,
        _("%(records)s new records compared: %(created)s new matches, %(alerts)s alerts.")
        % {
            "records": intcomma(summary.records),
            "created": intcomma(summary.created),
            "alerts": intcomma(summary.alerts),
        },
    )
    return redirect("match_list")


@login_required
@require_GET
def match_precision(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    matches = selectors.precision_scope(user)
    require(matches is not None)
    months = selectors.precision_by_month(matches)
    context = {
        "title": _("Precision of the matcher"),
        "months": months,
        "models": selectors.precision_by_model(matches),
        "total": selectors.precision_total(months),
        "bands": MatchBand.choices,
        "national": user.is_national_viewer,
    }
    return render(request, "linkage/precision.html", context)
