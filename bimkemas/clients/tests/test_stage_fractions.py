"""An office changes where its stages begin: every case's stored stage dates move with it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from bimkemas.audit.models import AuditEvent
from bimkemas.clients.services import office_set_stage_fractions
from bimkemas.clients.stages import Stage
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.testing import login, make_user


@pytest.fixture
def year_case(make_case, alice):
    start = today() - dt.timedelta(days=100)
    return make_case(
        officer=alice,
        case={"guidance_start": start, "guidance_end": start + dt.timedelta(days=399)},
    )


def test_it_moves_the_stage_dates_of_every_case(bob, office, year_case):
    office_set_stage_fractions(
        actor=bob, office=office, awal_end=Decimal("0.2"), lanjutan_end=Decimal("0.6")
    )

    year_case.refresh_from_db()
    start = year_case.guidance_start
    assert year_case.lanjutan_from == start + dt.timedelta(days=80)
    assert year_case.akhir_from == start + dt.timedelta(days=240)
    assert year_case.stage_on(today()) == Stage.LANJUTAN
    assert (
        year_case.__class__.objects.in_stage(Stage.LANJUTAN, today())
        .filter(pk=year_case.pk)
        .exists()
    )


def test_it_audits_the_change_of_fractions(bob, office, year_case):
    office_set_stage_fractions(
        actor=bob, office=office, awal_end=Decimal("0.3"), lanjutan_end=Decimal("0.7")
    )

    event = AuditEvent.objects.get(object_type="office")
    assert event.actor == bob
    assert event.changes["stage_awal_end"] == ["0.250", "0.3"]


def test_it_refuses_fractions_out_of_order(bob, office, year_case):
    before = (year_case.lanjutan_from, year_case.akhir_from)

    with pytest.raises(ApplicationError):
        office_set_stage_fractions(
            actor=bob, office=office, awal_end=Decimal("0.8"), lanjutan_end=Decimal("0.5")
        )

    year_case.refresh_from_db()
    assert (year_case.lanjutan_from, year_case.akhir_from) == before
    office.refresh_from_db()
    assert office.stage_awal_end == Decimal("0.250")


def test_it_recomputes_when_the_admin_changes_the_fractions(client, office, year_case):
    admin = make_user("admin", None, "", is_staff=True, is_superuser=True)
    login(client, admin)
    form = {
        "code": office.code,
        "name": office.name,
        "office_class": office.office_class,
        "register_format": office.register_format,
        "stage_awal_end": "0.2",
        "stage_lanjutan_end": "0.6",
        "ending_soon_days": "30",
    }
    for prefix in ("work_areas", "posts"):
        form.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    for area in office.work_areas.all():
        index = int(form["work_areas-TOTAL_FORMS"])
        form.update(
            {
                f"work_areas-{index}-id": str(area.pk),
                f"work_areas-{index}-office": str(office.pk),
                f"work_areas-{index}-kind": area.kind,
                f"work_areas-{index}-name": area.name,
            }
        )
        form["work_areas-TOTAL_FORMS"] = form["work_areas-INITIAL_FORMS"] = str(index + 1)

    response = client.post(reverse("admin:accounts_office_change", args=[office.pk]), form)

    assert response.status_code == 302, response.content.decode()[:2000]
    year_case.refresh_from_db()
    assert year_case.lanjutan_from == year_case.guidance_start + dt.timedelta(days=80)
