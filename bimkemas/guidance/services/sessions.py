"""Guidance activities: a session (individual: one client; group: many at once) with one
attendance row per client, optionally linked to an item of the client's plan."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from bimkemas.accounts.models import User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.clients.access import writable_clients
from bimkemas.clients.models import SupervisionCase
from bimkemas.clients.uploads import check_upload
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.files import atomic_with_files, store_file
from bimkemas.guidance.models import (
    Attendance,
    AttendanceStatus,
    GuidanceArea,
    GuidanceMethod,
    GuidanceSession,
    PlanItem,
    SessionKind,
    SessionPhoto,
)

MAX_PHOTOS = 3
MAX_ATTENDANCES = 200


@dataclass
class AttendanceInput:
    case: SupervisionCase
    status: str = AttendanceStatus.ATTENDED
    plan_item: PlanItem | None = None
    note: str = ""


def _check_fields(kind: str, method: str, area: str, title: str, held_on: dt.date) -> None:
    errors: dict[str, list[str]] = {}
    if kind not in SessionKind.values:
        errors["kind"] = [_("Choose individual or group.")]
    if method not in GuidanceMethod.values:
        errors["method"] = [_("Choose a method.")]
    if area not in GuidanceArea.values:
        errors["area"] = [_("Choose an area.")]
    if not title.strip():
        errors["title"] = [_("Give the activity a title.")]
    if held_on is None or held_on > today():
        errors["held_on"] = [_("The date cannot be in the future.")]
    if errors:
        raise ApplicationError(errors=errors)


def _check_attendances(actor: User, kind: str, attendances: list[AttendanceInput]) -> None:
    if not attendances:
        raise ApplicationError(_("Choose at least one client."), field="attendances")
    if kind == SessionKind.INDIVIDUAL and len(attendances) != 1:
        raise ApplicationError(
            _("An individual session has exactly one client."), field="attendances"
        )
    if len(attendances) > MAX_ATTENDANCES:
        raise ApplicationError(_("Too many clients for one session."), field="attendances")
    case_ids = [row.case.pk for row in attendances]
    if len(set(case_ids)) != len(case_ids):
        raise ApplicationError(_("A client is listed twice."), field="attendances")
    reachable = set(
        SupervisionCase.objects.open()
        .filter(pk__in=case_ids, client__in=writable_clients(actor))
        .values_list("pk", flat=True)
    )
    if reachable != set(case_ids):
        raise ApplicationError(
            _("Only open cases in your charge can be recorded."), field="attendances"
        )
    if len({row.case.office_id for row in attendances}) != 1:
        raise ApplicationError(_("All clients of a session belong to one office."))
    for row in attendances:
        if row.status not in AttendanceStatus.values:
            raise ApplicationError(_("Choose the attendance."), field="attendances")
        if row.plan_item is not None and row.plan_item.plan.case_id != row.case.pk:
            raise ApplicationError(
                _("A plan item belongs to another client's plan."), field="attendances"
            )


def _check_photos(photos: list[UploadedFile]) -> list[str]:
    if len(photos) > MAX_PHOTOS:
        raise ApplicationError(
            _("Attach at most %(count)d photos.") % {"count": MAX_PHOTOS}, field="photos"
        )
    types = [check_upload(photo, field="photos") for photo in photos]
    if any(not content_type.startswith("image/") for content_type in types):
        raise ApplicationError(_("Only photos (JPEG or PNG) can be attached."), field="photos")
    return types


@atomic_with_files
def session_record(
    *,
    actor: User,
    held_on: dt.date,
    kind: str,
    method: str,
    area: str,
    title: str,
    attendances: Iterable[AttendanceInput],
    place: str = "",
    notes: str = "",
    led_by: User | None = None,
    partner: str = "",
    photos: Iterable[UploadedFile] = (),
) -> GuidanceSession:
    """Record a session and who attended; every client must be in the actor's charge."""
    attendances, photos = list(attendances), list(photos)
    _check_fields(kind, method, area, title, held_on)
    _check_attendances(actor, kind, attendances)
    types = _check_photos(photos)
    office_id = attendances[0].case.office_id
    session = GuidanceSession.objects.create(
        office_id=office_id,
        held_on=held_on,
        kind=kind,
        method=method,
        area=area,
        title=title.strip()[:200],
        place=place.strip()[:200],
        notes=notes.strip()[:5000],
        led_by=led_by or actor,
        partner=partner.strip()[:200],
        recorded_by=actor,
    )
    Attendance.objects.bulk_create(
        [
            Attendance(
                session=session,
                case=row.case,
                status=row.status,
                plan_item=row.plan_item,
                note=row.note.strip()[:500],
            )
            for row in attendances
        ]
    )
    for upload, content_type in zip(photos, types, strict=True):
        photo = SessionPhoto(session=session, content_type=content_type)
        store_file(photo.file, upload.name or "foto", upload)
        photo.save()
    for row in attendances:
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            obj=session,
            client=row.case.client,
            summary=_("Guidance activity recorded: %(title)s (%(status)s)")
            % {"title": session.title, "status": AttendanceStatus(row.status).label},
        )
    return session
