import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bimkemas.clients.dues import due_work_items
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.due import dues_for
from bimkemas.core.workitems import work_items_for
from bimkemas.litmas.dates import GUIDANCE_LITMAS_DAYS
from bimkemas.litmas.models import LitmasType, RequestStatus
from bimkemas.litmas.services import report_start, report_submit, request_assign
from bimkemas.litmas.tests.conftest import FULL_SOURCES, filled_content

pytestmark = pytest.mark.django_db


def _litmas_dues(case, day):
    return [
        d
        for d in dues_for(SupervisionCase.objects.filter(pk=case.pk), day).get(case.pk, [])
        if d.kind == "litmas.report"
    ]


def test_a_case_owes_its_guidance_litmas_30_days_after_start(case):
    dues = _litmas_dues(case, case.guidance_start)
    assert [d.due_on for d in dues] == [
        case.guidance_start + dt.timedelta(days=GUIDANCE_LITMAS_DAYS)
    ]


@settings(
    deadline=None, max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(offset=st.integers(min_value=-5, max_value=60))
def test_the_guidance_litmas_is_overdue_only_after_its_day(case, offset):
    day = case.guidance_start + dt.timedelta(days=offset)
    (due,) = _litmas_dues(case, day)
    assert due.is_overdue(day) == (offset > GUIDANCE_LITMAS_DAYS)


def test_a_submitted_guidance_litmas_settles_it(make_request, case, bob, alice):
    from bimkemas.litmas.services import report_save

    request = request_assign(
        actor=bob,
        request=make_request(
            client=case.client, type=LitmasType.PEMBIMBINGAN, requester_kind="internal"
        ),
        officer=alice,
    )
    dues = _litmas_dues(case, case.guidance_start)
    assert {d.due_on for d in dues} == {
        request.due_on,
        case.guidance_start + dt.timedelta(days=GUIDANCE_LITMAS_DAYS),
    }
    report = report_start(actor=alice, request=request)
    report_save(actor=alice, report=report, content=filled_content(report), sources=FULL_SOURCES)
    report_submit(actor=alice, report=report)
    assert _litmas_dues(case, case.guidance_start) == []


def test_a_request_is_a_work_item_of_its_pk(litmas_request, alice, bob):
    groups = due_work_items(alice, litmas_request.due_on, "litmas.report")
    assert groups and groups[0].total == 2  # the request and the guidance litmas


def test_requests_for_non_clients_and_unassigned_ones_are_work_items(
    make_request, alice, bob, office
):
    request = make_request()
    kinds = {g.kind: g for g in work_items_for(bob, request.due_on)}
    assert kinds["litmas.unassigned"].total == 1
    request_assign(actor=bob, request=request, officer=alice)
    request.refresh_from_db()
    assert request.status == RequestStatus.ASSIGNED
    kinds = {g.kind: g for g in work_items_for(alice, request.due_on)}
    assert kinds["litmas.non_client"].total == 1
    assert "Rahmat Hidayat" in kinds["litmas.non_client"].items[0].subject
