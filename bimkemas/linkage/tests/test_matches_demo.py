"""The demo's records on a small office: returning clients under altered names found by the
real matcher (shipped model), the demo PK's alerts, a history of decisions, and removal."""

import datetime as dt

import pytest

from bimkemas.accounts.models import Role
from bimkemas.clients.services import case_assign
from bimkemas.core.dates import today
from bimkemas.core.demo_context import DemoContext
from bimkemas.linkage import demo
from bimkemas.linkage.models import ExternalRecord, ImportBatch, MatchCandidate
from bimkemas.testing import make_nik, make_user

pytestmark = pytest.mark.django_db

NAMES = (
    "Muhammad Rizki Saputra",
    "Ahmad Fauzi",
    "Budi Santoso",
    "Dedi Kurniawan",
    "Hendra Gunawan",
    "Joko Susilo",
    "Rahmat Hidayat",
    "Agus Salim Harahap",
    "Suryadi Wijaya",
    "Yusuf Ibrahim",
    "Andi Pratama",
    "Rudi Hartono",
)


@pytest.fixture
def small_demo(monkeypatch):
    monkeypatch.setattr(demo, "ADMISSIONS", 150)
    monkeypatch.setattr(demo, "DECISIONS", 30)


def test_the_demo_finds_returning_clients_and_alerts_the_demo_pk(
    office, make_case, bob, alice, small_demo
):
    pk = make_user("pk", office, Role.PK, rank="muda")
    start = today() - dt.timedelta(days=200)
    for n, name in enumerate(NAMES):
        born = dt.date(1980 + n, 1 + n % 12, 3 + n)
        case = make_case(
            identity={"full_name": name, "birth_date": born, "nik": make_nik(born)},
            case={"guidance_start": start, "guidance_end": start + dt.timedelta(days=700)},
        )
        case_assign(actor=bob, case=case, officer=pk if n < 4 else alice)
    ctx = DemoContext(seed=3, day=today(), office_ids=[office.pk], log=lambda _m: None)

    demo.generate(ctx)

    assert ExternalRecord.objects.count() >= 180 + len(NAMES)
    assert ExternalRecord.objects.filter(matched_at__isnull=True).count() == 0
    pending_alerts = MatchCandidate.objects.filter(
        status="pending", band="alert", client__cases__officer=pk
    )
    assert pending_alerts.count() >= 2
    assert MatchCandidate.objects.exclude(status="pending").exists()  # a history of decisions
    assert not MatchCandidate.objects.filter(client__cases__officer=pk).exclude(status="pending")

    demo.remove([office.pk])

    assert not MatchCandidate.objects.exists()
    assert not ExternalRecord.objects.exists() and not ImportBatch.objects.exists()


@pytest.mark.parametrize("kind", demo.ALTERATIONS)
def test_each_alteration_changes_the_identity(make_case, kind):
    import random

    client = make_case(
        identity={"full_name": "Muhammad Yusuf Effendi", "birth_date": dt.date(1990, 4, 9)}
    ).client

    altered = demo.alter(client, kind, random.Random(1))

    changed = (altered["full_name"], altered["birth_date"], altered["nik"])
    assert changed != (client.full_name, client.birth_date, client.nik)
