"""What is due: the plan of the current stage and the evaluations of ended stages, at the
stage boundaries (properties) and for real cases."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bimkemas.clients.models import SupervisionCase
from bimkemas.clients.stages import stage_offsets, stage_on
from bimkemas.core.dates import today
from bimkemas.core.due import dues_for
from bimkemas.guidance.due import (
    evaluation_due,
    evaluations_due_on,
    plan_due,
    plan_due_on,
)
from bimkemas.guidance.models import GuidanceStage
from bimkemas.guidance.services.evaluations import evaluation_approve
from bimkemas.guidance.tests.conftest import write_evaluation

pytestmark = pytest.mark.django_db
START = dt.date(2026, 1, 5)


def dates(length: int, start: dt.date = START):
    end = start + dt.timedelta(days=length - 1)
    lanjutan_at, akhir_at = stage_offsets(start, end)
    return (
        start,
        start + dt.timedelta(days=lanjutan_at),
        start + dt.timedelta(days=akhir_at),
        end,
    )


@given(length=st.integers(1, 800), offset=st.integers(-3, 830))
@example(length=1, offset=0)
@example(length=2, offset=1)
@example(length=5, offset=3)
@settings(deadline=None, max_examples=300)
def test_the_plan_is_of_the_stage_the_case_is_in(length, offset):
    start, lanjutan_from, akhir_from, end = dates(length)
    day = start + dt.timedelta(days=offset)

    due = plan_due_on(start, lanjutan_from, akhir_from, end, day)

    stage = stage_on(day, start, end)
    if stage in (GuidanceStage.AWAL, GuidanceStage.LANJUTAN, GuidanceStage.AKHIR):
        assert due is not None and due[0] == stage.value
        began = {"awal": start, "lanjutan": lanjutan_from, "akhir": akhir_from}[due[0]]
        assert due[1] == began + dt.timedelta(days=14)
    else:
        assert due is None


@given(length=st.integers(1, 800), offset=st.integers(-3, 830))
@settings(deadline=None, max_examples=300)
def test_an_ended_stage_always_owes_its_evaluation(length, offset):
    start, lanjutan_from, akhir_from, end = dates(length)
    day = start + dt.timedelta(days=offset)

    due = dict(evaluations_due_on(start, lanjutan_from, akhir_from, end, day))

    current = stage_on(day, start, end)
    for stage in (GuidanceStage.AWAL, GuidanceStage.LANJUTAN, GuidanceStage.AKHIR):
        first = {"awal": start, "lanjutan": lanjutan_from, "akhir": akhir_from}[stage]
        last = {"awal": lanjutan_from, "lanjutan": akhir_from}.get(stage, end + dt.timedelta(1))
        last -= dt.timedelta(days=1)
        if last < first:  # an empty stage (a very short period) owes nothing
            assert stage not in due
        elif last < day:
            assert due[stage] == last + dt.timedelta(days=14)
        elif stage == current:  # shown from 14 days before its last day
            assert (stage in due) == (day >= last - dt.timedelta(days=14))
        else:
            assert stage not in due


def set_dates(case: SupervisionCase, length: int, start: dt.date) -> None:
    start, lanjutan_from, akhir_from, end = dates(length, start)
    SupervisionCase.objects.filter(pk=case.pk).update(
        guidance_start=start, lanjutan_from=lanjutan_from, akhir_from=akhir_from, guidance_end=end
    )


@pytest.mark.parametrize(
    ("length", "offset"),
    [(100, 24), (100, 25), (100, 74), (100, 75), (100, 99), (100, 100), (1, 0), (2, 1), (3, 2)],
)
def test_the_rules_over_a_queryset_agree_with_the_rule_for_one_case(case, length, offset):
    """The day before and at lanjutan_from and akhir_from, the last day, 1-day stages."""
    day = today()
    set_dates(case, length, day - dt.timedelta(days=offset))
    case.refresh_from_db()
    args = (case.guidance_start, case.lanjutan_from, case.akhir_from, case.guidance_end, day)
    cases = SupervisionCase.objects.all()

    plans = [(d.detail, d.due_on) for d in plan_due(cases, day)]
    evaluations = sorted(d.due_on for d in evaluation_due(cases, day))

    expected_plan = plan_due_on(*args)
    assert [due for _detail, due in plans] == ([expected_plan[1]] if expected_plan else [])
    assert evaluations == sorted(due for _stage, due in evaluations_due_on(*args))


@given(length=st.integers(1, 120), offset=st.integers(-2, 140))
@settings(
    deadline=None, max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_property_the_queryset_rules_match_the_single_case_rule(case, length, offset):
    day = today()
    set_dates(case, length, day - dt.timedelta(days=offset))
    case.refresh_from_db()
    args = (case.guidance_start, case.lanjutan_from, case.akhir_from, case.guidance_end, day)
    cases = SupervisionCase.objects.all()

    expected_plan = plan_due_on(*args)
    assert [d.due_on for d in plan_due(cases, day)] == ([expected_plan[1]] if expected_plan else [])
    assert sorted(d.due_on for d in evaluation_due(cases, day)) == sorted(
        due for _stage, due in evaluations_due_on(*args)
    )


def test_an_agreed_plan_satisfies_the_rule(case, agreed_plan):
    assert not dues_for(SupervisionCase.objects.all(), today(), ["guidance.plan"])


def test_a_draft_plan_does_not(case, alice):
    from bimkemas.guidance.services.plans import plan_propose

    plan_propose(actor=alice, case=case, stage="awal")
    due = dues_for(SupervisionCase.objects.all(), today(), ["guidance.plan"])[case.pk][0]
    assert due.due_on == case.guidance_start + dt.timedelta(days=14)
    assert due.is_overdue(today())  # the case began 30 days ago


def test_only_an_approved_evaluation_satisfies_the_rule(lanjutan_case, alice, bob):
    cases = SupervisionCase.objects.all()
    assert dues_for(cases, today(), ["guidance.evaluation"])[lanjutan_case.pk]

    evaluation = write_evaluation(lanjutan_case, alice)
    assert dues_for(cases, today(), ["guidance.evaluation"])[lanjutan_case.pk]

    evaluation_approve(actor=bob, evaluation=evaluation)
    assert lanjutan_case.pk not in dues_for(cases, today(), ["guidance.evaluation"])


def test_closed_cases_owe_nothing(case, bob):
    SupervisionCase.objects.filter(pk=case.pk).update(status="completed")
    cases = SupervisionCase.objects.all()
    assert not dues_for(cases, today(), ["guidance.plan", "guidance.evaluation"])


def test_an_evaluation_being_written_is_named_and_linked(lanjutan_case, alice):
    from django.urls import reverse

    evaluation = write_evaluation(lanjutan_case, alice)
    [due] = dues_for(SupervisionCase.objects.all(), today(), ["guidance.evaluation"])[
        lanjutan_case.pk
    ]
    assert "Submitted" in due.detail
    assert due.url == reverse("guidance_evaluation", args=[evaluation.public_id])


@pytest.mark.parametrize("offset", [0, 13, 14, 15, 40, 106, 107, 120, 290, 380])
def test_the_overdue_counts_match_the_rules(make_case, alice, pat, offset):
    from collections import Counter

    from bimkemas.guidance.due import overdue_per_officer

    make_case(officer=alice, case={"guidance_start": today() - dt.timedelta(days=offset)})
    make_case(
        officer=pat,
        identity={"full_name": "Yusuf Maulana"},
        case={"guidance_start": today() - dt.timedelta(days=offset // 2)},
    )
    cases = SupervisionCase.objects.all()
    officer_of = dict(cases.values_list("pk", "officer_id"))
    expected: dict = {}
    for case_id, dues in dues_for(cases, today(), ["guidance.plan", "guidance.evaluation"]).items():
        for due in dues:
            if due.is_overdue(today()):
                expected.setdefault(officer_of[case_id], Counter())[due.kind] += 1
    assert overdue_per_officer(cases, today()) == expected
