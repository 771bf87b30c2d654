"""Background matching: after each import (`match_new_records`, queued by the importer) and
every night for anything left over."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from bimkemas.linkage.services import matches_run


@db_task()
def match_new_records() -> int:
    """Compare the records not compared yet with the clients under supervision."""
    return matches_run().created


@db_periodic_task(crontab(hour="3", minute="10"))
def match_new_records_daily() -> int:
    return matches_run().created
