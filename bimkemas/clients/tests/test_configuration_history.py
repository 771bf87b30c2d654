"""Admin edits of a programme's caseload weight and of an office leave a history row
naming the editor."""

from decimal import Decimal

import pytest
from django.urls import reverse

from bimkemas.accounts.models import User
from bimkemas.testing import PASSWORD, login


@pytest.fixture
def root(db) -> User:
    return User.objects.create_superuser("root", password=PASSWORD, role="")


def test_it_records_who_changed_a_programme_weight(client, root, pb):
    login(client, root)

    response = client.post(
        reverse("admin:clients_programme_change", args=[pb.pk]),
        {"code": pb.code, "name": pb.name, "caseload_weight": "1.50", "is_active": "on"},
    )

    assert response.status_code == 302
    latest = pb.history.order_by("-history_id").first()
    assert (latest.caseload_weight, latest.history_user) == (Decimal("1.50"), root)


def test_it_records_who_changed_an_office(client, root, office):
    login(client, root)
    data = {
        "code": office.code,
        "name": office.name,
        "office_class": office.office_class,
        "register_format": office.register_format,
        "stage_awal_end": office.stage_awal_end,
        "stage_lanjutan_end": office.stage_lanjutan_end,
        "ending_soon_days": 45,
        "phone": "0711-123456",
    }
    for prefix in ("work_areas", "posts"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})

    response = client.post(reverse("admin:accounts_office_change", args=[office.pk]), data)

    assert response.status_code == 302, response.content.decode()[:1500]
    latest = office.history.order_by("-history_id").first()
    assert (latest.ending_soon_days, latest.history_user) == (45, root)
