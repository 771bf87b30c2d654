"""The demo generator on a small office: homes in their kecamatan, past visits (each a wajib
lapor contact), and the demo PK's planned visits making a day route."""

import datetime as dt

import pytest

from bimkemas.accounts.models import Office, Role
from bimkemas.clients.models import Client, SupervisionCase
from bimkemas.clients.services import case_assign
from bimkemas.core.dates import today
from bimkemas.core.demo_context import DemoContext
from bimkemas.core.geo import distance_m
from bimkemas.reporting.models import CheckIn
from bimkemas.testing import make_user
from bimkemas.visits import demo
from bimkemas.visits.models import HomeVisit, VisitStatus
from bimkemas.visits.selectors import day_route

pytestmark = pytest.mark.django_db


def test_it_gives_homes_visits_and_a_day_route(office, make_case, bob):
    pk = make_user("pk", office, Role.PK, rank="muda")
    start = today() - dt.timedelta(days=300)
    for n in range(14):
        case = make_case(
            identity={"full_name": f"Klien Demo {n}", "nik": None},
            case={"guidance_start": start, "guidance_end": start + dt.timedelta(days=364)},
        )
        case_assign(actor=bob, case=case, officer=pk)
    ctx = DemoContext(seed=7, day=today(), office_ids=[office.pk], log=lambda _m: None)

    demo.generate(ctx)

    office = Office.objects.get(pk=office.pk)
    assert office.latitude is not None
    homes = Client.objects.exclude(home_latitude=None)
    assert homes.count() >= 10
    for client in homes:  # Ilir Timur I, Palembang: within a few km of its centroid
        centre = demo.KECAMATAN["Palembang"]["Ilir Timur I"]
        assert distance_m(*centre, client.home_latitude, client.home_longitude) < 2000
    done = HomeVisit.objects.filter(status=VisitStatus.DONE)
    assert done.exists()  # tahap akhir: about half visited
    assert CheckIn.objects.filter(channel="home_visit").count() == done.count()
    planned_today = HomeVisit.objects.filter(planned_on=today(), officer=pk)
    assert 1 <= planned_today.count() <= 10
    route = day_route(pk, today())
    assert len(route.stops) + len(route.unlocated) == planned_today.count()
    assert (
        len({v.case_id for v in HomeVisit.objects.filter(status="planned")})
        == HomeVisit.objects.filter(status="planned").count()
    )
    assert SupervisionCase.objects.count() == 14
