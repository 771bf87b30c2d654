"""A supervisor's decisions on a case (assign, close, grant access), corrections to its data
and the guidance card."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from bimkemas.accounts.models import User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record, audit_view
from bimkemas.clients import services
from bimkemas.clients.access import (
    can_supervise,
    get_case_for_editing,
    get_case_for_user,
    require,
)
from bimkemas.clients.card import render_guidance_card
from bimkemas.clients.caseload import assignable_officers, propose_officer
from bimkemas.clients.forms_cases import (
    AssignForm,
    CaseEditForm,
    CloseForm,
    GrantForm,
    closing_choices,
)
from bimkemas.clients.models import CaseStatus, SupervisionCase
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import add_application_errors

CARD_NEEDS_OFFICER = gettext_lazy("The guidance card can be printed once an officer is assigned.")


def _supervised_case(request: HttpRequest, public_id) -> tuple[User, SupervisionCase]:
    user = request.user
    assert isinstance(user, User)
    require(can_supervise(user))
    return user, get_case_for_user(user, public_id)


def _assignable(case: SupervisionCase) -> QuerySet[User]:
    """Officers working for the office today (its own and those seconded to it), least
    loaded first; the current officer left out."""
    return assignable_officers(case.office_id, day=today()).exclude(pk=case.officer_id or 0)


@login_required
@require_http_methods(["GET", "POST"])
def case_assign(request: HttpRequest, public_id) -> HttpResponse:
    user, case = _supervised_case(request, public_id)
    officers = _assignable(case)
    proposed = propose_officer(case, day=today())
    if proposed is not None and proposed.pk == case.officer_id:
        proposed = None
    form = AssignForm(_data(request), case=case, officers=officers)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_assign(actor=user, case=case, **form.cleaned_data)
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            officer = form.cleaned_data["officer"]
            messages.success(request, _("Case assigned to %(officer)s.") % {"officer": officer})
            return redirect("client_detail", case.client.public_id)
    in_area = set(officers.filter(work_areas=case.client.work_area_id).values_list("pk", flat=True))
    chosen = form["officer"].value() if form.is_bound else getattr(proposed, "public_id", None)
    rows = [
        {
            "officer": o,
            "in_area": o.pk in in_area,
            "checked": str(o.public_id) == str(chosen),
            "seconded_in": o.office_id != case.office_id,
            "search": f"{o} {o.username} {o.title} {o.office or ''}".lower(),
        }
        for o in officers.select_related("office")
    ]
    # ?q= narrows the list of officers without JavaScript; the page's script filters in place.
    q = request.GET.get("q", "").strip()[:100]
    words = q.lower().split()
    context = {
        "case": case,
        "form": form,
        "proposed": proposed,
        "proposed_row": next((r for r in rows if r["officer"] == proposed), None),
        "rows": [r for r in rows if all(word in str(r["search"]) for word in words)],
        "officer_count": len(rows),
        "q": q,
    }
    page = (_("Assignment form"), "clients/case_assign.html")
    return _render_case_page(request, case, page, context, _status(form))


@login_required
@require_http_methods(["GET", "POST"])
def case_close(request: HttpRequest, public_id) -> HttpResponse:
    user, case = _supervised_case(request, public_id)
    form = CloseForm(_data(request), case=case)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_close(actor=user, case=case, **form.cleaned_data)
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            status = CaseStatus(form.cleaned_data["status"]).label
            messages.success(
                request,
                _("Case %(number)s closed: %(status)s.")
                % {"number": case.register_number, "status": status},
            )
            return redirect("client_detail", case.client.public_id)
    context = {"case": case, "form": form, "can_close": bool(closing_choices(case))}
    page = (_("Closing form"), "clients/case_close.html")
    return _render_case_page(request, case, page, context, _status(form))


@login_required
@require_http_methods(["GET", "POST"])
def case_grant(request: HttpRequest, public_id) -> HttpResponse:
    user, case = _supervised_case(request, public_id)
    form = GrantForm(_data(request), case=case)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_grant_access(actor=user, case=case, **form.cleaned_data)
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            messages.success(
                request,
                _("%(officer)s may read this case until %(until)s.")
                % {"officer": form.cleaned_data["officer"], "until": form.cleaned_data["until"]},
            )
            return redirect("client_detail", case.client.public_id)
    grants = case.grants.filter(until__gte=today()).select_related("officer", "granted_by")
    context = {"case": case, "form": form, "grants": grants}
    page = (_("Access grant form"), "clients/case_grant.html")
    return _render_case_page(request, case, page, context, _status(form))


@login_required
@require_http_methods(["GET", "POST"])
def case_edit(request: HttpRequest, public_id) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    case = get_case_for_editing(user, public_id)
    form = CaseEditForm(_data(request), instance=case)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_update(actor=user, case=case, data=form.service_data())
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            messages.success(
                request, _("Case %(number)s was saved.") % {"number": case.register_number}
            )
            return redirect("client_detail", case.client.public_id)
    context = {"case": case, "form": form}
    page = (_("Case correction form"), "clients/case_edit.html")
    return _render_case_page(request, case, page, context, _status(form))


@login_required
@require_GET
def case_card(request: HttpRequest, public_id) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    case = get_case_for_user(user, public_id)
    if case.officer_id is None:
        # The card tells the client which PK to report to.
        messages.warning(request, CARD_NEEDS_OFFICER)
        return redirect("client_detail", case.client.public_id)
    pdf = render_guidance_card(case)
    audit_record(
        actor=user,
        action=AuditAction.DOWNLOAD,
        obj=case,
        client=case.client,
        summary="Kartu bimbingan",
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = "kartu-bimbingan-{}.pdf".format(re.sub(r"[^A-Za-z0-9]+", "-", case.register_number))
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _render_case_page(
    request: HttpRequest,
    case: SupervisionCase,
    page: tuple[str, str],
    context: dict,
    status: int,
) -> HttpResponse:
    """A case form shows the client's data: the page is a read, in the client's access log."""
    user = request.user
    assert isinstance(user, User)
    label, template = page
    audit_view(actor=user, obj=case, client=case.client, what=label)
    return render(request, template, context, status=status)


def _data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _status(form) -> int:
    return 400 if form.is_bound and form.errors else 200
