import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from bimkemas.clients.models import Client
from bimkemas.core.dates import today
from bimkemas.visits.services import visit_plan, visit_record

PALEMBANG = (Decimal("-2.976000"), Decimal("104.745000"))


@pytest.fixture
def office_located(office):
    office.latitude, office.longitude = PALEMBANG
    office.save(update_fields=["latitude", "longitude"])
    return office


def set_home(case, lat: str, lon: str) -> None:
    Client.objects.filter(pk=case.client_id).update(
        home_latitude=Decimal(lat), home_longitude=Decimal(lon)
    )


def record(actor, case, *, key: str = "k-1", visit=None, **extra):
    data = {
        "visited_at": timezone.now() - dt.timedelta(minutes=5),
        "latitude": "-2.990000",
        "longitude": "104.760000",
        "accuracy_m": 12,
        "persons_met": [{"kind": "client", "name": "Budi"}, {"kind": "family", "name": "Siti"}],
        "findings": "Klien ada di rumah, bekerja di bengkel.",
        "follow_up": "Kunjungan lagi bulan depan.",
    }
    data.update(extra)
    return visit_record(actor=actor, case=case, visit=visit, idempotency_key=key, **data)


@pytest.fixture
def planned(case, alice):
    return visit_plan(actor=alice, case=case, planned_on=today(), reason="routine", note="")


@pytest.fixture
def api_as():
    from bimkemas.api.tests.conftest import ApiClient

    return ApiClient
