"""Check-ins: one record for every reporting contact, whoever records it.

`checkin_record` is for staff (front desk, phone/video/chat, home visit, TPP, a report by
family or the RT head), `checkin_submit_self` for the client's own app, `checkin_review` for
the officer who looks at a check-in with a concern. Both creators share `_create`.
"""

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bimkemas.accounts.models import User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.clients.access import can_supervise
from bimkemas.clients.models import Client, SupervisionCase
from bimkemas.clients.uploads import check_upload
from bimkemas.core.errors import ApplicationError
from bimkemas.core.files import atomic_with_files, store_file
from bimkemas.core.geo import distance_m
from bimkemas.core.validators import clean_person_text
from bimkemas.reporting.models import (
    Channel,
    CheckIn,
    CheckInPhoto,
    ClientAccess,
    Concern,
    OfficeReportingSettings,
    Reporter,
    ReviewStatus,
    SupportNeed,
)

# The standard questions of every contact, in the order they are asked.
QUESTIONS: dict[str, Any] = {
    "condition": gettext_lazy("Condition (how they have been)"),
    "activity": gettext_lazy("Activity or work"),
    "social": gettext_lazy("Social environment"),
    "obstacles": gettext_lazy("Obstacles"),
    "plans": gettext_lazy("Plans"),
}
ANSWER_MAX_LENGTH = 500
NOTE_MAX_LENGTH = 2000
REPORTER_NAME_MAX_LENGTH = 200
MAX_PHOTOS = 5
FAR_FROM_HOME_M = 5000
STAFF_CHANNELS = tuple(channel for channel in Channel if channel != Channel.APP)


class Feeling(models.TextChoices):
    """The app's "how have you been" answer, stored as the `condition` answer."""

    GOOD = "good", gettext_lazy("Good")
    OKAY = "okay", gettext_lazy("So-so")
    STRUGGLING = "struggling", gettext_lazy("Struggling")


class IdempotencyKeyReused(ApplicationError):
    """A key already used for a check-in was sent again with other content."""


@atomic_with_files
def checkin_record(
    *,
    actor: User,
    case: SupervisionCase,
    channel: str,
    occurred_at: dt.datetime,
    reporter: str = Reporter.CLIENT,
    reporter_name: str = "",
    answers: Mapping[str, str] | None = None,
    needs: Sequence[str] = (),
    wants_call_back: bool = False,
    note: str = "",
    evidence: UploadedFile | None = None,
    idempotency_key: str = "",
    latitude: Decimal | float | None = None,
    longitude: Decimal | float | None = None,
    accuracy_m: int | None = None,
) -> CheckIn:
    """A contact recorded by staff: in person, online, home visit, TPP, or a proxy report.
    The caller has checked that `actor` may write the case's client."""
    if channel not in STAFF_CHANNELS:
        raise ApplicationError(_("Choose how the contact took place."), field="channel")
    if evidence is not None:
        check_upload(evidence, field="evidence")
    checkin = CheckIn(
        case=case,
        channel=channel,
        recorded_by=actor,
        reporter=reporter,
        reporter_name=" ".join((reporter_name or "").split()),
        note=(note or "").strip(),
        wants_call_back=wants_call_back,
    )
    files = {"evidence": [evidence] if evidence is not None else []}
    return _create(
        checkin,
        actor=actor,
        occurred_at=occurred_at,
        answers=answers or {},
        needs=needs,
        location=(latitude, longitude, accuracy_m),
        files=files,
        idempotency_key=idempotency_key,
    )


@atomic_with_files
def checkin_submit_self(
    *,
    access: ClientAccess,
    case: SupervisionCase,
    occurred_at: dt.datetime,
    answers: Mapping[str, str] | None = None,
    needs: Sequence[str] = (),
    wants_call_back: bool = False,
    selfie: UploadedFile | None = None,
    photos: Iterable[UploadedFile] = (),
    latitude: Decimal | float | None = None,
    longitude: Decimal | float | None = None,
    accuracy_m: int | None = None,
    idempotency_key: str = "",
) -> CheckIn:
    """A self check-in from the client's app (possibly sent late from the offline queue).
    Its distance from home is measured when the client's home location is known."""
    if case.client_id != access.client_id:
        raise ApplicationError(_("This is not your case."))
    photos = list(photos)
    if len(photos) > MAX_PHOTOS:
        raise ApplicationError(
            _("Send at most %(count)d photos.") % {"count": MAX_PHOTOS}, field="photos"
        )
    for upload in [selfie, *photos]:
        if upload is not None and not check_upload(upload, field="photos").startswith("image/"):
            raise ApplicationError(_("Only photos (JPEG or PNG) can be sent."), field="photos")
    checkin = CheckIn(case=case, channel=Channel.APP, wants_call_back=wants_call_back)
    files = {"selfie": [selfie] if selfie is not None else [], "photos": photos}
    return _create(
        checkin,
        actor=None,
        occurred_at=occurred_at,
        answers=answers or {},
        needs=needs,
        location=(latitude, longitude, accuracy_m),
        files=files,
        idempotency_key=idempotency_key,
    )


def _create(
    checkin: CheckIn,
    *,
    actor: User | None,
    occurred_at: dt.datetime,
    answers: Mapping[str, str],
    needs: Sequence[str],
    location: tuple[Any, Any, Any],
    files: dict[str, list[UploadedFile]],
    idempotency_key: str,
) -> CheckIn:
    """1. Lock the case's row, read afresh: refused unless under guidance today. Two
       submissions with one key wait for each other here (SQLite's immediate transactions
       already run one writer), so the second finds the first.
    2. Validate the input, so nothing is stored for bad input.
    3. A key already used returns its check-in (same content; `replayed` is True on it) or is
       refused (other content).
    4. Store the files and the row, compute its concerns, audit it."""
    case = checkin.case
    _lock_active_case(case)
    checkin.occurred_at = _clean_occurred_at(case, occurred_at)
    checkin.answers = _clean_answers(answers)
    checkin.needs = _clean_needs(needs)
    checkin.latitude, checkin.longitude, checkin.accuracy_m = _clean_location(*location)
    checkin.distance_from_home_m = _distance_from_home(case, checkin)
    _clean_reporter(checkin)
    _clean_note(checkin)
    checkin.idempotency_key = idempotency_key
    checkin.fingerprint = _fingerprint(checkin, files) if idempotency_key else ""
    if idempotency_key:
        earlier = _earlier(checkin)
        if earlier is not None:
            earlier.replayed = True
            return earlier
    checkin.counts = OfficeReportingSettings.for_office(case.office_id).channel_counts(
        checkin.channel
    )
    _store_files(checkin, files)
    checkin.concerns = concerns_of(checkin)
    checkin.review_status = ReviewStatus.PENDING if checkin.concerns else ReviewStatus.NOT_NEEDED
    checkin.save()
    for upload in files.get("photos", []):
        photo = CheckInPhoto(checkin=checkin, content_type=check_upload(upload, field="photos"))
        store_file(photo.file, upload.name or "foto", upload)
        photo.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=checkin,
        client=case.client,
        summary=_("Check-in recorded: %(channel)s") % {"channel": checkin.get_channel_display()},
    )
    return checkin


def _lock_active_case(case: SupervisionCase) -> None:
    case.status, case.guidance_start, case.guidance_end = (
        SupervisionCase.objects.select_for_update()
        .filter(pk=case.pk)
        .values_list("status", "guidance_start", "guidance_end")
        .get()
    )
    day = timezone.localdate()
    if not case.is_open or not case.guidance_start <= day <= case.guidance_end:
        raise ApplicationError(
            _("This case is not under guidance today, so no report can be recorded."),
            field="case",
        )


def _clean_occurred_at(case: SupervisionCase, occurred_at: dt.datetime) -> dt.datetime:
    if timezone.is_naive(occurred_at):
        occurred_at = timezone.make_aware(occurred_at)
    # A minute of slack for a phone's clock running slightly ahead.
    if occurred_at > timezone.now() + dt.timedelta(minutes=1):
        raise ApplicationError(_("The time of the report is in the future."), field="occurred_at")
    if timezone.localtime(occurred_at).date() < case.guidance_start:
        raise ApplicationError(
            _("The time of the report is before the guidance started."), field="occurred_at"
        )
    return occurred_at


def _clean_text(value: object, *, field: str, limit: int) -> str:
    if not isinstance(value, str):
        raise ApplicationError(_("Enter text."), field=field)
    text = value.strip()
    if len(text) > limit:
        raise ApplicationError(
            _("Write at most %(limit)d characters.") % {"limit": limit}, field=field
        )
    try:
        return clean_person_text(text)
    except ValidationError as error:
        raise ApplicationError(error.messages[0], field=field) from error


def _clean_answers(answers: Mapping[str, str]) -> dict[str, str]:
    unknown = set(answers) - set(QUESTIONS)
    if unknown:
        raise ApplicationError(_("Unknown question: %(name)s.") % {"name": sorted(unknown)[0]})
    cleaned = {
        name: _clean_text(answers[name], field=name, limit=ANSWER_MAX_LENGTH)
        for name in QUESTIONS
        if name in answers
    }
    return {name: text for name, text in cleaned.items() if text}


def _clean_needs(needs: Sequence[str]) -> list[str]:
    unknown = [need for need in needs if need not in SupportNeed.values]
    if unknown:
        raise ApplicationError(_("Unknown kind of support."), field="needs")
    return [need for need in SupportNeed.values if need in needs]


def _clean_location(latitude: Any, longitude: Any, accuracy_m: Any) -> tuple[Any, Any, Any]:
    if latitude is None and longitude is None:
        return None, None, None
    try:
        lat = Decimal(str(latitude)).quantize(Decimal("0.000001"))
        lon = Decimal(str(longitude)).quantize(Decimal("0.000001"))
    except (InvalidOperation, ValueError) as error:
        raise ApplicationError(_("The location is not valid."), field="location") from error
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ApplicationError(_("The location is not valid."), field="location")
    if accuracy_m is not None and not 0 <= int(accuracy_m) <= 1_000_000:
        raise ApplicationError(_("The location's accuracy is not valid."), field="accuracy_m")
    return lat, lon, None if accuracy_m is None else int(accuracy_m)


def _distance_from_home(case: SupervisionCase, checkin: CheckIn) -> int | None:
    if checkin.latitude is None or checkin.longitude is None:
        return None
    home_lat, home_lon = (
        Client.objects.filter(pk=case.client_id)
        .values_list("home_latitude", "home_longitude")
        .get()
    )
    if home_lat is None or home_lon is None:
        return None
    return distance_m(home_lat, home_lon, checkin.latitude, checkin.longitude)


def _clean_reporter(checkin: CheckIn) -> None:
    if checkin.reporter not in Reporter.values:
        raise ApplicationError(_("Choose who reported."), field="reporter")
    if checkin.reporter == Reporter.CLIENT:
        checkin.reporter_name = ""
        return
    if not checkin.reporter_name:
        raise ApplicationError(
            _("Enter the name of the person who reported for the client."), field="reporter_name"
        )
    checkin.reporter_name = _clean_text(
        checkin.reporter_name, field="reporter_name", limit=REPORTER_NAME_MAX_LENGTH
    )


def _clean_note(checkin: CheckIn) -> None:
    if checkin.note:
        checkin.note = _clean_text(checkin.note, field="note", limit=NOTE_MAX_LENGTH)


def _file_digest(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def _fingerprint(checkin: CheckIn, files: dict[str, list[UploadedFile]]) -> str:
    content = {
        # Not the time: a retried submission that did not say when may be stamped anew.
        "recorded_by": checkin.recorded_by_id,
        "channel": checkin.channel,
        "reporter": checkin.reporter,
        "reporter_name": checkin.reporter_name,
        "answers": checkin.answers,
        "needs": checkin.needs,
        "wants_call_back": checkin.wants_call_back,
        "note": checkin.note,
        "location": [str(checkin.latitude), str(checkin.longitude), checkin.accuracy_m],
        "files": {name: [_file_digest(f) for f in uploads] for name, uploads in files.items()},
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def _earlier(checkin: CheckIn) -> CheckIn | None:
    # One key per case (the constraint); the author is part of the fingerprint.
    earlier = CheckIn.objects.filter(
        case=checkin.case, idempotency_key=checkin.idempotency_key
    ).first()
    if earlier is not None and earlier.fingerprint != checkin.fingerprint:
        raise IdempotencyKeyReused(
            _(
                "This idempotency key was already used for a different check-in. "
                "Send a new key for a new check-in."
            ),
            field="idempotency_key",
        )
    return earlier


def _store_files(checkin: CheckIn, files: dict[str, list[UploadedFile]]) -> None:
    for name in ("selfie", "evidence"):
        for upload in files.get(name, []):
            store_file(getattr(checkin, name), upload.name or name, upload)


def concerns_of(checkin: CheckIn) -> list[str]:
    """What an officer should look at: a wish to be called back, a client struggling, and
    for the app a check-in far from home, without a selfie or without a location."""
    concerns = []
    if checkin.wants_call_back:
        concerns.append(Concern.CALL_BACK)
    if checkin.answers.get("condition", "").lower() == Feeling.STRUGGLING:
        concerns.append(Concern.STRUGGLING)
    if checkin.distance_from_home_m is not None and checkin.distance_from_home_m > FAR_FROM_HOME_M:
        concerns.append(Concern.FAR_FROM_HOME)
    if checkin.channel == Channel.APP:
        if not checkin.selfie:
            concerns.append(Concern.NO_SELFIE)
        if checkin.latitude is None:
            concerns.append(Concern.NO_LOCATION)
    return [str(concern) for concern in concerns]


def can_review(user: User, checkin: CheckIn) -> bool:
    """The case's officer, or a supervisor of the case's office."""
    case = checkin.case
    if can_supervise(user):
        return user.office_id == case.office_id
    return user.is_officer and case.officer_id == user.pk and case.is_open


@transaction.atomic
def checkin_review(*, actor: User, checkin: CheckIn, note: str = "") -> CheckIn:
    """Mark a check-in with a concern as reviewed, with the officer's note."""
    checkin = CheckIn.objects.select_for_update().select_related("case__client").get(pk=checkin.pk)
    if not can_review(actor, checkin):
        raise ApplicationError(_("Only the case's officer or a supervisor can review it."))
    if checkin.review_status != ReviewStatus.PENDING:
        raise ApplicationError(_("This check-in has already been reviewed."))
    checkin.review_note = _clean_text(note, field="note", limit=NOTE_MAX_LENGTH) if note else ""
    checkin.review_status = ReviewStatus.REVIEWED
    checkin.reviewed_by = actor
    checkin.reviewed_at = timezone.now()
    checkin.save(update_fields=["review_note", "review_status", "reviewed_by", "reviewed_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=checkin,
        client=checkin.case.client,
        summary=_("Check-in reviewed"),
        changes={"review_status": [ReviewStatus.PENDING, ReviewStatus.REVIEWED]},
    )
    return checkin
