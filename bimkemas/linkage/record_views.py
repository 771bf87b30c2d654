"""Pages of the external records: the list, one record with its raw fields, the import form
with the history of imports, and one import's result. Every page that shows records is an
audited read."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from bimkemas.accounts.models import User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_records, audit_view
from bimkemas.clients.access import require
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import add_application_errors
from bimkemas.linkage.imports import SOURCES
from bimkemas.linkage.record_access import (
    can_import_records,
    get_batch_for_user,
    get_record_for_user,
    search_records,
    visible_batches,
)
from bimkemas.linkage.record_forms import RecordFilterForm, RecordImportForm
from bimkemas.linkage.record_services import records_import

PAGE_SIZE = 50
HISTORY_SIZE = 20
# Helper ALERTS's section of the record page (the matches of the record), when it exists.
MATCHES_TEMPLATE = "linkage/partials/record_matches.html"


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _may_list(user: User) -> bool:
    return can_import_records(user) or user.is_officer


@login_required
@require_GET
def record_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    require(_may_list(user))
    form = RecordFilterForm(request.GET)
    page = Paginator(search_records(user, **form.filters()), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    where = _("External records")
    summary = f"{where}: {query.urlencode()}" if query else where
    audit_records(
        actor=user, action=AuditAction.LIST, rows=[(record, None, summary) for record in page]
    )
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "can_import": can_import_records(user),
    }
    if getattr(request, "htmx", False):
        return render(request, "linkage/partials/records_rows.html", context)
    return render(request, "linkage/records_list.html", context)


def _matches_template() -> str:
    try:
        get_template(MATCHES_TEMPLATE)
    except TemplateDoesNotExist:
        return ""
    return MATCHES_TEMPLATE


@login_required
@require_GET
def record_detail(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    record = get_record_for_user(user, public_id)
    audit_view(actor=user, obj=record, client=None, what=_("External record"))
    context: dict[str, Any] = {
        "record": record,
        "raw": list(record.raw.items()),
        "matches_template": _matches_template(),
        "can_import": can_import_records(user),
    }
    return render(request, "linkage/records_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def record_import(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    require(can_import_records(user))
    form = RecordImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            batch = records_import(
                actor=user,
                source=form.cleaned_data["source"],
                file_name=upload.name,
                content=upload.read(),
                partial=form.cleaned_data["partial"],
            )
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            messages.info(request, batch.get_status_display())
            return redirect("record_import_detail", batch.public_id)
    context = {
        "form": form,
        "history": visible_batches(user).select_related("imported_by")[:HISTORY_SIZE],
        "specs": [
            (value, label, SOURCES[value].columns)
            for value, label in form.fields["source"].choices  # type: ignore[attr-defined]
        ],
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "linkage/imports.html", context, status=status)


@login_required
@require_GET
def record_import_detail(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    batch = get_batch_for_user(user, public_id)
    problems = batch.problems
    context = {
        "batch": batch,
        "errors": [p for p in problems if p.get("kind", "error") != "notice"],
        "notices": [p for p in problems if p.get("kind") == "notice"],
    }
    audit_view(actor=user, obj=batch, client=None, what=_("Import of external records"))
    return render(request, "linkage/imports_batch.html", context)
