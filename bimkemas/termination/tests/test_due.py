import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bimkemas.clients.models import SupervisionCase
from bimkemas.core.dates import today
from bimkemas.core.due import dues_for
from bimkemas.core.workitems import work_items_for
from bimkemas.termination.services import case_complete

pytestmark = pytest.mark.django_db
KIND = "termination.completion"


def _dues(case, day):
    return dues_for(SupervisionCase.objects.filter(pk=case.pk), day, [KIND]).get(case.pk, [])


@settings(
    deadline=None, max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(offset=st.integers(min_value=-30, max_value=30))
def test_an_open_case_is_due_the_week_after_its_period(ended_case, offset):
    day = ended_case.guidance_end + dt.timedelta(days=offset)
    dues = _dues(ended_case, day)
    if day > ended_case.guidance_end:
        assert [d.due_on for d in dues] == [ended_case.guidance_end + dt.timedelta(days=7)]
        assert dues[0].is_overdue(day) == (offset > 7)
    else:
        assert dues == []


def test_a_completed_case_owes_nothing(bob, ended_case):
    case_complete(actor=bob, case=ended_case, on=today())
    assert _dues(ended_case, today()) == []


def test_it_is_a_work_item_of_the_pk_and_the_supervisor(alice, bob, pat, ended_case, case):
    for user, expected in ((alice, 1), (bob, 1), (pat, 0)):
        groups = [g for g in work_items_for(user, today()) if g.kind == KIND]
        assert sum(g.total for g in groups) == expected
    (group,) = [g for g in work_items_for(alice, today()) if g.kind == KIND]
    assert group.items[0].url == f"/cases/{ended_case.public_id}/terminate/"
