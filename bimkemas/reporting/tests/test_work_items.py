"""Wajib lapor worklists: each provider, its see-all page, and nothing for another office."""

import datetime as dt

import pytest
from django.utils import timezone

from bimkemas.clients.models import ClientPhone
from bimkemas.clients.services import phone_set_reachable
from bimkemas.core.dates import today
from bimkemas.core.workitems import work_items_for
from bimkemas.reporting.models import Channel, CheckIn, Outcome, PeriodOutcome, ReviewStatus
from bimkemas.reporting.services.checkins import checkin_record
from bimkemas.reporting.work_items import WORKLISTS
from bimkemas.testing import login
from bimkemas.violations.models import Violation, ViolationKind, ViolationSource


def kinds(user) -> dict[str, int]:
    return {
        g.kind: g.total for g in work_items_for(user, today()) if g.kind.startswith("reporting.")
    }


def missed(case, ends_on: dt.date, run: int = 1) -> PeriodOutcome:
    return PeriodOutcome.objects.create(
        case=case,
        starts_on=ends_on.replace(day=1),
        ends_on=ends_on,
        outcome=Outcome.MISSED,
        consecutive_misses=run,
    )


@pytest.fixture
def three_misses(case):
    return Violation.objects.create(
        case=case,
        kind=ViolationKind.THREE_MISSES,
        source=ViolationSource.REPORTING,
        source_key="three",
        occurred_on=today() - dt.timedelta(days=2),
        summary="3x",
    )


def test_it_lists_a_case_not_yet_reported_this_period(alice, case):
    assert kinds(alice)["reporting.due"] == 1
    checkin_record(actor=alice, case=case, channel=Channel.IN_PERSON, occurred_at=timezone.now())
    assert "reporting.due" not in kinds(alice)


def test_it_lists_a_missed_period_until_someone_makes_contact(alice, case):
    missed(case, today().replace(day=1) - dt.timedelta(days=1))
    assert kinds(alice)["reporting.missed"] == 1
    checkin_record(actor=alice, case=case, channel=Channel.PHONE, occurred_at=timezone.now())
    assert "reporting.missed" not in kinds(alice)


def test_it_flags_three_misses_to_the_officer_and_the_supervisor(alice, bob, three_misses):
    assert kinds(alice)["reporting.three_misses"] == 1
    assert kinds(bob)["reporting.three_misses"] == 1


def test_it_lists_clients_whose_every_phone_is_unreachable(alice, case):
    assert "reporting.unreachable" not in kinds(alice)
    for phone in ClientPhone.objects.filter(client=case.client):
        phone_set_reachable(actor=alice, phone=phone, reachable=False)
    assert kinds(alice)["reporting.unreachable"] == 1


def test_it_lists_check_ins_to_review(alice, case):
    CheckIn.objects.create(
        case=case,
        channel=Channel.APP,
        occurred_at=timezone.now(),
        review_status=ReviewStatus.PENDING,
    )
    assert kinds(alice)["reporting.review"] == 1


def test_an_officer_of_another_office_sees_none(erin, case, three_misses):
    missed(case, today().replace(day=1) - dt.timedelta(days=1))
    assert kinds(erin) == {}


def test_the_see_all_page_lists_every_item_and_is_audited(client, alice, case, three_misses):
    login(client, alice)
    response = client.get("/reporting/worklists/three_misses/")
    assert response.status_code == 200
    assert case.register_number in response.content.decode()
    assert client.get("/reporting/worklists/nothing/").status_code == 404
    assert WORKLISTS["three_misses"].queryset(alice, today()).count() == 1


def test_the_see_all_page_is_a_404_for_lists_that_do_not_concern_the_user(client, bob, carol):
    login(client, bob)
    assert client.get("/reporting/worklists/due/").status_code == 404
    login(client, carol)
    assert client.get("/reporting/worklists/three_misses/").status_code == 404
