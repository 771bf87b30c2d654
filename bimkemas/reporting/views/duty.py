"""A case's reporting duty, changed from the client page: its own schedule (the PK's or the
TPP's decision, a special condition) and excuses from reporting."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from bimkemas.accounts.models import User
from bimkemas.audit.services import audit_client_view
from bimkemas.clients.access import get_case_for_editing
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import add_application_errors
from bimkemas.reporting.forms import ExcuseForm, ScheduleForm
from bimkemas.reporting.models import DEFAULT_GRACE_DAYS, ScheduleBasis
from bimkemas.reporting.selectors import case_compliance
from bimkemas.reporting.services.schedules import excuse_add, schedule_set


def _case_form(
    request: HttpRequest,
    public_id,
    *,
    form_class: type[forms.Form],
    initial: Callable[[SupervisionCase], dict[str, Any]],
    save: Callable[..., Any],
    title: str,
    done: str,
) -> HttpResponse:
    """The shared page: the case's writer fills the form, the service saves it (its
    refusals land on the fields), and the client page says what was done."""
    user = request.user
    assert isinstance(user, User)
    case = get_case_for_editing(user, public_id)
    status = 200
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            try:
                save(actor=user, case=case, **form.cleaned_data)
            except ApplicationError as error:
                add_application_errors(form, error)
            else:
                messages.success(request, done)
                url = reverse("client_detail", args=[case.client.public_id])
                return redirect(f"{url}#reporting-title")
        status = 400
    else:
        form = form_class(initial=initial(case))
    audit_client_view(actor=user, client=case.client, what=title)
    context = {"case": case, "client": case.client, "form": form, "title": title}
    return render(request, "reporting/case_form.html", context, status=status)


def _schedule_initial(case: SupervisionCase) -> dict[str, Any]:
    schedule = case_compliance(case, today()).schedule
    return {
        "frequency": schedule.frequency if schedule else "",
        "grace_days": schedule.grace_days if schedule else DEFAULT_GRACE_DAYS,
        "starts_on": max(today(), case.guidance_start),
        "basis": ScheduleBasis.OFFICER,
    }


@login_required
@require_http_methods(["GET", "POST"])
def schedule_change(request: HttpRequest, public_id) -> HttpResponse:
    return _case_form(
        request,
        public_id,
        form_class=ScheduleForm,
        initial=_schedule_initial,
        save=schedule_set,
        title=_("Change the reporting schedule"),
        done=_("Reporting schedule changed."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def excuse_record(request: HttpRequest, public_id) -> HttpResponse:
    return _case_form(
        request,
        public_id,
        form_class=ExcuseForm,
        initial=lambda case: {"starts_on": max(today(), case.guidance_start)},
        save=excuse_add,
        title=_("Excuse from reporting"),
        done=_("Excuse recorded: periods it covers are not counted as missed."),
    )
