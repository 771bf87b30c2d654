import datetime as dt

import pytest

from bimkemas.core.dates import today
from bimkemas.core.demo_context import DemoContext
from bimkemas.documents.models import GeneratedDocument
from bimkemas.testing import make_user
from bimkemas.violations.demo import generate, remove
from bimkemas.violations.models import LadderRung, Violation, ViolationDecision

pytestmark = pytest.mark.django_db


def test_the_demo_fills_palembang_and_remove_clears_it(office, make_case, alice, bob, dave):
    pk = make_user("pk", office, "pk", rank="muda")
    pk.work_areas.set(alice.work_areas.all())
    start = today() - dt.timedelta(days=200)
    for name in ("Ahmad Fauzi", "Rina Marlina", "Yusuf Hakim", "Dewi Sartika"):
        make_case(officer=pk, identity={"full_name": name}, case={"guidance_start": start})
    for name in ("Agus Salim", "Tono Sudirjo"):
        make_case(officer=alice, identity={"full_name": name}, case={"guidance_start": start})
    generate(DemoContext(seed=1, day=today(), office_ids=[office.pk], log=lambda _: None))

    mine = Violation.objects.filter(case__officer=pk)
    assert mine.filter(status="open").count() == 3
    assert mine.filter(status="dismissed").count() == 1
    assert list(
        ViolationDecision.objects.filter(case__officer=pk)
        .order_by("decided_on")
        .values_list("rung_name", flat=True)
    ) == ["Konseling (teguran lisan)", "Surat Peringatan I"]
    assert ViolationDecision.objects.filter(proposes_revocation=True).exists()
    assert len(set(Violation.objects.values_list("source", flat=True))) >= 3
    assert GeneratedDocument.objects.filter(kind="violation_letter").count() == 2

    remove([office.pk])
    assert not Violation.objects.exists() and not LadderRung.objects.exists()
