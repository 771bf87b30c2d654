"""A case's TPP actions from the client page: the PK proposes it for a session, a
supervisor confirms a stage by override."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from bimkemas.audit.services import audit_view
from bimkemas.clients.access import can_supervise, get_case_for_user, require
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import add_application_errors
from bimkemas.tpp import services
from bimkemas.tpp.access import can_propose
from bimkemas.tpp.forms import OverrideForm, ProposeForm
from bimkemas.tpp.models import SessionStatus
from bimkemas.tpp.selectors import sessions_for
from bimkemas.tpp.views.common import user_of


def _back(case) -> str:
    return reverse("client_detail", args=[case.client.public_id]) + "#tpp-title"


@login_required
@require_http_methods(["GET", "POST"])
def case_propose(request: HttpRequest, public_id) -> HttpResponse:
    user = user_of(request)
    case = get_case_for_user(user, public_id)
    require(can_propose(user, case))
    sessions = sessions_for(user).exclude(status=SessionStatus.CLOSED).order_by("held_on", "seq")
    form = ProposeForm(
        request.POST or None, sessions=sessions, initial={"kind": "stage_transition"}
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        session = data.pop("session")
        try:
            services.agenda_add(actor=user, session=session, case=case, **data)
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            messages.success(
                request, _("Proposed for TPP session %(number)s.") % {"number": session.number}
            )
            return redirect(_back(case))
    audit_view(actor=user, obj=case, client=case.client, what=_("Propose for TPP"))
    context = {"case": case, "form": form, "title": _("Propose for TPP"), "sessions": sessions}
    status = 400 if form.is_bound else 200
    return render(request, "tpp/case_propose.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def case_override(request: HttpRequest, public_id) -> HttpResponse:
    user = user_of(request)
    case = get_case_for_user(user, public_id)
    require(can_supervise(user) and user.office_id == case.office_id and case.is_open)
    form = OverrideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.stage_override(actor=user, case=case, **form.cleaned_data)
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            messages.success(request, _("The stage is confirmed."))
            return redirect(_back(case))
    audit_view(actor=user, obj=case, client=case.client, what=_("Stage override"))
    context = {"case": case, "form": form, "title": _("Confirm a stage without a TPP decision")}
    return render(request, "tpp/case_override.html", context, status=400 if form.is_bound else 200)
