"""Upload checks: only PDF, JPEG and PNG, recognised by their first bytes, within the size limit."""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from bimkemas.core.errors import ApplicationError

SIGNATURES = {
    b"%PDF-": "application/pdf",
    b"\xff\xd8\xff": "image/jpeg",
    b"\x89PNG\r\n\x1a\n": "image/png",
}


def check_upload(upload: UploadedFile, *, field: str = "file") -> str:
    """Return the file's real content type, or refuse it with a message."""
    if not upload.size:
        raise ApplicationError(_("The file is empty."), field=field)
    if upload.size > settings.MAX_UPLOAD_BYTES:
        limit = settings.MAX_UPLOAD_BYTES // (1024 * 1024)
        raise ApplicationError(
            _("The file is larger than %(limit)d MB.") % {"limit": limit}, field=field
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for signature, content_type in SIGNATURES.items():
        if head.startswith(signature):
            return content_type
    raise ApplicationError(_("Only PDF, JPEG and PNG files can be uploaded."), field=field)
