"""Assessments due show on the officer's and supervisor's home as one work-item group."""

import datetime as dt

from bimkemas.assessments.due import KIND
from bimkemas.assessments.work_items import reassessments_due
from bimkemas.core.dates import today


def test_the_officer_sees_the_overdue_first_assessment(alice, case):
    day = today() + dt.timedelta(days=5)  # 35 days after guidance started
    [group] = reassessments_due(alice, day)
    assert (group.kind, group.total) == (KIND, 1)
    item = group.items[0]
    assert item.urgency == "overdue"
    assert item.url == f"/assessments/cases/{case.public_id}/new/"
    assert "First risk and needs assessment" in item.title


def test_only_the_cases_officer_has_it_on_the_home_page(bob, pat, erin, carol, case):
    assert reassessments_due(bob, today()) == []  # supervisors: /due/ and coverage
    assert reassessments_due(pat, today()) == []
    assert reassessments_due(erin, today()) == []
    assert reassessments_due(carol, today()) == []


def test_an_assessed_case_leaves_the_list(alice, case, risk, assess):
    assess(case, risk, assessed_on=today())
    assert reassessments_due(alice, today()) == []
