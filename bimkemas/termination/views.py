"""The termination page of a case: how it ended, or the supervisor's forms to end it, and
the completion certificate's versions."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bimkemas.accounts.models import User
from bimkemas.audit.services import audit_view
from bimkemas.clients.access import get_case_for_user, require
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import add_application_errors
from bimkemas.documents.models import DocumentFormat
from bimkemas.documents.views import document_response
from bimkemas.termination import services
from bimkemas.termination.access import (
    can_terminate,
    get_case_for_termination,
    get_termination_for_user,
)
from bimkemas.termination.certificate import certificate_generate, certificate_versions
from bimkemas.termination.forms import CompleteForm, DeathForm, RevocationForm, TransferForm
from bimkemas.termination.models import Termination, TerminationKind


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _forms(case: SupervisionCase, bound: dict[str, forms.Form] | None = None) -> dict:
    forms_ = {
        "complete": CompleteForm(),
        "died": DeathForm(),
        "revoke": RevocationForm(),
        "transfer": TransferForm(office_id=case.office_id),
    }
    forms_.update(bound or {})
    return forms_


def _page(
    request: HttpRequest, case: SupervisionCase, bound: dict | None = None, status: int = 200
) -> HttpResponse:
    user = _user(request)
    termination = Termination.objects.filter(case=case).select_related("by", "to_office").first()
    context: dict[str, Any] = {
        "case": case,
        "title": _("End of guidance"),
        "termination": termination,
        "can_terminate": termination is None and can_terminate(user, case),
        "period_ended": case.guidance_end,
        "versions": certificate_versions(termination)
        if termination and termination.kind == TerminationKind.COMPLETED
        else [],
    }
    if context["can_terminate"]:
        context["forms"] = _forms(case, bound)
    audit_view(actor=user, obj=case, client=case.client, what=str(context["title"]))
    return render(request, "termination/case.html", context, status=status)


@login_required
@require_GET
def termination_case(request: HttpRequest, public_id) -> HttpResponse:
    case = get_case_for_user(_user(request), public_id)
    return _page(request, case)


def _end(
    request: HttpRequest,
    public_id,
    key: str,
    form: forms.Form,
    end: Callable[..., Termination],
    done: str,
) -> HttpResponse:
    user = _user(request)
    case = get_case_for_termination(user, public_id)
    if form.is_valid():
        try:
            termination = end(actor=user, case=case, **form.cleaned_data)
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            messages.success(request, done)
            if termination.kind == TerminationKind.TRANSFERRED:
                return redirect("client_list")  # the client's file is now the other office's
            return redirect("termination_case", case.public_id)
    return _page(request, case, {key: form}, status=400)


@login_required
@require_POST
def termination_complete(request: HttpRequest, public_id) -> HttpResponse:
    return _end(
        request,
        public_id,
        "complete",
        CompleteForm(request.POST),
        services.case_complete,
        _("Guidance completed. Generate the certificate below."),
    )


@login_required
@require_POST
def termination_died(request: HttpRequest, public_id) -> HttpResponse:
    return _end(
        request,
        public_id,
        "died",
        DeathForm(request.POST, request.FILES),
        services.case_record_death,
        _("The client's death is recorded and the case closed."),
    )


def _revoke(*, actor: User, case: SupervisionCase, **data: Any) -> Termination:
    return services.case_terminate_revoked(actor=actor, case=case, **data)


@login_required
@require_POST
def termination_revoke(request: HttpRequest, public_id) -> HttpResponse:
    return _end(
        request,
        public_id,
        "revoke",
        RevocationForm(request.POST),
        _revoke,
        _("The revocation is recorded and the case closed."),
    )


@login_required
@require_POST
def termination_transfer(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    case = get_case_for_termination(user, public_id)
    return _end(
        request,
        public_id,
        "transfer",
        TransferForm(request.POST, office_id=case.office_id),
        services.case_transfer,
        _("The client was handed over; the receiving Bapas has been told."),
    )


@login_required
@require_POST
def certificate_generate_view(request: HttpRequest, public_id) -> HttpResponseBase:
    user = _user(request)
    termination = get_termination_for_user(user, public_id)
    require(termination.kind == TerminationKind.COMPLETED)
    fmt = request.POST.get("fmt", "")
    if fmt not in DocumentFormat.values:
        messages.error(request, _("Choose DOCX or PDF."))
        return redirect("termination_case", public_id)
    generated = certificate_generate(actor=user, termination=termination, fmt=fmt)
    return document_response(generated)
