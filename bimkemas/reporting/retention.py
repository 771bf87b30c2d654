"""Selfies and locations of self check-ins are kept only as long as the office says
(`OfficeReportingSettings.retention_days`, UU 27/2022: biometrics are specific personal data).
The check-in itself — that the client reported, when and how — stays."""

import datetime as dt

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from bimkemas.accounts.models import Office
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.reporting.models import CheckIn, OfficeReportingSettings


def checkin_media_expire(*, now: dt.datetime | None = None) -> int:
    """Remove expired selfies and locations in every office; the number of check-ins cleared.
    Safe to run twice at once: a cleared check-in no longer matches, and a file already gone
    is skipped."""
    now = now or timezone.now()
    settings = {s.office_id: s for s in OfficeReportingSettings.objects.all()}
    cleared = 0
    for office in Office.objects.filter(cases__checkins__media_removed_at__isnull=True).distinct():
        days = (settings.get(office.pk) or OfficeReportingSettings()).retention_days
        cleared += _expire_office(office, now - dt.timedelta(days=days), now)
    return cleared


def _expire_office(office: Office, cutoff: dt.datetime, now: dt.datetime) -> int:
    with transaction.atomic():
        expired = CheckIn.objects.select_for_update().filter(
            ~Q(selfie="") | Q(latitude__isnull=False),
            case__office=office,
            occurred_at__lt=cutoff,
            media_removed_at__isnull=True,
        )
        files = [name for name in expired.values_list("selfie", flat=True) if name]
        count = expired.update(
            selfie="",
            latitude=None,
            longitude=None,
            accuracy_m=None,
            distance_from_home_m=None,
            media_removed_at=now,
        )
        if count:
            audit_record(
                actor=None,
                action=AuditAction.DELETE,
                obj=office,
                summary=f"Retention: selfies and locations of {count} check-ins removed",
            )
            transaction.on_commit(lambda: _delete_files(files))
    return count


def _delete_files(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)  # a missing file is not an error
