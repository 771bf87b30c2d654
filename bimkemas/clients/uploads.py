"""Upload checks (only PDF, JPEG and PNG, recognised by their first bytes, within the size
limit) and the staging of intake uploads between a form's submissions."""

import datetime as dt
import json
import os
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from bimkemas.clients.models import DocumentKind
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


# --- staging: uploads kept while the intake form is shown again --------------------------
#
# A browser cannot refill a file input, so when the intake form comes back (a duplicate
# warning, a mistake elsewhere) the files already sent are kept under MEDIA_ROOT in a folder
# named by the form's unguessable token, which the view only honours for the session that
# staged it. The folder is removed when the intake succeeds, and by anyone after a day.

STAGING_DIR = "intake-staging"
STAGING_MAX_AGE = dt.timedelta(days=1)
_MANIFEST = "manifest.json"


@dataclass(frozen=True)
class StagedFile:
    kind: str
    name: str
    size: int

    @property
    def label(self) -> str:
        return str(DocumentKind(self.kind).label)


def _folder(token: str) -> Path:
    return Path(settings.MEDIA_ROOT) / STAGING_DIR / token


def _manifest(folder: Path) -> dict[str, dict[str, Any]]:
    try:
        return json.loads((folder / _MANIFEST).read_text())
    except (OSError, ValueError):
        return {}


def _expired(folder: Path, now: float) -> bool:
    try:
        return now - folder.stat().st_mtime > STAGING_MAX_AGE.total_seconds()
    except OSError:
        return True


def stage_uploads(token: str, uploads: Iterable[tuple[str, UploadedFile]]) -> None:
    """Keep these uploads (kind, file) for the form with this token, replacing any of the
    same kind. Stale folders of other forms are removed on the way."""
    uploads = list(uploads)
    if not uploads:
        return
    purge_expired_staging()
    folder = _folder(token)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = _manifest(folder)
    for kind, upload in uploads:
        upload.seek(0)
        with (folder / kind).open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        upload.seek(0)
        manifest[kind] = {"name": (upload.name or kind)[:200], "size": upload.size or 0}
    (folder / _MANIFEST).write_text(json.dumps(manifest))
    os.utime(folder)


def staged_uploads(token: str) -> list[StagedFile]:
    folder = _folder(token)
    if not folder.is_dir() or _expired(folder, time.time()):
        return []
    return [
        StagedFile(kind=kind, name=entry["name"], size=entry["size"])
        for kind, entry in _manifest(folder).items()
        if (folder / kind).is_file()
    ]


def open_staged(token: str, kinds: Iterable[str]) -> list[tuple[str, File]]:
    """The staged files of these kinds, opened for reading; the caller closes them."""
    folder = _folder(token)
    wanted = set(kinds)
    return [
        (staged.kind, File((folder / staged.kind).open("rb"), name=staged.name))
        for staged in staged_uploads(token)
        if staged.kind in wanted
    ]


def unstage(token: str, kinds: Iterable[str]) -> None:
    kinds = list(kinds)
    folder = _folder(token)
    if not kinds or not folder.is_dir():
        return
    manifest = _manifest(folder)
    for kind in kinds:
        if manifest.pop(kind, None) is not None:
            (folder / kind).unlink(missing_ok=True)
    (folder / _MANIFEST).write_text(json.dumps(manifest))


def discard_staging(token: str) -> None:
    shutil.rmtree(_folder(token), ignore_errors=True)


def purge_expired_staging() -> int:
    """Remove the staging folders of forms abandoned more than a day ago."""
    root = Path(settings.MEDIA_ROOT) / STAGING_DIR
    if not root.is_dir():
        return 0
    now = time.time()
    expired = [folder for folder in root.iterdir() if folder.is_dir() and _expired(folder, now)]
    for folder in expired:
        shutil.rmtree(folder, ignore_errors=True)
    return len(expired)
