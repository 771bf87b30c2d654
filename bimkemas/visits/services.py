"""Writes of home visits: plan, record (from the form or a phone's offline queue), cancel.

The caller has checked access (`access.get_visit_for_user(write=True)` or
`clients.access.get_case_for_editing`); each service also refuses a case that is closed.
"""

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bimkemas.accounts.models import User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.clients.models import SupervisionCase
from bimkemas.clients.uploads import check_upload
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.files import atomic_with_files, store_file
from bimkemas.core.validators import clean_person_text
from bimkemas.reporting.models import Channel
from bimkemas.reporting.services.checkins import checkin_record
from bimkemas.visits.models import (
    HomeVisit,
    PersonKind,
    VisitPhoto,
    VisitReason,
    VisitStatus,
)

MAX_PHOTOS = 3
MAX_PERSONS = 10
TEXT_MAX_LENGTH = 2000
NAME_MAX_LENGTH = 200
KEY_MAX_LENGTH = 90  # stored with a "visit:" prefix as the check-in's key (100 characters)
OUTCOMES = (VisitStatus.DONE, VisitStatus.NOT_FOUND)


class IdempotencyKeyReused(ApplicationError):
    """A key already used for a visit was sent again with other content."""


def _lock_open_case(case: SupervisionCase) -> None:
    case.status, case.guidance_start, case.guidance_end = (
        SupervisionCase.objects.select_for_update()
        .filter(pk=case.pk)
        .values_list("status", "guidance_start", "guidance_end")
        .get()
    )
    if not case.is_open:
        raise ApplicationError(_("This case is closed: no visit can be planned or recorded."))


def _clean_text(value: object, *, field: str, limit: int = TEXT_MAX_LENGTH) -> str:
    if not isinstance(value, str):
        raise ApplicationError(_("Enter text."), field=field)
    text = value.strip()
    if not text:
        return ""
    if len(text) > limit:
        raise ApplicationError(
            _("Write at most %(limit)d characters.") % {"limit": limit}, field=field
        )
    try:
        return clean_person_text(text)
    except ValidationError as error:
        raise ApplicationError(error.messages[0], field=field) from error


# --- plan ------------------------------------------------------------------------------


def visit_plan(
    *,
    actor: User,
    case: SupervisionCase,
    planned_on: dt.date,
    reason: str,
    note: str = "",
) -> HomeVisit:
    """Plan a visit of the case's client on `planned_on` (today or later, within the
    guidance). The case's officer makes it; a case holds one planned visit at a time."""
    with transaction.atomic():
        _lock_open_case(case)
        if reason not in VisitReason.values:
            raise ApplicationError(_("Choose the reason for the visit."), field="reason")
        if planned_on < today():
            raise ApplicationError(_("Choose today or a later day."), field="planned_on")
        if planned_on > case.guidance_end:
            raise ApplicationError(_("The guidance ends before that day."), field="planned_on")
        existing = HomeVisit.objects.planned().filter(case=case).first()
        if existing is not None:
            raise ApplicationError(
                _("A visit is already planned for %(day)s: cancel it first to plan another.")
                % {"day": existing.planned_on.strftime("%d/%m/%Y") if existing.planned_on else ""},
                field="planned_on",
            )
        visit = HomeVisit.objects.create(
            case=case,
            officer=case.officer or actor,
            planned_on=planned_on,
            reason=reason,
            note=_clean_text(note, field="note"),
            planned_by=actor,
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            obj=visit,
            client=case.client,
            summary=_("Home visit planned for %(day)s") % {"day": planned_on.strftime("%d/%m/%Y")},
        )
    return visit


# --- record ----------------------------------------------------------------------------


def _clean_persons(persons: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    cleaned = []
    for person in persons:
        if not isinstance(person, Mapping):
            raise ApplicationError(_("Enter who was met."), field="persons_met")
        kind = person.get("kind", "")
        name = person.get("name", "")
        if not kind and not (name or "").strip():
            continue  # an empty row of the form
        if kind not in PersonKind.values:
            raise ApplicationError(_("Choose who each person met is."), field="persons_met")
        cleaned.append(
            {"kind": kind, "name": _clean_text(name, field="persons_met", limit=NAME_MAX_LENGTH)}
        )
    if len(cleaned) > MAX_PERSONS:
        raise ApplicationError(
            _("List at most %(count)d persons.") % {"count": MAX_PERSONS}, field="persons_met"
        )
    return cleaned


def _clean_location(latitude: Any, longitude: Any, accuracy_m: Any) -> tuple[Any, Any, Any]:
    if latitude in (None, "") and longitude in (None, ""):
        return None, None, None
    try:
        lat = Decimal(str(latitude)).quantize(Decimal("0.000001"))
        lon = Decimal(str(longitude)).quantize(Decimal("0.000001"))
        accuracy = None if accuracy_m in (None, "") else int(accuracy_m)
    except (InvalidOperation, ValueError, TypeError) as error:
        raise ApplicationError(_("The location is not valid."), field="location") from error
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ApplicationError(_("The location is not valid."), field="location")
    if accuracy is not None and not 0 <= accuracy <= 1_000_000:
        raise ApplicationError(_("The location's accuracy is not valid."), field="accuracy_m")
    return lat, lon, accuracy


def _clean_visited_at(case: SupervisionCase, visited_at: dt.datetime) -> dt.datetime:
    if not isinstance(visited_at, dt.datetime):
        raise ApplicationError(_("Enter when the visit took place."), field="visited_at")
    if timezone.is_naive(visited_at):
        visited_at = timezone.make_aware(visited_at)
    # A minute of slack for a phone's clock running slightly ahead.
    if visited_at > timezone.now() + dt.timedelta(minutes=1):
        raise ApplicationError(_("The time of the visit is in the future."), field="visited_at")
    if timezone.localtime(visited_at).date() < case.guidance_start:
        raise ApplicationError(
            _("The time of the visit is before the guidance started."), field="visited_at"
        )
    return visited_at


def _clean_photos(photos: Sequence[UploadedFile]) -> list[tuple[UploadedFile, str]]:
    if len(photos) > MAX_PHOTOS:
        raise ApplicationError(
            _("Send at most %(count)d photos.") % {"count": MAX_PHOTOS}, field="photos"
        )
    checked = []
    for upload in photos:
        content_type = check_upload(upload, field="photos")
        if not content_type.startswith("image/"):
            raise ApplicationError(_("Only photos (JPEG or PNG) can be sent."), field="photos")
        checked.append((upload, content_type))
    return checked


def _file_digest(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def _fingerprint(visit: HomeVisit, planned_id: int | None, photos: Sequence[UploadedFile]) -> str:
    content = {
        # Not the time: a retried submission may be stamped anew (as check-ins do).
        "planned": planned_id,
        "recorded_by": visit.recorded_by_id,
        "status": visit.status,
        "reason": visit.reason,
        "persons_met": visit.persons_met,
        "findings": visit.findings,
        "follow_up": visit.follow_up,
        "location": [str(visit.latitude), str(visit.longitude), visit.accuracy_m],
        "photos": [_file_digest(upload) for upload in photos],
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def _earlier(case: SupervisionCase, key: str, fingerprint: str) -> HomeVisit | None:
    earlier = HomeVisit.objects.filter(case=case, idempotency_key=key).first()
    if earlier is not None and earlier.fingerprint != fingerprint:
        raise IdempotencyKeyReused(
            _(
                "This idempotency key was already used for a different visit. "
                "Send a new key for a new visit."
            ),
            field="idempotency_key",
        )
    return earlier


@atomic_with_files
def visit_record(
    *,
    actor: User,
    case: SupervisionCase,
    visit: HomeVisit | None = None,
    idempotency_key: str,
    visited_at: dt.datetime,
    latitude: Decimal | float | str | None = None,
    longitude: Decimal | float | str | None = None,
    accuracy_m: int | None = None,
    persons_met: Iterable[Mapping[str, Any]] = (),
    findings: str = "",
    follow_up: str = "",
    photos: Sequence[UploadedFile] = (),
    outcome: str = VisitStatus.DONE,
    reason: str = VisitReason.OTHER,
) -> HomeVisit:
    """Record a visit: the planned `visit`, or an unplanned one (for `reason`) when `visit`
    is None.

    1. Lock the case's row (two sends of one queued visit wait for each other here); a
       closed case is refused.
    2. Validate everything, so nothing is stored for bad input.
    3. A key already used returns its visit (same content; `replayed` is True on it) or is
       refused (other content).
    4. Store the visit and its photos; a done visit is also a wajib lapor contact
       (`checkin_record`, channel home visit: whether it counts is the office's setting).
    5. Audit."""
    _lock_open_case(case)
    if visit is not None and visit.case_id != case.pk:
        raise ApplicationError(_("This visit belongs to another case."))
    key = (idempotency_key or "").strip()
    if not key or len(key) > KEY_MAX_LENGTH or not key.isprintable() or " " in key:
        raise ApplicationError(
            _("The form's key is missing or not valid."), field="idempotency_key"
        )
    if outcome not in OUTCOMES:
        raise ApplicationError(_("Choose whether the client was met."), field="outcome")
    if visit is None and reason not in VisitReason.values:
        raise ApplicationError(_("Choose the reason for the visit."), field="reason")
    photos = list(photos)
    when = _clean_visited_at(case, visited_at)
    record = HomeVisit(
        case=case,
        officer=visit.officer if visit is not None else (case.officer or actor),
        recorded_by=actor,
        status=outcome,
        visited_at=when,
        persons_met=_clean_persons(persons_met),
        findings=_clean_text(findings, field="findings"),
        follow_up=_clean_text(follow_up, field="follow_up"),
        idempotency_key=key,
        reason=reason if visit is None else "",
    )
    record.latitude, record.longitude, record.accuracy_m = _clean_location(
        latitude, longitude, accuracy_m
    )
    checked = _clean_photos(photos)
    if outcome == VisitStatus.DONE and not record.findings:
        raise ApplicationError(_("Write what you found."), field="findings")
    record.fingerprint = _fingerprint(record, visit.pk if visit else None, photos)
    earlier = _earlier(case, key, record.fingerprint)
    if earlier is not None:
        earlier.replayed = True
        return earlier
    if visit is not None:
        visit.refresh_from_db(fields=["status"])
        if visit.status != VisitStatus.PLANNED:
            raise ApplicationError(
                _("This visit is no longer planned (%(status)s).")
                % {"status": visit.get_status_display()}
            )
        for name in (
            "officer", "recorded_by", "status", "visited_at", "persons_met", "findings",
            "follow_up", "idempotency_key", "latitude", "longitude", "accuracy_m", "fingerprint",
        ):  # fmt: skip
            setattr(visit, name, getattr(record, name))
        record = visit
    else:
        record.planned_by = None
    if outcome == VisitStatus.DONE and case.guidance_start <= today() <= case.guidance_end:
        record.checkin = checkin_record(
            actor=actor,
            case=case,
            channel=Channel.HOME_VISIT,
            occurred_at=when,
            note=record.findings,
            idempotency_key=f"visit:{key}",
            latitude=record.latitude,
            longitude=record.longitude,
            accuracy_m=record.accuracy_m,
        )
    record.save()
    for upload, content_type in checked:
        photo = VisitPhoto(visit=record, content_type=content_type)
        store_file(photo.file, upload.name or "foto", upload)
        photo.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if visit is None else AuditAction.UPDATE,
        obj=record,
        client=case.client,
        summary=_("Home visit recorded: %(outcome)s") % {"outcome": record.get_status_display()},
        changes={"status": [VisitStatus.PLANNED if visit else "", record.status]},
    )
    return record


# --- cancel ----------------------------------------------------------------------------


def visit_cancel(*, actor: User, visit: HomeVisit, reason: str = "") -> HomeVisit:
    """Cancel a planned visit (recorded visits stay as they are)."""
    with transaction.atomic():
        visit = (
            HomeVisit.objects.select_for_update().select_related("case__client").get(pk=visit.pk)
        )
        if visit.status != VisitStatus.PLANNED:
            raise ApplicationError(_("Only a planned visit can be cancelled."))
        visit.status = VisitStatus.CANCELLED
        visit.cancel_reason = _clean_text(reason, field="reason", limit=300)
        visit.save(update_fields=["status", "cancel_reason", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.STATUS,
            obj=visit,
            client=visit.case.client,
            summary=_("Home visit cancelled"),
            changes={"status": [VisitStatus.PLANNED, VisitStatus.CANCELLED]},
        )
    return visit


@atomic_with_files
def visit_photo_add(*, actor: User, visit: HomeVisit, photo: UploadedFile) -> VisitPhoto:
    """Add a photo to a recorded visit afterwards (the API sends photos one at a time); a
    visit keeps at most MAX_PHOTOS."""
    visit = HomeVisit.objects.select_for_update().select_related("case__client").get(pk=visit.pk)
    if not visit.is_recorded:
        raise ApplicationError(_("Record the visit before adding photos."), field="photo")
    if visit.photos.count() >= MAX_PHOTOS:
        raise ApplicationError(
            _("Send at most %(count)d photos.") % {"count": MAX_PHOTOS}, field="photo"
        )
    ((upload, content_type),) = _clean_photos([photo])
    added = VisitPhoto(visit=visit, content_type=content_type)
    store_file(added.file, upload.name or "foto", upload)
    added.save()
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=visit,
        client=visit.case.client,
        summary=_("Home visit photo added"),
    )
    return added
