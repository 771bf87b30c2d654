"""Huey tasks of wajib lapor (thin wrappers; `bimkemas run_huey` runs them)."""

from django.conf import settings
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from bimkemas.core.dates import today
from bimkemas.reporting.compliance import compliance_scan
from bimkemas.reporting.reminders import send_reminders
from bimkemas.reporting.retention import checkin_media_expire


@db_periodic_task(crontab(hour="1", minute="30"))
def scan_compliance() -> int:
    """Every night at 01:30 (TIME_ZONE): every office's closed periods; the violations opened."""
    scan = compliance_scan(day=today(), workers=settings.COMPLIANCE_SCAN_WORKERS)
    return len(scan.violations)


@db_periodic_task(crontab(minute="5"))
def send_reminders_hourly() -> int:
    """Every hour at :05: the day's reminders to clients (each queued once, sent by the
    outbox; those queued in quiet hours wait for their end)."""
    return len(send_reminders())


@db_periodic_task(crontab(hour="2", minute="15"))
def expire_checkin_media() -> int:
    """Every night at 02:15: selfies and locations older than each office's retention."""
    return checkin_media_expire()
