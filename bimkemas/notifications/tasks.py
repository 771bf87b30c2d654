"""Huey tasks (thin wrappers): `bimkemas run_huey` runs them; see delivery.deliver_due."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from bimkemas.notifications.delivery import deliver_due


@db_periodic_task(crontab(minute="*"))
def deliver_notifications() -> int:
    return deliver_due()
