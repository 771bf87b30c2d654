"""Pages: choose an instrument for a case, fill in the assessment (draft or scored), read the
result, and record new information that makes a reassessment due."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from bimkemas.accounts.models import User
from bimkemas.assessments.access import (
    can_assess,
    get_assessment_for_user,
    get_case_for_assessing,
    get_published_instrument,
)
from bimkemas.assessments.forms import AssessmentForm, TriggerForm, initial_from
from bimkemas.assessments.models import (
    Assessment,
    AssessmentReason,
    Instrument,
    InstrumentStatus,
)
from bimkemas.assessments.scoring import score
from bimkemas.assessments.selectors import needs_of
from bimkemas.assessments.services import (
    assessment_save,
    assessment_update,
    reassessment_trigger,
)
from bimkemas.audit.services import audit_client_view, audit_view
from bimkemas.clients.models import SupervisionCase
from bimkemas.clients.stages import GUIDANCE_STAGES
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import add_application_errors


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _client_url(case: SupervisionCase) -> str:
    return reverse("client_detail", args=[case.client.public_id]) + "#assessments-title"


@login_required
@require_GET
def assessment_choose(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    case = get_case_for_assessing(user, public_id)
    instruments = Instrument.objects.published().order_by("kind", "name")
    drafts = Assessment.objects.filter(case=case, status="draft").select_related("instrument")
    audit_client_view(actor=user, client=case.client, what="Choose an assessment instrument")
    context = {"case": case, "client": case.client, "instruments": instruments, "drafts": drafts}
    return render(request, "assessments/choose.html", context)


def _form_page(
    request: HttpRequest,
    *,
    case: SupervisionCase,
    instrument: Instrument,
    assessment: Assessment | None,
) -> HttpResponse:
    """The shared form of a new assessment and of a draft being continued."""
    user = _user(request)
    status = 200
    if request.method == "POST":
        form = AssessmentForm(request.POST, instrument=instrument)
        if form.is_valid():
            finish = request.POST.get("action") != "draft"
            try:
                if assessment is None:
                    saved = assessment_save(
                        actor=user,
                        case=case,
                        instrument=instrument,
                        finish=finish,
                        **form.service_data(),
                    )
                else:
                    saved = assessment_update(
                        actor=user, assessment=assessment, finish=finish, **form.service_data()
                    )
            except ApplicationError as error:
                add_application_errors(form, error)
            else:
                if saved.is_draft:
                    messages.info(
                        request,
                        _("Saved as a draft: it is scored when every question is answered."),
                    )
                else:
                    messages.success(request, _("Assessment scored."))
                return redirect("assessment_detail", saved.public_id)
        status = 400
    elif assessment is not None:
        form = AssessmentForm(initial=initial_from(assessment), instrument=instrument)
    else:
        form = AssessmentForm(
            initial={"assessed_on": today(), "reason": _default_reason(case)},
            instrument=instrument,
        )
    missing = []
    if assessment is not None and request.method != "POST":
        missing = score(instrument.definition, assessment.answers).missing
    audit_client_view(actor=user, client=case.client, what=f"Assessment form {instrument}")
    context = {
        "case": case,
        "client": case.client,
        "instrument": instrument,
        "assessment": assessment,
        "form": form,
        "missing": set(missing),
    }
    return render(request, "assessments/form.html", context, status=status)


def _default_reason(case: SupervisionCase) -> str:
    has_scored = Assessment.objects.scored().filter(case=case).exists()
    return AssessmentReason.YEARLY if has_scored else AssessmentReason.INITIAL


@login_required
@require_http_methods(["GET", "POST"])
def assessment_new(request: HttpRequest, public_id, instrument_id) -> HttpResponse:
    case = get_case_for_assessing(_user(request), public_id)
    instrument = get_published_instrument(instrument_id)
    return _form_page(request, case=case, instrument=instrument, assessment=None)


@login_required
@require_http_methods(["GET", "POST"])
def assessment_edit(request: HttpRequest, public_id) -> HttpResponse:
    assessment = get_assessment_for_user(_user(request), public_id, write=True)
    if not assessment.is_draft:
        messages.warning(
            request, _("A scored assessment cannot be changed: record a new assessment instead.")
        )
        return redirect("assessment_detail", assessment.public_id)
    return _form_page(
        request, case=assessment.case, instrument=assessment.instrument, assessment=assessment
    )


def _answer_rows(assessment: Assessment) -> list[dict]:
    rows = []
    for item in assessment.instrument.items:
        index = assessment.answers.get(item["code"])
        option = item["options"][index] if index is not None else None
        rows.append({"item": item, "option": option})
    return rows


def _stage(case: SupervisionCase) -> dict[str, str]:
    """The case's guidance stage today, for the plan the needs feed (none outside the stages)."""
    stage = case.stage_on(today())
    if stage not in GUIDANCE_STAGES:
        return {"stage": "", "stage_label": ""}
    return {"stage": stage.value, "stage_label": str(stage.label)}


@login_required
@require_GET
def assessment_detail(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    assessment = get_assessment_for_user(user, public_id)
    result = score(assessment.instrument.definition, assessment.answers)
    audit_view(
        actor=user, obj=assessment, client=assessment.client, what=f"Assessment {assessment}"
    )
    context = {
        "assessment": assessment,
        "case": assessment.case,
        "client": assessment.client,
        "instrument": assessment.instrument,
        "needs": needs_of(assessment) if not assessment.is_draft else [],
        "missing": result.missing,
        "answers": _answer_rows(assessment),
        "can_assess": can_assess(user, assessment.case),
        "retired": assessment.instrument.status != InstrumentStatus.PUBLISHED,
        **_stage(assessment.case),
    }
    return render(request, "assessments/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def trigger_new(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    case = get_case_for_assessing(user, public_id)
    status = 200
    if request.method == "POST":
        form = TriggerForm(request.POST)
        if form.is_valid():
            try:
                reassessment_trigger(actor=user, case=case, **form.cleaned_data)
            except ApplicationError as error:
                add_application_errors(form, error)
            else:
                messages.success(request, _("Reassessment requested."))
                return redirect(_client_url(case))
        status = 400
    else:
        form = TriggerForm()
    audit_client_view(actor=user, client=case.client, what="Request a reassessment")
    context = {"case": case, "client": case.client, "form": form}
    return render(request, "assessments/trigger.html", context, status=status)
