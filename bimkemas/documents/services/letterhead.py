"""An office's letterhead (kop surat)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bimkemas.accounts.models import Office, User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record, changes_between, snapshot
from bimkemas.core.errors import ApplicationError
from bimkemas.documents.models import OfficeLetterhead

LETTERHEAD_FIELDS = (
    "ministry",
    "regional_office",
    "office_line",
    "address",
    "phone",
    "email",
    "website",
    "city",
)
LETTERHEAD_LIMITS = {
    "ministry": 500,
    "regional_office": 200,
    "office_line": 200,
    "address": 500,
    "phone": 60,
    "email": 254,
    "website": 120,
    "city": 80,
}


@transaction.atomic
def letterhead_update(*, actor: User, office: Office, data: dict[str, str]) -> OfficeLetterhead:
    """Save the office's kop surat; an empty line falls back to its default. Audited with
    each change (old → new)."""
    letterhead = OfficeLetterhead.objects.select_for_update().filter(office=office).first()
    created = letterhead is None
    letterhead = letterhead or OfficeLetterhead(office=office)
    before = snapshot(letterhead, LETTERHEAD_FIELDS)
    for name in LETTERHEAD_FIELDS:
        if name in data:
            value = (data[name] or "").strip()
            if len(value) > LETTERHEAD_LIMITS[name] or "\x00" in value:
                raise ApplicationError(_("This value is too long or not valid."), field=name)
            setattr(letterhead, name, value)
    try:
        letterhead.full_clean(exclude=["office"])
    except ValidationError as error:
        raise ApplicationError.from_validation_error(error) from error
    letterhead.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        obj=letterhead,
        summary=f"Letterhead of {office}",
        changes=changes_between(before, snapshot(letterhead, LETTERHEAD_FIELDS)),
    )
    return letterhead
