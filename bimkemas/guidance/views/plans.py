"""Stage plans: propose (a draft from the needs), edit a draft, record the client's
agreement, revise an agreed plan (a new version)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bimkemas.audit.services import audit_client_view
from bimkemas.clients.access import (
    can_edit_case,
    can_supervise,
    get_case_for_editing,
    require,
)
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import add_application_errors
from bimkemas.guidance.access import get_plan_for_user
from bimkemas.guidance.forms import AgreeForm, PlanItemFormSet, PlanNoteForm
from bimkemas.guidance.models import GuidanceStage, PlanStatus, StagePlan
from bimkemas.guidance.services.plans import (
    ITEM_FIELDS,
    plan_agree,
    plan_approve,
    plan_propose,
    plan_revise,
)
from bimkemas.guidance.services.plans import plan_update as plan_update_service
from bimkemas.guidance.views.common import panel_url, user_of


@login_required
@require_POST
def plan_propose_view(request: HttpRequest, public_id, stage: str) -> HttpResponse:
    user = user_of(request)
    case = get_case_for_editing(user, public_id)
    require(stage in GuidanceStage.values)
    try:
        plan = plan_propose(actor=user, case=case, stage=stage)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect(panel_url(case))
    messages.success(request, _("A draft plan was proposed from the needs. Check and edit it."))
    return redirect("guidance_plan", plan.public_id)


def _initial_items(plan: StagePlan) -> list[dict]:
    return [
        {
            **{name: getattr(item, name) for name in ITEM_FIELDS},
            "need_codes": ",".join(item.need_codes or []),
            "standard": item.standard,
        }
        for item in plan.items.all()
    ]


@login_required
@require_http_methods(["GET", "POST"])
def plan_detail(request: HttpRequest, public_id) -> HttpResponse:
    """The plan; a draft is edited here by the case's officer or a supervisor."""
    user = user_of(request)
    plan = get_plan_for_user(user, public_id)
    case = plan.case
    can_write = can_edit_case(user, case) and case.is_open
    editable = can_write and plan.is_draft
    status = 200
    formset = note_form = None
    if editable:
        if request.method == "POST":
            formset = PlanItemFormSet(request.POST, prefix="items")
            note_form = PlanNoteForm(request.POST)
            if formset.is_valid() and note_form.is_valid():
                try:
                    plan_update_service(
                        actor=user,
                        plan=plan,
                        items=formset.items(),  # type: ignore[attr-defined]
                        note=note_form.cleaned_data["note"],
                    )
                except ApplicationError as error:
                    add_application_errors(note_form, error)
                else:
                    messages.success(request, _("The draft plan was saved."))
                    return redirect("guidance_plan", plan.public_id)
            status = 400
        else:
            formset = PlanItemFormSet(initial=_initial_items(plan), prefix="items")
            note_form = PlanNoteForm(initial={"note": plan.note})
    else:
        require(request.method == "GET")
    audit_client_view(actor=user, client=case.client, what=_("Stage plan"))
    context = {
        "plan": plan,
        "case": case,
        "client": case.client,
        "items": list(plan.items.all()),
        "formset": formset,
        "note_form": note_form,
        "can_write": can_write,
        "can_approve": plan.is_agreed
        and plan.approved_at is None
        and can_supervise(user)
        and user.office_id == case.office_id
        and user.pk != plan.author_id,
        "versions": StagePlan.objects.filter(case=case, stage=plan.stage).order_by("-version"),
        "statuses": PlanStatus,
    }
    return render(request, "guidance/plan.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def plan_agree_view(request: HttpRequest, public_id) -> HttpResponse:
    user = user_of(request)
    plan = get_plan_for_user(user, public_id, write=True)
    status = 200
    if request.method == "POST":
        form = AgreeForm(request.POST)
        if form.is_valid():
            try:
                plan_agree(actor=user, plan=plan, **form.cleaned_data)
            except ApplicationError as error:
                add_application_errors(form, error)
            else:
                messages.success(request, _("The client's agreement was recorded."))
                return redirect(panel_url(plan.case))
        status = 400
    else:
        form = AgreeForm()
    context = {"plan": plan, "case": plan.case, "client": plan.case.client, "form": form}
    return render(request, "guidance/plan_agree.html", context, status=status)


@login_required
@require_POST
def plan_revise_view(request: HttpRequest, public_id) -> HttpResponse:
    user = user_of(request)
    plan = get_plan_for_user(user, public_id, write=True)
    try:
        draft = plan_revise(actor=user, plan=plan)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("guidance_plan", plan.public_id)
    messages.success(request, _("A new version was started; the agreed one stays in force."))
    return redirect("guidance_plan", draft.public_id)


@login_required
@require_POST
def plan_approve_view(request: HttpRequest, public_id) -> HttpResponse:
    user = user_of(request)
    plan = get_plan_for_user(user, public_id)
    try:
        plan_approve(actor=user, plan=plan)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The plan was approved."))
    return redirect("guidance_plan", plan.public_id)
