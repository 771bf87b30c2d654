"""The demo reproduces the seed's survey for Palembang: about 15% of officers have a current
plan for every client, about 6% a current evaluation for every client; the demo PK is not
one of them, so their home page shows plans and evaluations due."""

from io import StringIO

import pytest
from django.core.management import call_command

from bimkemas.accounts.models import Office, User
from bimkemas.clients.models import Facility, Programme
from bimkemas.core.dates import today
from bimkemas.core.workitems import work_items_for
from bimkemas.demo.loader import reset_demo
from bimkemas.guidance.coverage import coverage_per_officer
from bimkemas.guidance.models import Evaluation, GuidanceSession, SessionKind


@pytest.fixture(scope="module")
def _demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("demo_data", seed=1, stdout=StringIO())
        yield
        reset_demo(lambda _message: None)
        Facility.objects.filter(cases=None).delete()
        Programme.objects.filter(cases=None).delete()


@pytest.fixture
def palembang(_demo, db) -> Office:
    return Office.objects.get(code="plg")


def test_the_coverage_matches_the_seed_survey(palembang):
    figures = coverage_per_officer(palembang.pk, today())

    officers = len(figures.with_clients)
    assert 55 <= officers <= 70
    assert figures.officers_all_plans_share == pytest.approx(0.15, abs=0.03)
    assert figures.officers_all_evaluations_share == pytest.approx(0.06, abs=0.025)
    assert 0.3 < figures.plan_share < 0.7


def test_the_demo_pk_has_plans_and_evaluations_due(palembang):
    pk = User.objects.get(username="pk")
    rows = {r.officer: r for r in coverage_per_officer(palembang.pk, today()).officers}
    assert not rows[pk].all_plans and not rows[pk].all_evaluations

    kinds = {group.kind for group in work_items_for(pk, today())}
    assert {"guidance.plan", "guidance.evaluation"} <= kinds


def test_there_is_work_for_supervisors_and_a_history_of_activities(palembang):
    waiting = Evaluation.objects.filter(case__office=palembang, status="submitted")
    assert waiting.exists()
    assert Evaluation.objects.filter(case__office=palembang, status="draft").exists()
    sessions = GuidanceSession.objects.filter(office=palembang)
    assert sessions.filter(kind=SessionKind.GROUP).exists()
    assert sessions.filter(kind=SessionKind.INDIVIDUAL).count() > 100
    head = (
        User.objects.get(office=palembang, role="supervisor", username="kasi")
        if User.objects.filter(username="kasi").exists()
        else User.objects.filter(office=palembang, role="supervisor").first()
    )
    kinds = {group.kind for group in work_items_for(head, today())}
    assert "guidance.approval" in kinds
