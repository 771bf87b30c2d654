"""The nightly scan spread over processes (PostgreSQL) concludes exactly what one process
does, office by office."""

import datetime as dt

import pytest
from django.db import connection

from bimkemas.reporting.compliance import compliance_scan
from bimkemas.reporting.models import PeriodOutcome
from bimkemas.violations.models import Violation

DAY = dt.date(2026, 5, 10)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="processes share a PostgreSQL database"
    ),
]


def stored() -> list[tuple]:
    return list(
        PeriodOutcome.objects.order_by("case_id", "starts_on").values_list(
            "case_id", "starts_on", "outcome", "consecutive_misses"
        )
    )


def test_two_processes_conclude_what_one_does(make_case, alice, other_office):
    start = {"guidance_start": dt.date(2026, 1, 1)}
    make_case(officer=alice, case=start, identity={"full_name": "Klien Pertama"})
    make_case(officer=alice, case=start, identity={"full_name": "Klien Kedua", "nik": None})
    alone = compliance_scan(day=DAY)
    by_one = stored()
    PeriodOutcome.objects.all().delete()
    Violation.objects.all().delete()

    spread = compliance_scan(day=DAY, workers=2)

    assert stored() == by_one
    assert spread.offices == alone.offices >= 2
    assert spread.cases == alone.cases == 2
    assert spread.outcomes == alone.outcomes
    assert len(spread.violations) == len(alone.violations) == 2  # a third miss each
