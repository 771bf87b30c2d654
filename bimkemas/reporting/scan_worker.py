"""A process of a compliance scan spread over several (`compliance_scan(workers=N)`).

Spawned processes start empty: this module imports nothing of Django's models at its top,
so the pool can load it before `start` sets Django up on the caller's database."""

import datetime as dt
from typing import Any


def start(database: dict[str, Any]) -> None:
    import django
    from django.db import connection

    django.setup()
    connection.settings_dict.update(database)


def scan_office(office_id: int, day: dt.date) -> Any:
    from bimkemas.reporting.compliance import ScanResult, scan_one_office

    result = ScanResult(day=day, offices=1)
    scan_one_office(office_id, day, result)
    return result
