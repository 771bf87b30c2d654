"""Coverage per officer on a crafted set: who has a current plan and evaluation for whom."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bimkemas.core.dates import today
from bimkemas.guidance.coverage import coverage_per_officer
from bimkemas.guidance.models import AgreementMethod, GuidanceStage
from bimkemas.guidance.services.evaluations import evaluation_approve
from bimkemas.guidance.services.plans import plan_agree, plan_propose
from bimkemas.guidance.tests.conftest import days_ago, write_evaluation

pytestmark = pytest.mark.django_db


def agree(case, actor, stage):
    plan = plan_propose(actor=actor, case=case, stage=stage)
    return plan_agree(actor=actor, plan=plan, agreed_on=today(), method=AgreementMethod.PAPER)


def approve(case, author, supervisor, stage):
    evaluation_approve(actor=supervisor, evaluation=write_evaluation(case, author, stage))


@pytest.fixture
def crafted(make_case, alice, pat, bob):
    """alice: 3 clients (awal with plan; lanjutan with plan and awal approved; akhir with
    neither). pat: 1 client in lanjutan, plan agreed, awal approved."""
    awal = make_case(officer=alice, identity={"full_name": "Awal Satu"})
    lanjutan = make_case(
        officer=alice,
        identity={"full_name": "Lanjut Dua"},
        case={"guidance_start": days_ago(150)},
    )
    akhir = make_case(
        officer=alice,
        identity={"full_name": "Akhir Tiga"},
        case={"guidance_start": days_ago(300)},
    )
    pats = make_case(
        officer=pat,
        identity={"full_name": "Punya Pat"},
        case={"guidance_start": days_ago(150)},
    )
    agree(awal, alice, GuidanceStage.AWAL)
    agree(lanjutan, alice, GuidanceStage.LANJUTAN)
    approve(lanjutan, alice, bob, GuidanceStage.AWAL)
    agree(pats, pat, GuidanceStage.LANJUTAN)
    approve(pats, pat, bob, GuidanceStage.AWAL)
    # An ended stage's plan does not count for the current stage.
    agree(akhir, alice, GuidanceStage.LANJUTAN)
    return {"awal": awal, "lanjutan": lanjutan, "akhir": akhir, "pat": pats}


def test_coverage_per_officer(crafted, office, alice, pat):
    coverage = coverage_per_officer(office.pk, today())

    rows = {row.officer: row for row in coverage.officers}
    assert (rows[alice].clients, rows[alice].with_current_plan) == (3, 2)
    # awal counts as current; lanjutan has its awal approved; akhir lacks both.
    assert rows[alice].with_current_evaluation == 2
    assert (rows[pat].clients, rows[pat].with_current_plan, rows[pat].with_current_evaluation) == (
        1,
        1,
        1,
    )
    assert rows[alice].plan_share == pytest.approx(2 / 3)
    assert coverage.officers_all_plans == 1 and coverage.officers_all_plans_share == 0.5
    assert coverage.officers_all_evaluations_share == 0.5
    assert coverage.clients == 4


def test_an_akhir_case_needs_both_earlier_evaluations(crafted, office, alice, bob):
    approve(crafted["akhir"], alice, bob, GuidanceStage.AWAL)
    rows = {r.officer: r for r in coverage_per_officer(office.pk, today()).officers}
    assert rows[alice].with_current_evaluation == 2

    approve(crafted["akhir"], alice, bob, GuidanceStage.LANJUTAN)
    rows = {r.officer: r for r in coverage_per_officer(office.pk, today()).officers}
    assert rows[alice].with_current_evaluation == 3


def test_closed_cases_and_other_offices_do_not_count(crafted, office, alice, make_oku_case, erin):
    make_oku_case("Klien OKU", officer=erin)
    from bimkemas.clients.models import SupervisionCase

    SupervisionCase.objects.filter(pk=crafted["akhir"].pk).update(status="completed")
    rows = {r.officer: r for r in coverage_per_officer(office.pk, today()).officers}
    assert rows[alice].clients == 2 and erin not in rows


def test_it_takes_a_fixed_number_of_queries(crafted, office, make_case, pat, bob):
    with CaptureQueriesContext(connection) as few:
        coverage_per_officer(office.pk, today())
    for name in ("Tambah Satu", "Tambah Dua", "Tambah Tiga"):
        extra = make_case(officer=pat, identity={"full_name": name})
        agree(extra, pat, GuidanceStage.AWAL)
    with CaptureQueriesContext(connection) as more:
        coverage = coverage_per_officer(office.pk, today() + dt.timedelta(days=1))
    assert len(few) == len(more) <= 3
    assert {r.officer: r.clients for r in coverage.officers}[pat] == 4
