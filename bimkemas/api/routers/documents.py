import uuid

from django.http import FileResponse, HttpRequest
from ninja import Router

from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.clients.access import get_document_for_user

router = Router(tags=["documents"])

FILE_RESPONSE = {
    "responses": {
        "200": {
            "description": "The file",
            "content": {
                kind: {"schema": {"type": "string", "format": "binary"}}
                for kind in ("application/pdf", "image/jpeg", "image/png")
            },
        }
    }
}


@router.get("/documents/{document_id}", response=READ_ERRORS, openapi_extra=FILE_RESPONSE)
def document_download(request: HttpRequest, document_id: uuid.UUID):
    """The file of a handover document, for whoever may read its case; audited."""
    user = actor(request)
    document = get_document_for_user(user, document_id)
    audit_record(
        actor=user,
        action=AuditAction.DOWNLOAD,
        obj=document,
        client=document.case.client,
        summary=str(document),
    )
    return FileResponse(
        document.file.open("rb"),
        content_type=document.content_type,
        as_attachment=True,
        filename=document.original_name,
    )
