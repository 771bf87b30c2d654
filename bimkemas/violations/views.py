"""The violation pages: recording one for a case, a violation with its decision, evidence and
letters, the office's list, and the office's ladder. Thin: access helpers, forms, services."""

import uuid
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bimkemas.accounts.models import OFFICER_ROLES, User
from bimkemas.audit.services import audit_clients_listed, audit_view
from bimkemas.clients.access import can_supervise, require
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import add_application_errors
from bimkemas.documents.models import DocumentFormat
from bimkemas.documents.views import document_response
from bimkemas.violations import services
from bimkemas.violations.access import (
    can_act,
    can_edit_ladder,
    can_generate_letter,
    get_case_for_violation,
    get_violation_for_user,
)
from bimkemas.violations.files import attachment_response
from bimkemas.violations.forms import (
    NEW_RUNG_INITIAL,
    AttachForm,
    DecideForm,
    DismissForm,
    RecordForm,
    RungFormSet,
)
from bimkemas.violations.ladder import office_ladder, suggest_rung
from bimkemas.violations.letters import letter_generate, letter_versions
from bimkemas.violations.models import (
    Violation,
    ViolationDecision,
    ViolationKind,
    ViolationStatus,
)
from bimkemas.violations.selectors import (
    ListFilter,
    decision_due_on,
    revocation_url,
    violations_for_list,
)

PAGE_SIZE = 25


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _office_user(request: HttpRequest) -> User:
    """Office pages: a national viewer sees no client's violations (404)."""
    user = _user(request)
    require(user.office_id is not None and bool(user.role) and not user.is_national_viewer)
    return user


# --- recording ------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def violation_new(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    case = get_case_for_violation(user, public_id)
    posted = request.method == "POST"
    form = RecordForm(request.POST, request.FILES) if posted else RecordForm()
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                violation = services.violation_record(actor=user, case=case, **data)
            except ApplicationError as error:
                add_application_errors(form, error)
            else:
                messages.success(request, _("The violation is recorded. Decide the response."))
                return redirect("violation_detail", violation.public_id)
    title = _("Record a violation")
    audit_view(actor=user, obj=case, client=case.client, what=title)
    return render(
        request,
        "violations/new.html",
        {"case": case, "form": form, "title": title},
        status=status,
    )


# --- one violation --------------------------------------------------------------------------


def _decision(violation: Violation) -> ViolationDecision | None:
    return (
        ViolationDecision.objects.filter(violation=violation)
        .select_related("rung", "by", "suggested")
        .first()
    )


def _page(
    request: HttpRequest, violation: Violation, bound: dict | None = None, status: int = 200
) -> HttpResponse:
    user = _user(request)
    case = violation.case
    decision = _decision(violation)
    acting = violation.is_open and can_act(user, case)
    context: dict[str, Any] = {
        "violation": violation,
        "case": case,
        "title": _("Violation"),
        "decision": decision,
        "attachments": list(violation.attachments.select_related("uploaded_by")),
        "can_act": acting,
        "can_attach": can_act(user, case),
        "can_letter": decision is not None
        and decision.produces_letter
        and can_generate_letter(user, case),
        "versions": letter_versions(decision),
        "due_on": decision_due_on(violation),
        "day": today(),
        "revocation_url": revocation_url(violation)
        if decision is not None and decision.proposes_revocation
        else "",
        "attach_form": (bound or {}).get("attach") or AttachForm(),
    }
    if acting:
        rungs = office_ladder(case.office_id)
        suggested = suggest_rung(case.pk, rungs)
        context["suggested"] = suggested
        context["rungs"] = rungs
        context["decide_form"] = (bound or {}).get("decide") or DecideForm(
            rungs=rungs, initial={"rung": suggested.public_id if suggested else None}
        )
        context["dismiss_form"] = (bound or {}).get("dismiss") or DismissForm()
    audit_view(actor=user, obj=violation, client=case.client, what=str(violation))
    return render(request, "violations/detail.html", context, status=status)


@login_required
@require_GET
def violation_detail(request: HttpRequest, public_id) -> HttpResponse:
    violation = get_violation_for_user(_user(request), public_id)
    return _page(request, violation)


@login_required
@require_POST
def violation_decide(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    violation = get_violation_for_user(user, public_id, act=True)
    form = DecideForm(request.POST, rungs=office_ladder(violation.case.office_id))
    if form.is_valid():
        try:
            decision = services.violation_decide(
                actor=user, violation=violation, **form.cleaned_data
            )
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            if decision.produces_letter:
                text = _("Decided: %(rung)s. Generate the letter below.")
            else:
                text = _("Decided: %(rung)s.")
            messages.success(request, text % {"rung": decision.rung_name})
            return redirect("violation_detail", violation.public_id)
    return _page(request, violation, {"decide": form}, status=400)


@login_required
@require_POST
def violation_dismiss(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    violation = get_violation_for_user(user, public_id, act=True)
    form = DismissForm(request.POST)
    if form.is_valid():
        try:
            services.violation_dismiss(actor=user, violation=violation, **form.cleaned_data)
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            messages.success(request, _("The violation is dismissed."))
            return redirect("violation_detail", violation.public_id)
    return _page(request, violation, {"dismiss": form}, status=400)


@login_required
@require_POST
def violation_attach(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    violation = get_violation_for_user(user, public_id)
    require(can_act(user, violation.case))
    form = AttachForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.violation_attach(
                actor=user,
                violation=violation,
                upload=form.cleaned_data["file"],
                description=form.cleaned_data["description"],
            )
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            messages.success(request, _("The file is attached."))
            return redirect("violation_detail", violation.public_id)
    return _page(request, violation, {"attach": form}, status=400)


@login_required
@require_GET
def attachment_download(request: HttpRequest, public_id, attachment_id) -> FileResponse:
    return attachment_response(_user(request), public_id, attachment_id, inline=True)


@login_required
@require_POST
def violation_letter(request: HttpRequest, public_id) -> HttpResponseBase:
    user = _user(request)
    violation = get_violation_for_user(user, public_id)
    decision = _decision(violation)
    require(decision is not None and can_generate_letter(user, violation.case))
    assert decision is not None
    fmt = request.POST.get("fmt", "")
    if fmt not in DocumentFormat.values or not decision.produces_letter:
        messages.error(request, _("Choose DOCX or PDF."))
        return redirect("violation_detail", public_id)
    decision.violation = violation
    decision.case = violation.case
    try:
        generated = letter_generate(actor=user, decision=decision, fmt=fmt)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("violation_detail", public_id)
    return document_response(generated)


# --- the office's list ------------------------------------------------------------------


def _officer_filter(user: User, value: str) -> User | None:
    if not value or not can_supervise(user):
        return None
    return User.objects.filter(
        public_id__in=[value] if _is_uuid(value) else [],
        office_id=user.office_id,
        role__in=OFFICER_ROLES,
    ).first()


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


@login_required
@require_GET
def violation_list(request: HttpRequest) -> HttpResponse:
    user = _office_user(request)
    status = request.GET.get("status", "")
    kind = request.GET.get("kind", "")
    officer = _officer_filter(user, request.GET.get("officer", ""))
    filters = ListFilter(
        status=status if status in ViolationStatus.values else "",
        kind=kind if kind in ViolationKind.values else "",
        officer=officer,
    )
    page = Paginator(violations_for_list(user, filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = list(page)
    if rows:
        audit_clients_listed(
            actor=user,
            clients=[row.case.client for row in rows],
            where=_("Violations"),
            query=request.GET.urlencode(),
        )
    query = urlencode(
        {
            key: value
            for key, value in (
                ("status", filters.status),
                ("kind", filters.kind),
                ("officer", str(officer.public_id) if officer else ""),
            )
            if value
        }
    )
    officers = (
        User.objects.filter(
            office_id=user.office_id, role__in=OFFICER_ROLES, is_active=True
        ).order_by("first_name", "username")
        if can_supervise(user)
        else []
    )
    context = {
        "page": page,
        "rows": [(row, decision_due_on(row)) for row in rows],
        "day": today(),
        "filters": filters,
        "statuses": ViolationStatus.choices,
        "kinds": ViolationKind.choices,
        "officers": officers,
        "query": query,
        "can_edit_ladder": can_edit_ladder(user),
    }
    return render(request, "violations/list.html", context)


# --- the ladder -----------------------------------------------------------------------------


def _kept(form) -> bool:
    """An existing step, or the blank row filled in."""
    data = getattr(form, "cleaned_data", {})
    return bool(data.get("id") or (data.get("name") or "").strip())


def _rung_initial(rungs) -> list[dict]:
    return [*_rows(rungs), NEW_RUNG_INITIAL]


def _rows(rungs) -> list[dict]:
    return [
        {
            "id": rung.public_id,
            "position": rung.position,
            "name": rung.name,
            "letter_title": rung.letter_title,
            "produces_letter": rung.produces_letter,
            "proposes_revocation": rung.proposes_revocation,
            "active": rung.active,
        }
        for rung in rungs
    ]


@login_required
@require_http_methods(["GET", "POST"])
def ladder_settings(request: HttpRequest) -> HttpResponse:
    user = _office_user(request)
    require(can_edit_ladder(user))
    assert user.office is not None and user.office_id is not None
    rungs = office_ladder(user.office_id, active_only=False)
    status = 200
    if request.method == "POST":
        formset = RungFormSet(request.POST, initial=_rung_initial(rungs))
        status = 400
        if formset.is_valid():
            data = [
                services.RungData(
                    public_id=form.cleaned_data.get("id"),
                    name=form.cleaned_data.get("name") or "",
                    letter_title=form.cleaned_data.get("letter_title") or "",
                    position=form.cleaned_data.get("position") or 0,
                    produces_letter=form.cleaned_data.get("produces_letter", False),
                    proposes_revocation=form.cleaned_data.get("proposes_revocation", False),
                    active=form.cleaned_data.get("active", False),
                )
                for form in formset.forms
                if _kept(form)
            ]
            try:
                services.ladder_save(actor=user, office=user.office, rungs=data)
            except ApplicationError as error:
                _formset_errors(formset, error)
            else:
                messages.success(request, _("The ladder is saved."))
                return redirect("violation_ladder")
    else:
        formset = RungFormSet(initial=_rung_initial(rungs))
    return render(
        request,
        "violations/ladder.html",
        {"formset": formset, "title": _("Violation ladder"), "office": user.office},
        status=status,
    )


def _formset_errors(formset, error: ApplicationError) -> None:
    """Put the service's "rungs.<i>.<field>" errors on the matching row of the formset."""
    rows = [form for form in formset.forms if _kept(form)]
    general: list[str] = []
    for key, texts in error.errors.items():
        parts = key.split(".")
        if len(parts) == 3 and parts[0] == "rungs" and parts[1].isdigit():
            index, field = int(parts[1]), parts[2]
            if index < len(rows) and field in rows[index].fields and field != "id":
                for text in texts:
                    rows[index].add_error(field, text)
                continue
        general += texts
    if general:
        formset._non_form_errors = formset.error_class([*formset.non_form_errors(), *general])
