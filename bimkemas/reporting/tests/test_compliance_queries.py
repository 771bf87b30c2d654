"""The scan is set-based: its number of queries does not grow with the number of cases."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bimkemas.reporting.compliance import compliance_scan
from bimkemas.reporting.models import Channel, CheckIn, Excuse
from bimkemas.violations.models import Violation

DAY = dt.date(2026, 8, 10)
# lock, cases, rules (3), check-in days, excuses, upsert, stored outcomes, violations (3),
# unreachable phones, the content type of the audit rows; two savepoints and their releases
MAX_QUERIES = 18
NAMES = ["Andi", "Budi", "Citra", "Dedi", "Eka", "Fajar", "Gita", "Hadi", "Indra", "Joko"]


def make_cases(make_case, alice, count: int, first: int = 0) -> None:
    for number in range(first, first + count):
        case = make_case(
            officer=alice,
            case={"guidance_start": dt.date(2026, 1, 1)},
            identity={"full_name": f"{NAMES[number]} Saputra"},
        )
        CheckIn.objects.create(
            case=case,
            channel=Channel.APP,
            occurred_at=timezone.make_aware(dt.datetime(2026, 2, 10, 9)),
        )
        Excuse.objects.create(
            case=case,
            starts_on=dt.date(2026, 3, 1),
            ends_on=dt.date(2026, 3, 31),
            reason="Izin ke luar kota",
            granted_by=alice,
        )


def test_it_needs_as_many_queries_for_ten_cases_as_for_one(make_case, alice, office):
    make_cases(make_case, alice, 1)
    ContentType.objects.get_for_model(Violation)  # cached once per process
    with CaptureQueriesContext(connection) as one:
        compliance_scan(day=DAY, office_id=office.pk)
    make_cases(make_case, alice, len(NAMES) - 1, first=1)

    with CaptureQueriesContext(connection) as ten:
        result = compliance_scan(day=DAY, office_id=office.pk)

    # Each new case: January missed, February reported, March excused, April–June missed.
    assert len(result.violations) == len(NAMES) - 1
    assert len(ten) == len(one)


def test_it_scans_an_office_in_a_few_queries(
    make_case, alice, office, django_assert_max_num_queries
):
    make_cases(make_case, alice, len(NAMES))

    with django_assert_max_num_queries(MAX_QUERIES):
        result = compliance_scan(day=DAY, office_id=office.pk)

    assert len(result.violations) == len(NAMES)
