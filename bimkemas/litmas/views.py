"""Litmas pages: the office's requests, registering one, the request page (timeline,
tracking slip, assignment, review), the report editor, versions, documents, and the public
tracking page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from bimkemas.accounts.models import User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_clients_listed, audit_record, audit_view
from bimkemas.clients.access import require, visible_clients
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import add_application_errors
from bimkemas.litmas import access, selectors, services
from bimkemas.litmas.forms import (
    SOURCE_CHOICES,
    AssignForm,
    NoteForm,
    RequestForm,
    TrackForm,
    source_rows,
    sources_from_post,
)
from bimkemas.litmas.models import (
    LitmasReport,
    LitmasVersion,
    ReportStatus,
    RequestStatus,
    SourceKind,
)
from bimkemas.tpp.models import TppSession

PAGE_SIZE = 25


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _report(litmas) -> LitmasReport | None:
    return LitmasReport.objects.filter(request=litmas).select_related("outline", "author").first()


@login_required
def request_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    requests = access.visible_requests(user).select_related("client", "officer", "report")
    status = request.GET.get("status", "")
    if status in RequestStatus.values:
        requests = requests.filter(status=status)
    elif status != "all":
        requests = requests.open()
    if request.GET.get("mine"):
        requests = requests.filter(officer=user)
    page = Paginator(requests.order_by("due_on", "pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page)
    audit_clients_listed(
        actor=user,
        clients=[r.client for r in rows if r.client_id],
        where=_("Litmas requests"),
        query=request.GET.urlencode(),
    )
    context = {
        "page": page,
        "rows": rows,
        "day": today(),
        "status": status,
        "statuses": RequestStatus.choices,
        "can_register": access.can_register(user),
        "query": f"status={status}" if status else "",
    }
    return render(request, "litmas/request_list.html", context)


def _client_by_number(user: User, number: str):
    number = number.strip()
    if not number:
        return None
    clients = visible_clients(user)
    found = clients.filter(nik=number).first()
    if found is None:
        case = SupervisionCase.objects.filter(register_number=number, client__in=clients).first()
        found = case.client if case else None
    if found is None:
        raise ApplicationError(_("No client of this Bapas has this number."), field="client_number")
    return found


@login_required
def request_create(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    require(access.can_register(user))
    form = RequestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("client_number", "letter")}
        try:
            client = _client_by_number(user, form.cleaned_data["client_number"])
            assert user.office is not None
            created = services.request_create(
                actor=user,
                office=user.office,
                data=data,
                client=client,
                letter=form.cleaned_data.get("letter"),
            )
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            messages.success(
                request,
                _("Litmas request registered. Tracking code: %(code)s")
                % {"code": created.tracking_display},
            )
            return redirect("litmas_request_detail", created.public_id)
    return render(request, "litmas/request_form.html", {"form": form})


def _detail_context(user: User, litmas) -> dict:
    report = _report(litmas)
    officers = []
    if access.can_assign(user, litmas):
        officers = list(
            User.objects.working_for(litmas.office_id, today()).filter(role__in=("pk", "apk"))
        )
    return {
        "litmas": litmas,
        "report": report,
        "versions": report.versions.select_related("created_by") if report else [],
        "steps": litmas.steps.all(),
        "day": today(),
        "assign_form": AssignForm(
            officers=officers,
            initial={"officer": litmas.officer.public_id if litmas.officer else ""},
        ),
        "note_form": NoteForm(),
        "can_assign": bool(officers)
        and litmas.status in (RequestStatus.RECEIVED, RequestStatus.ASSIGNED),
        "can_cancel": access.can_assign(user, litmas) and litmas.is_open,
        "can_write": access.can_write(user, litmas),
        "can_review": report is not None
        and report.status == "submitted"
        and access.can_review(user, report),
        "can_acknowledge": report is not None
        and report.status == "reviewed"
        and access.can_acknowledge(user, report),
        "can_mark_sent": litmas.status == RequestStatus.ACKNOWLEDGED
        and access.can_mark_sent(user, litmas),
        "can_print": report is not None,
    }


@login_required
def request_detail(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    litmas = access.get_request_for_user(user, public_id)
    audit_view(actor=user, obj=litmas, client=litmas.client, what=_("Litmas request"))
    return render(request, "litmas/request_detail.html", _detail_context(user, litmas))


@login_required
def request_slip(request: HttpRequest, public_id) -> HttpResponse:
    litmas = access.get_request_for_user(_user(request), public_id)
    return render(request, "litmas/slip.html", {"litmas": litmas})


@login_required
def request_letter(request: HttpRequest, public_id) -> FileResponse:
    user = _user(request)
    litmas = access.get_request_for_user(user, public_id)
    require(bool(litmas.letter))
    audit_record(
        actor=user,
        action=AuditAction.DOWNLOAD,
        obj=litmas,
        client=litmas.client,
        summary="Requesting letter",
    )
    return FileResponse(
        litmas.letter.open("rb"),
        content_type=litmas.letter_content_type or "application/octet-stream",
    )


def _act(request: HttpRequest, public_id, action) -> HttpResponse:
    user = _user(request)
    litmas = access.get_request_for_user(user, public_id)
    try:
        message = action(user, litmas)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, message)
    return redirect("litmas_request_detail", litmas.public_id)


@login_required
@require_POST
def request_assign(request: HttpRequest, public_id) -> HttpResponse:
    def assign(user, litmas):
        officer = (
            User.objects.filter(public_id=request.POST.get("officer") or None).first()
            if _uuid(request.POST.get("officer"))
            else None
        )
        if officer is None:
            raise ApplicationError(_("Choose a PK."))
        services.request_assign(actor=user, request=litmas, officer=officer)
        return _("Assigned to %(name)s.") % {"name": officer}

    return _act(request, public_id, assign)


def _uuid(text) -> bool:
    import uuid

    try:
        uuid.UUID(str(text))
    except ValueError:
        return False
    return True


@login_required
@require_POST
def request_cancel(request: HttpRequest, public_id) -> HttpResponse:
    def cancel(user, litmas):
        services.request_cancel(actor=user, request=litmas, note=request.POST.get("note", "")[:500])
        return _("Request cancelled.")

    return _act(request, public_id, cancel)


@login_required
@require_POST
def request_mark_sent(request: HttpRequest, public_id) -> HttpResponse:
    def sent(user, litmas):
        services.request_mark_sent(actor=user, request=litmas)
        return _("Marked as sent to the requester.")

    return _act(request, public_id, sent)


@login_required
@require_POST
def report_start(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    litmas = access.get_request_for_user(user, public_id)
    try:
        services.report_start(actor=user, request=litmas)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("litmas_request_detail", litmas.public_id)
    return redirect("litmas_report_edit", litmas.public_id)


@login_required
def report_edit(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    litmas = access.get_request_for_user(user, public_id)
    report = _report(litmas)
    require(
        report is not None
        and access.can_write(user, litmas)
        and report.status in (ReportStatus.DRAFT, ReportStatus.SUBMITTED)
    )
    assert report is not None
    error = None
    if request.method == "POST":
        content = {
            state.code: selectors.from_text(
                state.kind, request.POST.get(f"section_{state.code}", "")
            )
            for state in selectors.section_states(report, {})
            if f"section_{state.code}" in request.POST  # only what the form sent
        }
        try:
            services.report_save(
                actor=user,
                report=report,
                content=content,
                sources=sources_from_post(request.POST) if "source_kind" in request.POST else None,
                tpp_session=_tpp_session(litmas, request.POST.get("tpp_session", "")),
            )
        except ApplicationError as failure:
            error = failure
            if _htmx(request):
                return render(request, "litmas/partials/autosave.html", {"error": failure})
        else:
            if _htmx(request) and not request.POST.get("submit"):
                return render(request, "litmas/partials/autosave.html", {"saved": timezone.now()})
            if request.POST.get("submit"):
                try:
                    services.report_submit(actor=user, report=report)
                except ApplicationError as failure:
                    error = failure
                else:
                    messages.success(request, _("Litmas submitted for review."))
                    return redirect("litmas_request_detail", litmas.public_id)
            else:
                messages.success(request, _("Saved."))
                return redirect("litmas_report_edit", litmas.public_id)
    report.refresh_from_db()
    version = report.current
    context = {
        "litmas": litmas,
        "report": report,
        "version": version,
        "sections": selectors.section_states(report, version.content),
        "sources": source_rows(version.sources),
        "source_choices": SOURCE_CHOICES,
        "tpp_sessions": _office_sessions(litmas),
        "error": error,
    }
    audit_view(actor=user, obj=report, client=litmas.client, what=_("Litmas editor"))
    return render(request, "litmas/report_edit.html", context)


def _htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _office_sessions(litmas):
    return TppSession.objects.filter(office_id=litmas.office_id).order_by("-held_on")[:30]


def _tpp_session(litmas, value: str):
    if not _uuid(value):
        return None
    return TppSession.objects.filter(office_id=litmas.office_id, public_id=value).first()


@login_required
@require_POST
def report_review(request: HttpRequest, public_id) -> HttpResponse:
    def review(user, litmas):
        report = access.get_report_for_user(user, litmas.public_id)
        approve = request.POST.get("decision") == "approve"
        services.report_review(
            actor=user, report=report, approve=approve, note=request.POST.get("note", "")
        )
        return _("Litmas approved.") if approve else _("Litmas returned to the PK.")

    return _act(request, public_id, review)


@login_required
@require_POST
def report_acknowledge(request: HttpRequest, public_id) -> HttpResponse:
    def acknowledge(user, litmas):
        report = access.get_report_for_user(user, litmas.public_id)
        approve = request.POST.get("decision") != "return"
        services.report_acknowledge(
            actor=user, report=report, approve=approve, note=request.POST.get("note", "")
        )
        return _("Litmas acknowledged.") if approve else _("Litmas returned to the PK.")

    return _act(request, public_id, acknowledge)


@login_required
def version_detail(request: HttpRequest, public_id, number: int) -> HttpResponse:
    user = _user(request)
    report = access.get_report_for_user(user, public_id)
    version = (
        LitmasVersion.objects.filter(report=report, number=number)
        .select_related("created_by")
        .first()
    )
    require(version is not None)
    assert version is not None
    audit_view(actor=user, obj=report, client=report.request.client, what=f"Litmas v{number}")
    context = {
        "litmas": report.request,
        "report": report,
        "version": version,
        "sections": selectors.section_states(report, version.content),
        "sources": [
            {**source, "label": SourceKind(source["kind"]).label} for source in version.sources
        ],
    }
    return render(request, "litmas/version_detail.html", context)


@login_required
@require_POST
def report_document(request: HttpRequest, public_id, fmt: str) -> FileResponse:
    from bimkemas.documents.services import document_generate
    from bimkemas.documents.views import document_response
    from bimkemas.litmas.document import litmas_content

    user = _user(request)
    report = access.get_report_for_user(user, public_id)
    require(fmt in ("docx", "pdf"))
    generated = document_generate(
        actor=user,
        source=report,
        office=report.request.office,
        content=litmas_content(report),
        fmt=fmt,
        client=report.request.client,
        **_litmas_kind(),
    )
    return document_response(generated)


def _litmas_kind() -> dict:
    from bimkemas.documents.models import DocumentKind

    return {"kind": DocumentKind.LITMAS}


@never_cache
def track(request: HttpRequest) -> HttpResponse:
    """Public: a requester follows their litmas by its code. No personal data."""
    form = TrackForm(request.GET or None)
    result = None
    limited = False
    if form.is_valid():
        if selectors.tracking_allowed():
            result = selectors.public_status(form.cleaned_data["code"])
        else:
            limited = True
    status = 429 if limited else 200
    return render(
        request,
        "litmas/track.html",
        {"form": form, "result": result, "limited": limited},
        status=status,
    )
