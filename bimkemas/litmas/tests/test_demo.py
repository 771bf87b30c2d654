import datetime as dt

import pytest
from django.core.cache import cache

from bimkemas.core.demo_context import DemoContext
from bimkemas.litmas.demo import DEMO_TRACKING_CODE, generate
from bimkemas.litmas.models import LitmasReport, LitmasRequest, RequestStatus

pytestmark = pytest.mark.django_db


def test_the_demo_makes_requests_in_every_status(case, alice, bob, carol, dave, client):
    ctx = DemoContext(
        seed=4, day=dt.date(2026, 12, 2), office_ids=[case.office_id], log=lambda _: None
    )
    generate(ctx)
    requests = LitmasRequest.objects.filter(office_id=case.office_id)
    assert requests.count() == 36
    assert {RequestStatus.RECEIVED, RequestStatus.ACKNOWLEDGED} <= set(
        requests.values_list("status", flat=True)
    )
    assert LitmasReport.objects.filter(status="acknowledged").exists()
    cache.clear()
    body = client.get(f"/api/v1/public/litmas/{DEMO_TRACKING_CODE}").json()
    assert body["found"] and body["status"] == "acknowledged"
