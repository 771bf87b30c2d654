"""Evaluations: drafted from the client page (pre-filled), edited and submitted by the PK,
approved or returned by a section or Bapas head of the office, revised as a new version, and
printed as the progress report (DOCX/PDF)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bimkemas.audit.services import audit_client_view
from bimkemas.clients.access import can_edit_case, can_supervise, get_case_for_editing, require
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import add_application_errors
from bimkemas.documents.models import DocumentKind
from bimkemas.documents.selectors import documents_of
from bimkemas.documents.views import document_response
from bimkemas.guidance.access import can_review, get_evaluation_for_user
from bimkemas.guidance.forms import EvaluationForm, ReturnForm
from bimkemas.guidance.models import (
    AttendanceStatus,
    Evaluation,
    GuidanceArea,
    GuidanceMethod,
    GuidanceStage,
)
from bimkemas.guidance.services import evaluations as services
from bimkemas.guidance.views.common import panel_url, user_of
from bimkemas.reporting.selectors import STATUS_LABELS


@login_required
@require_POST
def evaluation_create_view(request: HttpRequest, public_id, stage: str) -> HttpResponse:
    user = user_of(request)
    case = get_case_for_editing(user, public_id)
    require(stage in GuidanceStage.values)
    try:
        evaluation = services.evaluation_create(actor=user, case=case, stage=stage)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect(panel_url(case))
    messages.success(request, _("The evaluation was pre-filled with the period's records."))
    return redirect("guidance_evaluation", evaluation.public_id)


def _labels() -> dict:
    """The UI's words for the codes in the pre-fill snapshot (the report prints its own)."""
    return {
        "areas": dict(GuidanceArea.choices),
        "methods": dict(GuidanceMethod.choices),
        "attendance": dict(AttendanceStatus.choices),
        "reporting": dict(STATUS_LABELS),
    }


@login_required
@require_http_methods(["GET", "POST"])
def evaluation_detail(request: HttpRequest, public_id) -> HttpResponse:
    user = user_of(request)
    evaluation = get_evaluation_for_user(user, public_id)
    case = evaluation.case
    can_write = can_edit_case(user, case)
    editable = can_write and evaluation.is_editable
    status = 200
    form = None
    if editable:
        if request.method == "POST":
            form = EvaluationForm(request.POST)
            if form.is_valid():
                try:
                    services.evaluation_update(
                        actor=user,
                        evaluation=evaluation,
                        refresh="refresh" in request.POST,
                        **form.cleaned_data,
                    )
                except ApplicationError as error:
                    add_application_errors(form, error)
                else:
                    messages.success(request, _("The evaluation was saved."))
                    return redirect("guidance_evaluation", evaluation.public_id)
            status = 400
        else:
            form = EvaluationForm(
                initial={name: getattr(evaluation, name) for name in services.JUDGEMENT_FIELDS}
            )
    else:
        require(request.method == "GET")
    audit_client_view(actor=user, client=case.client, what=_("Evaluation"))
    context = {
        "evaluation": evaluation,
        "case": case,
        "client": case.client,
        "facts": evaluation.prefill or {},
        "labels": _labels(),
        "form": form,
        "can_write": can_write,
        "can_review": can_review(user, evaluation),
        "is_author": user.pk == evaluation.author_id,
        "return_form": ReturnForm(),
        "can_generate": can_write or (can_supervise(user) and user.office_id == case.office_id),
        "documents": documents_of(evaluation, DocumentKind.PROGRESS_REPORT),
        "versions": Evaluation.objects.filter(case=case, stage=evaluation.stage).order_by(
            "-version"
        ),
    }
    return render(request, "guidance/evaluation.html", context, status=status)


def _act(request: HttpRequest, public_id, action, done: str, **kwargs) -> HttpResponse:
    user = user_of(request)
    evaluation = get_evaluation_for_user(user, public_id)
    try:
        action(actor=user, evaluation=evaluation, **kwargs)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect("guidance_evaluation", evaluation.public_id)


@login_required
@require_POST
def evaluation_submit_view(request: HttpRequest, public_id) -> HttpResponse:
    return _act(request, public_id, services.evaluation_submit, _("Submitted to the section head."))


@login_required
@require_POST
def evaluation_approve_view(request: HttpRequest, public_id) -> HttpResponse:
    return _act(request, public_id, services.evaluation_approve, _("The evaluation was approved."))


@login_required
@require_POST
def evaluation_return_view(request: HttpRequest, public_id) -> HttpResponse:
    return _act(
        request,
        public_id,
        services.evaluation_return,
        _("The evaluation was returned to its author."),
        note=request.POST.get("note", "")[:10_000],
    )


@login_required
@require_POST
def evaluation_revise_view(request: HttpRequest, public_id) -> HttpResponse:
    user = user_of(request)
    evaluation = get_evaluation_for_user(user, public_id, write=True)
    try:
        draft = services.evaluation_revise(actor=user, evaluation=evaluation)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("guidance_evaluation", evaluation.public_id)
    messages.success(request, _("A new version was started; the approved one stays in force."))
    return redirect("guidance_evaluation", draft.public_id)


@login_required
@require_POST
def evaluation_document(request: HttpRequest, public_id) -> HttpResponseBase:
    """A new version of the progress report in the button's format, returned at once."""
    user = user_of(request)
    evaluation = get_evaluation_for_user(user, public_id)
    try:
        document = services.evaluation_document_generate(
            actor=user, evaluation=evaluation, fmt=request.POST.get("fmt", "")
        )
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("guidance_evaluation", evaluation.public_id)
    return document_response(document)
