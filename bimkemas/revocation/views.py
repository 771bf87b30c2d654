"""Revocation pages: propose (from a case, optionally from a violation), the detail with its
stepper and the one action due next, a page per step, documents and the export package, the
office list and the statistics. Thin views: access helpers → one service → redirect."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bimkemas.accounts.models import Office, User
from bimkemas.audit.services import audit_clients_listed, audit_view
from bimkemas.clients.access import get_case_for_user, require
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import add_application_errors, parse_date_input
from bimkemas.documents.models import DocumentFormat
from bimkemas.documents.views import document_response
from bimkemas.revocation import forms as step_forms
from bimkemas.revocation import selectors, services
from bimkemas.revocation.access import (
    get_revocation_for_user,
    may_record,
    may_request,
    visible_revocations,
    works_on,
)
from bimkemas.revocation.letters import export_package, letter_generate, letter_versions
from bimkemas.revocation.models import Revocation, service_days_for
from bimkemas.revocation.workflow import (
    Route,
    Status,
    StepKind,
    allowed_steps,
)
from bimkemas.violations.models import Violation

LISTED = 200


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@dataclass(frozen=True)
class StepPage:
    kind: str
    title: Any
    form: type[forms.Form]
    button: Any


STEPS: dict[str, StepPage] = {
    "statement": StepPage(
        StepKind.STATEMENT,
        gettext_lazy("Statement (BAP)"),
        step_forms.StatementForm,
        gettext_lazy("Record the statement"),
    ),
    "examination": StepPage(
        StepKind.EXAMINATION,
        gettext_lazy("Examination of the client"),
        step_forms.ExaminationForm,
        gettext_lazy("Record the examination"),
    ),
    "tpp": StepPage(
        StepKind.TPP,
        gettext_lazy("TPP recommendation"),
        step_forms.TppForm,
        gettext_lazy("Record the recommendation"),
    ),
    "temporary": StepPage(
        StepKind.TEMPORARY,
        gettext_lazy("Temporary revocation"),
        step_forms.TemporaryForm,
        gettext_lazy("Revoke temporarily"),
    ),
    "report": StepPage(
        StepKind.REPORT,
        gettext_lazy("Report"),
        step_forms.ReportForm,
        gettext_lazy("Record the report"),
    ),
    "decision": StepPage(
        StepKind.DECISION,
        gettext_lazy("Final decision"),
        step_forms.DecisionForm,
        gettext_lazy("Record the decision"),
    ),
    "withdraw": StepPage(
        StepKind.WITHDRAWAL,
        gettext_lazy("Withdraw the request"),
        step_forms.WithdrawForm,
        gettext_lazy("Withdraw"),
    ),
}
SLUG_OF = {page.kind: slug for slug, page in STEPS.items()}
ROUTE_LABELS: dict[tuple[str, str], Any] = {
    (Route.INTEGRATION, StepKind.REPORT): gettext_lazy("Report to the Kanwil / Ditjenpas"),
    (Route.ASIMILASI, StepKind.REPORT): gettext_lazy("Report to the Lapas/Rutan"),
    (Route.ASIMILASI, StepKind.DECISION): gettext_lazy("Decision of the Lapas/Rutan"),
}


def _violations(case) -> list[Violation]:
    return list(Violation.objects.filter(case=case).order_by("-occurred_on", "-pk")[:50])


@login_required
@require_http_methods(["GET", "POST"])
def revocation_propose(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    case = get_case_for_user(user, public_id)
    require(may_request(user, case))
    violations = _violations(case)
    if request.method == "POST":
        form = step_forms.RequestForm(request.POST, request.FILES, violations=violations)
        if form.is_valid():
            data = form.cleaned_data
            violation = next((v for v in violations if str(v.public_id) == data["violation"]), None)
            try:
                revocation = services.revocation_request(
                    actor=user,
                    case=case,
                    channel=data["channel"],
                    requested_on=data["requested_on"],
                    sender=data["sender"],
                    grounds=data["grounds"],
                    letter_number=data["letter_number"],
                    account=data["account"],
                    violation=violation,
                    note=data["note"],
                    uploads=[data["upload"]] if data.get("upload") else [],
                )
            except ApplicationError as error:
                add_application_errors(form, error)
            else:
                messages.success(request, _("The revocation request is recorded."))
                return redirect("revocation_detail", revocation.public_id)
        status = 400
    else:
        initial: dict[str, Any] = {}
        chosen = request.GET.get("violation", "")
        violation = next((v for v in violations if str(v.public_id) == chosen), None)
        if violation is not None:
            initial = {"violation": chosen, "grounds": violation.kind}
        form = step_forms.RequestForm(initial=initial, violations=violations)
        status = 200
    title = _("Propose revocation")
    audit_view(actor=user, obj=case, client=case.client, what=title)
    context = {"case": case, "form": form, "title": title, "days": service_days_for(case.office_id)}
    return render(request, "revocation/propose.html", context, status=status)


def _stepper(revocation: Revocation) -> list[dict]:
    """Every step of the route in order: recorded (with its row), next, or to come."""
    recorded = {step.kind: step for step in revocation.steps.all()}
    order = [StepKind.REQUEST, StepKind.STATEMENT, StepKind.EXAMINATION, StepKind.TPP]
    if revocation.route == Route.INTEGRATION:
        order.append(StepKind.TEMPORARY)
    order += [StepKind.REPORT, StepKind.DECISION]
    if StepKind.WITHDRAWAL in recorded:
        order = [kind for kind in order if kind in recorded] + [StepKind.WITHDRAWAL]
    upcoming = revocation.next_step
    rows = []
    for kind in order:
        state = "done" if kind in recorded else ("next" if kind == upcoming else "todo")
        if revocation.status == Status.NOT_RECOMMENDED and kind in (
            StepKind.TEMPORARY,
            StepKind.REPORT,
        ):
            state = "skipped"
        label = ROUTE_LABELS.get((revocation.route, kind), StepKind(kind).label)
        rows.append({"kind": kind, "label": label, "state": state, "step": recorded.get(kind)})
    return rows


def _detail_context(user: User, revocation: Revocation) -> dict:
    day = today()
    upcoming = revocation.next_step
    actions = [
        (SLUG_OF[step], STEPS[SLUG_OF[step]])
        for step in allowed_steps(revocation.status, revocation.route)
        if may_record(user, revocation, step)
    ]
    return {
        "revocation": revocation,
        "case": revocation.case,
        "clock": selectors.clock(revocation, day),
        "stepper": _stepper(revocation),
        "next_step": ROUTE_LABELS.get((revocation.route, upcoming), StepKind(upcoming).label)
        if upcoming
        else "",
        "actions": actions,
        "can_work": works_on(user, revocation.case),
        "versions": letter_versions(revocation),
    }


@login_required
@require_GET
def revocation_detail(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    revocation = get_revocation_for_user(user, public_id)
    context = _detail_context(user, revocation)
    context["title"] = _("Revocation")
    audit_view(
        actor=user, obj=revocation, client=revocation.case.client, what=str(context["title"])
    )
    return render(request, "revocation/detail.html", context)


def _form_for(page: StepPage, revocation: Revocation, data=None, files=None) -> forms.Form:
    if page.form is step_forms.TppForm:
        items = list(services.decided_agenda_items(revocation.case))
        return step_forms.TppForm(data, files, items=items)
    form = page.form(data, files)
    if isinstance(form, step_forms.ReportForm) and data is None:
        form.initial["institution"] = (
            revocation.institution_id or revocation.case.origin_facility_id
        )
    return form


def _run(page: StepPage, user: User, revocation: Revocation, form: forms.Form):
    data: dict[str, Any] = dict(form.cleaned_data)
    uploads = [data.pop("upload")] if data.get("upload") else []
    data.pop("upload", None)
    common: dict[str, Any] = {"actor": user, "revocation": revocation}
    if page.kind == StepKind.STATEMENT:
        assert isinstance(form, step_forms.StatementForm)
        return services.revocation_record_statement(
            **common, on=data["on"], questions=form.questions(), statement=data["statement"],
            note=data["note"], uploads=uploads,
        )  # fmt: skip
    if page.kind == StepKind.EXAMINATION:
        return services.revocation_record_examination(**common, **data, uploads=uploads)
    if page.kind == StepKind.TPP:
        chosen = data.pop("agenda_item")
        item = services.decided_agenda_items(revocation.case).filter(public_id=chosen).first()
        if chosen and item is None:
            raise ApplicationError(_("Choose a decision of this case."), field="agenda_item")
        return services.revocation_record_tpp(**common, agenda_item=item, **data, uploads=uploads)
    if page.kind == StepKind.TEMPORARY:
        return services.revocation_revoke_temporarily(**common, **data, uploads=uploads)
    if page.kind == StepKind.REPORT:
        return services.revocation_report(**common, **data, uploads=uploads)
    if page.kind == StepKind.DECISION:
        if data["revoked"] is None:
            raise ApplicationError(_("Say whether the programme was revoked."), field="revoked")
        return services.revocation_decide(**common, **data, uploads=uploads)
    return services.revocation_withdraw(**common, on=data["on"], reason=data["reason"])


@login_required
@require_http_methods(["GET", "POST"])
def revocation_step(request: HttpRequest, public_id, step: str) -> HttpResponse:
    page = STEPS.get(step)
    if page is None:
        raise Http404
    user = _user(request)
    revocation = get_revocation_for_user(user, public_id)
    require(may_record(user, revocation, page.kind))
    status = 200
    if request.method == "POST":
        form = _form_for(page, revocation, request.POST, request.FILES)
        if form.is_valid():
            try:
                _run(page, user, revocation, form)
            except ApplicationError as error:
                add_application_errors(form, error)
            else:
                messages.success(request, _("%(step)s recorded.") % {"step": page.title})
                return redirect("revocation_detail", revocation.public_id)
        status = 400
    else:
        form = _form_for(page, revocation)
    context = _detail_context(user, revocation)
    allowed = page.kind in allowed_steps(revocation.status, revocation.route)
    context.update(
        {"title": page.title, "page": page, "form": form, "slug": step, "allowed": allowed}
    )
    audit_view(actor=user, obj=revocation, client=revocation.case.client, what=str(page.title))
    return render(request, "revocation/step.html", context, status=status)


@login_required
@require_POST
def revocation_document(request: HttpRequest, public_id, which: str) -> HttpResponseBase:
    user = _user(request)
    revocation = get_revocation_for_user(user, public_id)
    require(which in ("statement", "report") and works_on(user, revocation.case))
    fmt = request.POST.get("fmt", "")
    if fmt not in DocumentFormat.values:
        messages.error(request, _("Choose DOCX or PDF."))
        return redirect("revocation_detail", public_id)
    generated = letter_generate(actor=user, revocation=revocation, which=which, fmt=fmt)
    return document_response(generated)


@login_required
@require_POST
def revocation_export(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    revocation = get_revocation_for_user(user, public_id)
    require(works_on(user, revocation.case))
    name, data = export_package(actor=user, revocation=revocation)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _flag(request: HttpRequest, name: str) -> bool:
    return request.GET.get(name) in ("on", "1", "true")


@login_required
@require_GET
def revocation_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    require(bool(user.office_id) and bool(user.role) and not user.is_national_viewer)
    day = today()
    status = request.GET.get("status", "")
    route = request.GET.get("route", "") if request.GET.get("route") in Route.values else ""
    year_text = request.GET.get("year", "")
    year = int(year_text) if year_text.isdigit() and 2000 <= int(year_text) <= 2100 else None
    rows = selectors.revocations_listed(
        visible_revocations(user), status=status, overdue=_flag(request, "overdue"),
        route=route, year=year, day=day,
    )  # fmt: skip
    total = rows.count()
    shown = list(rows[:LISTED])
    title = _("Revocations")
    audit_clients_listed(
        actor=user,
        clients=[r.case.client for r in shown],
        where=str(title),
        query=request.GET.urlencode(),
    )
    context = {
        "title": title,
        "rows": [(r, selectors.clock(r, day)) for r in shown],
        "total": total,
        "more": total - len(shown),
        "statuses": Status.choices,
        "routes": Route.choices,
        "filters": {
            "status": status,
            "route": route,
            "year": year_text,
            "overdue": _flag(request, "overdue"),
        },
    }
    return render(request, "revocation/list.html", context)


def _scope_name(user: User, office: Office | None) -> str:
    if office is not None:
        return office.name
    if user.is_national_viewer or user.office is None:
        return _("All offices")
    return user.office.name


def _date_param(request: HttpRequest, name: str, default: dt.date) -> dt.date:
    return parse_date_input(request.GET.get(name, "")) or default


@login_required
@require_GET
def revocation_statistics(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    require(user.is_national_viewer or (user.is_supervisor and user.office_id is not None))
    day = today()
    office = None
    if user.is_national_viewer and request.GET.get("office"):
        office = Office.objects.filter(code=request.GET["office"]).first()
    revocations, cases = selectors.statistics_scope(user, office.pk if office else None)
    start = _date_param(request, "from", dt.date(day.year - 2, 1, 1))
    end = _date_param(request, "to", day)
    if end < start:
        start, end = end, start
    first = min(start.year, day.year - 2)
    context = {
        "title": _("Revocation statistics"),
        "years": selectors.per_year(revocations, cases, first, day.year),
        "period": selectors.period(revocations, cases, start, end),
        "national": user.is_national_viewer,
        "office": office,
        "offices": Office.objects.order_by("name") if user.is_national_viewer else [],
        "scope": _scope_name(user, office),
    }
    return render(request, "revocation/statistics.html", context)
