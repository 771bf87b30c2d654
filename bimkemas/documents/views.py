"""Downloading a generated document, and generating a guidance card version."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from bimkemas.accounts.models import User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.clients.access import get_case_for_user
from bimkemas.clients.models import Client
from bimkemas.core.errors import ApplicationError
from bimkemas.documents import services
from bimkemas.documents.access import get_generated_document_for_user
from bimkemas.documents.models import DocumentFormat, GeneratedDocument


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def document_response(generated: GeneratedDocument) -> FileResponse:
    """The file of a generated document: a PDF opens in the browser, a DOCX is saved. Other
    apps' views return it right after `document_generate` (whose audit row covers it)."""
    try:
        stream = generated.file.open("rb")
    except OSError as error:
        raise Http404 from error
    response = FileResponse(
        stream,
        content_type=generated.content_type,
        as_attachment=generated.fmt != DocumentFormat.PDF,
        filename=generated.filename,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def document_download(request: HttpRequest, public_id) -> FileResponse:
    user = _user(request)
    document = get_generated_document_for_user(user, public_id)
    response = document_response(document)
    audit_record(
        actor=user,
        action=AuditAction.DOWNLOAD,
        obj=document,
        client=_client_key(document),
        summary=str(document),
    )
    return response


def _client_key(document: GeneratedDocument) -> Client | None:
    """The audit row's client from the document's plain key, without loading the client."""
    return Client(pk=document.client_pk) if document.client_pk is not None else None


@login_required
@require_POST
def guidance_card_generate(request: HttpRequest, public_id) -> HttpResponseBase:
    """A new version of the case's guidance card, as the button's format; returned at once."""
    user = _user(request)
    case = get_case_for_user(user, public_id, write=True)
    try:
        document = services.guidance_card_generate(
            actor=user, case=case, fmt=request.POST.get("fmt", "")
        )
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("client_detail", case.client.public_id)
    return document_response(document)
