import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bimkemas.accounts.models import Role
from bimkemas.clients.models import SupervisionCase
from bimkemas.clients.stages import Stage
from bimkemas.core.dates import today
from bimkemas.core.due import dues_for
from bimkemas.core.workitems import work_items_for
from bimkemas.testing import make_user
from bimkemas.tpp.due import decision_due_on
from bimkemas.tpp.models import TppSettings
from bimkemas.tpp.selectors import awaits_decision, guidance_stage_by_date
from bimkemas.tpp.services import stage_override

pytestmark = pytest.mark.django_db
KIND = "tpp.stage_decision"
REASON = "Keputusan sidang TPP di luar sistem"
FIXTURES = settings(
    deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _dues(case, day):
    return dues_for(SupervisionCase.objects.filter(pk=case.pk), day, [KIND]).get(case.pk, [])


@FIXTURES
@given(offset=st.integers(min_value=-5, max_value=400))
def test_a_case_confirmed_in_awal_is_due_from_its_lanjutan(lanjutan_case, offset):
    case = lanjutan_case
    day = case.lanjutan_from + dt.timedelta(days=offset)
    dues = _dues(case, day)
    if case.lanjutan_from <= day <= case.guidance_end:
        assert [d.due_on for d in dues] == [case.lanjutan_from + dt.timedelta(days=14)]
        assert "Initial stage" in dues[0].detail
    else:
        assert dues == []


@FIXTURES
@given(offset=st.integers(min_value=-5, max_value=400))
def test_a_case_confirmed_in_lanjutan_is_due_from_its_akhir(bob, lanjutan_case, offset):
    case = lanjutan_case
    if not case.stage_transitions.exists():
        stage_override(actor=bob, case=case, to_stage=Stage.LANJUTAN, reason=REASON)
    day = case.lanjutan_from + dt.timedelta(days=offset)
    dues = _dues(case, day)
    if case.akhir_from <= day <= case.guidance_end:
        assert [d.due_on for d in dues] == [case.akhir_from + dt.timedelta(days=14)]
    else:
        assert dues == []


@given(
    start=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 1, 1)),
    length=st.integers(min_value=4, max_value=2000),
    offset=st.integers(min_value=-10, max_value=2100),
    confirmed=st.sampled_from([Stage.AWAL, Stage.LANJUTAN, Stage.AKHIR]),
    days=st.integers(min_value=0, max_value=60),
)
@settings(deadline=None)
def test_due_dates_follow_the_stage_boundaries(start, length, offset, confirmed, days):
    end = start + dt.timedelta(days=length - 1)
    lanjutan_from = start + dt.timedelta(days=-(-length // 4))
    akhir_from = start + dt.timedelta(days=-(-3 * length // 4))
    day = start + dt.timedelta(days=offset)
    by_date = guidance_stage_by_date(day, lanjutan_from, akhir_from, end)
    waiting = awaits_decision(confirmed, by_date)
    due_on = decision_due_on(confirmed, lanjutan_from, akhir_from, days)
    if confirmed == Stage.AKHIR:
        assert not waiting and due_on is None
        return
    began = lanjutan_from if confirmed == Stage.AWAL else akhir_from
    assert due_on == began + dt.timedelta(days=days)
    # Waiting exactly while the dates are past the beginning of the next stage.
    assert waiting == (began <= day <= end)


def test_the_office_sets_the_days(office, lanjutan_case):
    TppSettings.objects.create(office=office, decision_days=30)
    (due,) = _dues(lanjutan_case, today())
    assert due.due_on == lanjutan_case.lanjutan_from + dt.timedelta(days=30)


def test_confirmed_cases_and_closed_cases_owe_nothing(bob, lanjutan_case, case):
    assert _dues(case, today()) == []  # in awal by date
    stage_override(actor=bob, case=lanjutan_case, to_stage=Stage.LANJUTAN, reason=REASON)
    assert _dues(lanjutan_case, today()) == []


def test_it_is_a_work_item_for_the_pk_and_the_supervisor(alice, bob, pat, lanjutan_case):
    day = today()
    for user, expected in ((alice, 1), (bob, 1), (pat, 0)):
        groups = [g for g in work_items_for(user, day) if g.kind == KIND]
        assert sum(g.total for g in groups) == expected


def test_the_rule_is_set_based(django_assert_max_num_queries, make_case, alice, office):
    start = today() - dt.timedelta(days=150)
    for n in range(5):
        make_case(
            officer=alice, identity={"full_name": f"Klien {n}"}, case={"guidance_start": start}
        )
    make_user("kasi2", office, Role.SUPERVISOR)
    with django_assert_max_num_queries(2):
        dues = dues_for(SupervisionCase.objects.all(), today(), [KIND])
    assert len(dues) == 5


def test_the_due_links_to_the_client_page(lanjutan_case):
    (due,) = _dues(lanjutan_case, today())
    assert due.url == f"/clients/{lanjutan_case.client.public_id}/#tpp-title"


def test_the_confirmed_stage_is_a_case_fact(bob, lanjutan_case):
    from bimkemas.core.facts import case_fact

    assert case_fact("confirmed_stage", lanjutan_case, today()) == "awal"
    stage_override(actor=bob, case=lanjutan_case, to_stage=Stage.LANJUTAN, reason=REASON)
    assert case_fact("confirmed_stage", lanjutan_case, today()) == "lanjutan"
