"""Huey tasks of wajib lapor (thin wrappers; `bimkemas run_huey` runs them)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from bimkemas.core.dates import today
from bimkemas.reporting.compliance import compliance_scan


@db_periodic_task(crontab(hour="1", minute="30"))
def scan_compliance() -> int:
    """Every night at 01:30 (TIME_ZONE): every office's closed periods; the violations opened."""
    return len(compliance_scan(day=today()).violations)
