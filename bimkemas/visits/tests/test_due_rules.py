"""The home-visit due rule: its three reasons at their date boundaries (pure functions with
hypothesis) and the rule over real cases."""

import datetime as dt

import pytest
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from bimkemas.clients.models import ClientPhone, SupervisionCase
from bimkemas.core.dates import today
from bimkemas.visits.due import (
    FINAL_STAGE_DAYS,
    UNREACHABLE_DAYS,
    final_stage_need,
    home_visit_due,
    three_miss_need,
    unreachable_need,
)
from bimkemas.visits.models import VisitReason
from bimkemas.visits.services import visit_plan
from bimkemas.visits.tests.conftest import record

BASE = dt.date(2026, 6, 1)
offsets = st.integers(min_value=-400, max_value=400)


@settings(deadline=None)
@given(day=offsets, visit=st.one_of(st.none(), offsets))
def test_final_stage_is_due_until_a_visit_since_akhir_from(day, visit):
    akhir_from = BASE
    last = None if visit is None else BASE + dt.timedelta(days=visit)
    need = final_stage_need(akhir_from, last, BASE + dt.timedelta(days=day))
    if day < 0 or (visit is not None and visit >= 0):
        assert need is None
    else:
        assert need is not None
        assert need.due_on == akhir_from + dt.timedelta(days=FINAL_STAGE_DAYS)
        assert need.reason == VisitReason.FINAL_STAGE


@settings(deadline=None)
@given(violations=st.lists(offsets, min_size=0, max_size=3), visit=st.one_of(st.none(), offsets))
def test_three_misses_are_due_the_day_of_the_first_violation_not_followed(violations, visit):
    days = [BASE + dt.timedelta(days=v) for v in violations]
    last = None if visit is None else BASE + dt.timedelta(days=visit)
    need = three_miss_need(days, last)
    unfollowed = [d for d in days if last is None or last < d]
    if not unfollowed:
        assert need is None
    else:
        assert need is not None and need.due_on == min(unfollowed)


@settings(deadline=None)
@given(since=st.integers(-400, 0), visit=st.one_of(st.none(), st.integers(-400, 0)))
def test_unreachable_is_due_after_90_days_without_a_visit(since, visit):
    day = BASE
    last = None if visit is None else day + dt.timedelta(days=visit)
    need = unreachable_need(day + dt.timedelta(days=since), last, day)
    if last is not None and (day - last).days < UNREACHABLE_DAYS:
        assert need is None
    else:
        assert need is not None
        assert need.due_on <= day
        if last is not None:
            assert need.due_on >= last + dt.timedelta(days=UNREACHABLE_DAYS)


def test_the_boundary_days_exactly():
    assert final_stage_need(BASE, None, BASE - dt.timedelta(days=1)) is None
    assert final_stage_need(BASE, None, BASE) is not None
    assert final_stage_need(BASE, BASE, BASE) is None  # a visit on akhir_from counts
    assert final_stage_need(BASE, BASE - dt.timedelta(days=1), BASE) is not None
    assert three_miss_need([BASE], BASE) is None  # a visit the same day follows it up
    day = BASE + dt.timedelta(days=UNREACHABLE_DAYS)
    assert unreachable_need(BASE, BASE + dt.timedelta(days=1), day) is None  # 89 days ago
    assert unreachable_need(BASE, BASE, day).due_on == day  # 90 days ago: due today


# --- the rule over cases ---------------------------------------------------------------


def _dues(case):
    return {due.case_id: due for due in home_visit_due(SupervisionCase.objects.all(), today())}


def _in_akhir(case, days_in: int):
    akhir = today() - dt.timedelta(days=days_in)
    SupervisionCase.objects.filter(pk=case.pk).update(akhir_from=akhir)
    case.akhir_from = akhir


@pytest.mark.django_db
def test_a_case_in_tahap_awal_with_a_phone_owes_no_visit(case):
    assert _dues(case) == {}


@pytest.mark.django_db
def test_tahap_akhir_owes_a_visit_30_days_in_until_one_is_done(case, alice):
    _in_akhir(case, 10)
    due = _dues(case)[case.pk]
    assert due.due_on == case.akhir_from + dt.timedelta(days=30)
    assert "?reason=final_stage" in due.url
    record(alice, case)
    assert _dues(case) == {}


@pytest.mark.django_db
def test_an_open_three_miss_violation_owes_a_visit_the_same_day(case, alice):
    from bimkemas.violations.models import Violation

    opened = today() - dt.timedelta(days=4)
    Violation.objects.create(
        case=case, kind="three_misses", source="reporting", occurred_on=opened, summary="3x"
    )
    due = _dues(case)[case.pk]
    assert due.due_on == opened and due.is_overdue(today())
    record(alice, case, outcome="not_found", findings="")  # not found: still owed
    assert case.pk in _dues(case)
    record(alice, case, key="k-2")
    assert _dues(case) == {}


@pytest.mark.django_db
def test_an_unreachable_client_owes_a_visit_every_90_days(make_case, alice):
    case = make_case(officer=alice, case={"guidance_start": today() - dt.timedelta(days=200)})
    found = today() - dt.timedelta(days=3)
    ClientPhone.objects.filter(client=case.client).update(
        verified_reachable=False, verified_on=found
    )
    assert _dues(case)[case.pk].due_on == found
    record(alice, case, visited_at=timezone.now() - dt.timedelta(days=UNREACHABLE_DAYS - 1))
    assert _dues(case) == {}
    ClientPhone.objects.filter(client=case.client).update(verified_reachable=True)
    assert _dues(case) == {}


@pytest.mark.django_db
def test_a_planned_visit_shows_its_date_and_links_to_the_form(case, alice):
    _in_akhir(case, 10)
    visit = visit_plan(
        actor=alice, case=case, planned_on=today() + dt.timedelta(days=3), reason="final_stage"
    )
    due = _dues(case)[case.pk]
    assert due.due_on == visit.planned_on
    assert str(visit.public_id) in due.url


@pytest.mark.django_db
def test_it_takes_a_few_queries_for_any_number_of_cases(
    make_case, alice, django_assert_max_num_queries
):
    for n in range(6):
        c = make_case(officer=alice, identity={"full_name": f"Klien {n}", "nik": None})
        _in_akhir(c, n)
    with django_assert_max_num_queries(6):
        dues = home_visit_due(SupervisionCase.objects.all(), today())
    assert len(dues) == 6
