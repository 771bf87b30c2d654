"""Serving a violation's evidence file, for the page and the API alike: access-checked,
audited as a download, never cached."""

import uuid

from django.http import FileResponse, Http404

from bimkemas.accounts.models import User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.violations.access import get_attachment_for_user

# Opened in the browser on the page; every type is a download through the API.
INLINE_TYPES = {"application/pdf", "image/jpeg", "image/png"}


def attachment_response(
    user: User, violation_id: uuid.UUID, attachment_id: uuid.UUID, *, inline: bool
) -> FileResponse:
    attachment = get_attachment_for_user(user, violation_id, attachment_id)
    try:
        stream = attachment.file.open("rb")
    except OSError as error:
        raise Http404 from error
    audit_record(
        actor=user,
        action=AuditAction.DOWNLOAD,
        obj=attachment,
        client=attachment.violation.case.client,
        summary=str(attachment),
    )
    response = FileResponse(
        stream,
        content_type=attachment.content_type,
        as_attachment=not (inline and attachment.content_type in INLINE_TYPES),
        filename=attachment.original_name,
    )
    response["Cache-Control"] = "private, no-store"
    return response
