"""The due rule and the work items: the officer's next step, the head's temporary
revocations, the section head's overdue revocations."""

import datetime as dt

import pytest

from bimkemas.clients.models import SupervisionCase
from bimkemas.core.dates import today
from bimkemas.core.due import dues_for
from bimkemas.core.workitems import work_items_for

pytestmark = pytest.mark.django_db


def groups(user) -> dict:
    return {group.kind: group for group in work_items_for(user, today())}


def test_the_due_rule_names_the_next_step_and_the_due_date(revocation):
    dues = dues_for(SupervisionCase.objects.all(), today(), kinds=["revocation.process"])
    (due,) = dues[revocation.case_id]
    assert due.due_on == revocation.due_on
    assert due.detail == "Revocation: Statement (BAP)"
    assert due.url.endswith(f"/revocations/{revocation.public_id}/")


def test_the_officer_sees_the_next_step(alice, revocation):
    group = groups(alice)["revocation.process"]
    assert group.total == 1
    assert "Statement (BAP)" in group.items[0].title


def test_the_head_sees_what_awaits_the_temporary_revocation(dave, bob, recommended):
    assert groups(dave)["revocation.temporary"].total == 1
    assert "revocation.temporary" not in groups(bob)


def test_the_section_head_sees_overdue_revocations(bob, dave, case, request_revocation):
    case.received_on = today() - dt.timedelta(days=60)
    case.save()
    request_revocation(case, requested_on=today() - dt.timedelta(days=40))
    group = groups(bob)["revocation.overdue"]
    assert group.total == 1 and group.items[0].urgency == "overdue"
    assert "revocation.overdue" not in groups(dave)


def test_nothing_once_the_revocation_has_ended(alice, bob, revocation):
    from bimkemas.revocation.services import revocation_withdraw

    revocation_withdraw(actor=bob, revocation=revocation, on=today(), reason="Dicabut")
    assert "revocation.process" not in groups(alice)
