"""Client pages: the list, the record, its edit form, phones and documents."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bimkemas.accounts.models import User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_client_view, audit_clients_listed, audit_record
from bimkemas.clients import services
from bimkemas.clients.access import (
    can_edit_case,
    can_supervise,
    get_case_for_user,
    get_client_for_user,
    get_document_for_user,
    get_phone_for_user,
    require,
    writable_clients,
)
from bimkemas.clients.caseload import officers_with_load
from bimkemas.clients.forms import (
    ClientFilterForm,
    ClientForm,
    DocumentForm,
    PhoneForm,
)
from bimkemas.clients.models import Client, SupervisionCase
from bimkemas.clients.selectors import latest_case_of, search_clients
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import add_application_errors
from bimkemas.core.panels import client_panels

PAGE_SIZE = 50
INLINE_TYPES = ("application/pdf", "image/jpeg", "image/png")


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _error_status(request: HttpRequest) -> int:
    # htmx 2 does not swap 4xx responses by default, so an htmx form gets its errors with 200.
    return 200 if _is_htmx(request) else 400


@login_required
def client_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    office_id = user.office_id
    require(office_id is not None and not user.is_national_viewer)
    assert office_id is not None
    officers = officers_with_load(office_id) if can_supervise(user) else None
    form = ClientFilterForm(request.GET, user=user, officers=officers)
    day = today()
    page = Paginator(search_clients(user, form.filters(), day=day), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    open_cases = {
        case.client_id: case
        for case in SupervisionCase.objects.open()
        .filter(client__in=[client.pk for client in page])
        .select_related("programme", "officer", "office")
    }
    query = request.GET.copy()
    query.pop("page", None)
    audit_clients_listed(
        actor=user, clients=list(page), where=_("Client list"), query=query.urlencode()
    )
    context = {
        "form": form,
        "page": page,
        "rows": [_row(client, open_cases.get(client.pk), day) for client in page],
        "day": day,
        "query": query.urlencode(),
        "show_officer": officers is not None,
    }
    if _is_htmx(request):
        return render(request, "clients/partials/client_rows.html", context)
    return render(request, "clients/client_list.html", context)


def _row(client: Client, case: SupervisionCase | None, day) -> tuple:
    return client, case, case.stage_on(day) if case else None


def _detail_context(request: HttpRequest, client: Client, **extra: Any) -> dict[str, Any]:
    user = _user(request)
    case = latest_case_of(client)
    writable = writable_clients(user).filter(pk=client.pk).exists()
    context: dict[str, Any] = {
        "client": client,
        "case": case,
        "day": today(),
        "age": client.age_on(today()),
        "writable": writable,
        "supervise": can_supervise(user),
        "can_edit_case": case is not None and case.is_open and can_edit_case(user, case),
        "phones": client.phones.all(),
        "phone_form": PhoneForm(),
        "document_form": DocumentForm(),
        "guarantors": client.guarantors.all(),
        "contacts": client.local_contacts.all(),
        "earlier_cases": client.cases.select_related("programme", "officer").order_by(
            "-received_on", "-pk"
        ),
    }
    if case is not None:
        context["stage"] = case.stage_on(context["day"])
        context["earlier_cases"] = context["earlier_cases"].exclude(pk=case.pk)
        context["documents"] = case.documents.select_related("uploaded_by")
        context["assignments"] = case.assignments.select_related("officer", "assigned_by")
    context["panels"] = client_panels(request, client, case)
    context.update(extra)
    return context


def _render_detail(request: HttpRequest, client: Client, status: int = 200, **extra: Any):
    audit_client_view(actor=_user(request), client=client)
    context = _detail_context(request, client, **extra)
    return render(request, "clients/client_detail.html", context, status=status)


@login_required
def client_detail(request: HttpRequest, public_id) -> HttpResponse:
    client = get_client_for_user(_user(request), public_id)
    services.assignment_mark_seen(actor=_user(request), client=client)
    return _render_detail(request, client)


@login_required
def client_edit(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    client = get_client_for_user(user, public_id, write=True)
    audit_client_view(actor=user, client=client, what=_("Edit form"))
    if request.method != "POST":
        form = ClientForm(instance=client, office=client.office)
        return render(request, "clients/client_edit.html", {"client": client, "form": form})
    form = ClientForm(request.POST, instance=client, office=client.office)
    if form.is_valid():
        try:
            services.client_update(actor=user, client=client, data=form.service_data())
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            messages.success(request, _("The client's record was saved."))
            return redirect("client_detail", public_id=client.public_id)
    context = {"client": client, "form": form}
    return render(request, "clients/client_edit.html", context, status=400)


def _phones_response(
    request: HttpRequest, client: Client, form: PhoneForm, status: int = 200, error: str = ""
) -> HttpResponse:
    """The phones partial for htmx; otherwise the page again (errors) or a redirect to it."""
    if _is_htmx(request):
        context = {"client": client, "phones": client.phones.all(), "writable": True}
        context.update(phone_form=form, phone_error=error)
        return render(request, "clients/partials/phones.html", context, status=status)
    if status != 200:
        return _render_detail(request, client, status, phone_form=form, phone_error=error)
    return redirect("client_detail", public_id=client.public_id)


@login_required
@require_POST
def phone_add(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    client = get_client_for_user(user, public_id, write=True)
    form = PhoneForm(request.POST)
    if form.is_valid():
        try:
            services.phone_add(actor=user, client=client, **form.cleaned_data)
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            if not _is_htmx(request):
                messages.success(request, _("The phone number was added."))
            return _phones_response(request, client, PhoneForm())
    return _phones_response(request, client, form, status=_error_status(request))


@login_required
@require_POST
def phone_check(request: HttpRequest, public_id, phone_id) -> HttpResponse:
    user = _user(request)
    phone = get_phone_for_user(user, public_id, phone_id, write=True)
    client = phone.client
    reachable = {"1": True, "0": False}.get(request.POST.get("reachable", ""))
    if reachable is None:
        error = _("Say whether the number was reachable.")
        return _phones_response(request, client, PhoneForm(), _error_status(request), error)
    services.phone_set_reachable(actor=user, phone=phone, reachable=reachable)
    if not _is_htmx(request):
        messages.success(request, _("The phone check was recorded."))
    return _phones_response(request, client, PhoneForm())


@login_required
@require_POST
def document_upload(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    case = get_case_for_user(user, public_id, write=True)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.document_add(
                actor=user,
                case=case,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
            )
        except ApplicationError as error:
            # The service names the field after the document kind; it is the file's fault.
            form.add_error("file", [m for ms in error.errors.values() for m in ms])
        else:
            messages.success(request, _("The document was uploaded."))
            return redirect("client_detail", public_id=case.client.public_id)
    client = get_client_for_user(user, case.client.public_id)
    return _render_detail(request, client, status=400, document_form=form)


@login_required
def document_download(request: HttpRequest, public_id) -> FileResponse:
    user = _user(request)
    document = get_document_for_user(user, public_id)
    try:
        stream = document.file.open("rb")
    except OSError as error:
        raise Http404 from error
    audit_record(
        actor=user,
        action=AuditAction.DOWNLOAD,
        obj=document,
        client=document.case.client,
        summary=str(document),
    )
    response = FileResponse(
        stream,
        content_type=document.content_type,
        as_attachment=document.content_type not in INLINE_TYPES,
        filename=document.original_name,
    )
    response["Cache-Control"] = "private, no-store"
    return response
