"""The office's document settings (Bapas head and section heads): the letterhead printed on
every document, and the office's own DOCX templates per kind, with the defaults to start from."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bimkemas.accounts.models import Office, User
from bimkemas.clients.access import can_supervise, require
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import add_application_errors
from bimkemas.documents import services
from bimkemas.documents.forms import LetterheadForm, TemplateUploadForm
from bimkemas.documents.models import (
    DocumentKind,
    DocumentTemplate,
    OfficeLetterhead,
    default_letterhead,
)
from bimkemas.documents.render import default_template_path

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _supervisor_office(request: HttpRequest) -> tuple[User, Office]:
    user = request.user
    assert isinstance(user, User)
    require(can_supervise(user) and user.office is not None)
    assert user.office is not None
    return user, user.office


def _kinds(office: Office) -> list[dict]:
    templates = DocumentTemplate.objects.filter(office=office).select_related("uploaded_by")
    by_kind: dict[str, list[DocumentTemplate]] = {}
    for template in templates.order_by("-uploaded_at", "-pk"):
        by_kind.setdefault(template.kind, []).append(template)
    return [
        {
            "kind": kind,
            "label": label,
            "active": next((t for t in by_kind.get(kind, []) if t.is_active), None),
            "templates": by_kind.get(kind, []),
        }
        for kind, label in DocumentKind.choices
    ]


def _page(
    request: HttpRequest,
    office: Office,
    *,
    upload_form: TemplateUploadForm | None = None,
    letterhead_form: LetterheadForm | None = None,
    status: int = 200,
) -> HttpResponse:
    letterhead = OfficeLetterhead.objects.filter(office=office).first()
    letterhead_form = letterhead_form or LetterheadForm(instance=letterhead)
    for name, default in default_letterhead(office).items():
        if default:
            text = _("Default: %(value)s") % {"value": " ".join(default.split())}
            letterhead_form.fields[name].help_text = text
    context = {
        "office": office,
        "kinds": _kinds(office),
        "upload_form": upload_form or TemplateUploadForm(),
        "letterhead_form": letterhead_form,
    }
    return render(request, "documents/office_settings.html", context, status=status)


@login_required
@require_GET
def office_settings(request: HttpRequest) -> HttpResponse:
    _user, office = _supervisor_office(request)
    return _page(request, office)


@login_required
@require_POST
def letterhead_save(request: HttpRequest) -> HttpResponse:
    user, office = _supervisor_office(request)
    form = LetterheadForm(request.POST, instance=OfficeLetterhead(office=office))
    if form.is_valid():
        try:
            services.letterhead_update(actor=user, office=office, data=form.cleaned_data)
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            messages.success(request, _("The letterhead was saved."))
            return redirect("document_settings")
    return _page(request, office, letterhead_form=form, status=400)


@login_required
@require_POST
def template_upload(request: HttpRequest) -> HttpResponse:
    user, office = _supervisor_office(request)
    form = TemplateUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.document_template_upload(
                actor=user,
                office=office,
                kind=form.cleaned_data["kind"],
                file=form.cleaned_data["file"],
                note=form.cleaned_data["note"],
            )
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            messages.success(request, _("The template was saved and is now in use."))
            return redirect("document_settings")
    return _page(request, office, upload_form=form, status=400)


def _office_template(office: Office, public_id) -> DocumentTemplate:
    template = DocumentTemplate.objects.filter(public_id=public_id, office=office).first()
    if template is None:
        raise Http404
    return template


@login_required
@require_POST
def template_activate(request: HttpRequest, public_id) -> HttpResponse:
    user, office = _supervisor_office(request)
    template = _office_template(office, public_id)
    if request.POST.get("use") == "default":
        services.document_template_deactivate(actor=user, template=template)
        messages.success(request, _("The built-in template is used again."))
    else:
        services.document_template_activate(actor=user, template=template)
        messages.success(request, _("The template is now in use."))
    return redirect("document_settings")


@login_required
@require_GET
def template_file(request: HttpRequest, public_id) -> FileResponse:
    _user, office = _supervisor_office(request)
    template = _office_template(office, public_id)
    name = template.original_name or f"{template.kind}.docx"
    return FileResponse(
        template.file.open("rb"), content_type=DOCX, as_attachment=True, filename=name
    )


@login_required
@require_GET
def template_default(request: HttpRequest, kind: str) -> FileResponse:
    _supervisor_office(request)
    if kind not in DocumentKind.values:
        raise Http404
    path = default_template_path(kind)
    return FileResponse(
        path.open("rb"), content_type=DOCX, as_attachment=True, filename=f"{kind}-default.docx"
    )
