"""When the (re)assessment is due: first, yearly, and earlier on new information."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bimkemas.assessments.due import KIND, Inputs, add_months, next_due, reassessment_due
from bimkemas.assessments.models import AssessmentSettings, ReassessmentTrigger
from bimkemas.assessments.services import reassessment_trigger
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.dates import today
from bimkemas.core.due import dues_for
from bimkemas.core.errors import ApplicationError
from bimkemas.violations.models import Violation, ViolationStatus

dates = st.dates(dt.date(1999, 1, 1), dt.date(2099, 12, 31))


def test_add_months_clamps_to_the_month_end():
    assert add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2024, 2, 29), 48) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2025, 12, 15), 1) == dt.date(2026, 1, 15)


@settings(deadline=None)
@given(dates)
def test_yearly_is_the_same_date_next_year_or_feb_28(last):
    due_on, why = next_due(
        Inputs(guidance_start=last - dt.timedelta(days=100), last_scored_on=last)
    )
    assert why == "yearly"
    if (last.month, last.day) == (2, 29):
        assert due_on == dt.date(last.year + 1, 2, 28)
    else:
        assert due_on == last.replace(year=last.year + 1)


@settings(deadline=None)
@given(dates, st.integers(1, 36))
def test_yearly_boundary_day_before_at_and_after(last, months):
    due_on, _why = next_due(
        Inputs(guidance_start=last, last_scored_on=last, interval_months=months)
    )
    day_before = due_on - dt.timedelta(days=1)
    assert not due_on < due_on  # due, not yet overdue, on the day itself
    assert day_before < due_on
    assert due_on < due_on + dt.timedelta(days=1)  # overdue the day after
    # Never earlier than months*28 days and never later than months*31 days.
    assert months * 28 <= (due_on - last).days <= months * 31
    # Monotone: a later assessment never makes the next one due earlier.
    later, _ = next_due(
        Inputs(
            guidance_start=last, last_scored_on=last + dt.timedelta(days=1), interval_months=months
        )
    )
    assert later >= due_on


@settings(deadline=None)
@given(dates, st.one_of(st.none(), dates), st.one_of(st.none(), dates), st.one_of(st.none(), dates))
def test_due_is_the_earliest_reason(start, last, trigger, violation):
    inputs = Inputs(start, last, trigger, violation)
    due_on, why = next_due(inputs)
    base = add_months(last, 12) if last else start + dt.timedelta(days=30)
    others = [d + dt.timedelta(days=14) for d in (trigger, violation) if d]
    assert due_on == min([base, *others])
    assert why in {"initial", "yearly", "trigger", "violation"}
    if last is None and not others:
        assert why == "initial"


def _due(case, day=None):
    dues = dues_for(SupervisionCase.objects.filter(pk=case.pk), day or today(), [KIND])
    return dues.get(case.pk, [None])[0]


def test_an_unassessed_case_is_due_thirty_days_after_guidance_starts(case):
    due = _due(case)  # the case started 30 days ago
    assert due.due_on == case.guidance_start + dt.timedelta(days=30)
    assert due.detail == "First risk and needs assessment"
    assert due.url == f"/assessments/cases/{case.public_id}/new/"


def test_the_office_setting_changes_the_first_due_date(case):
    AssessmentSettings.objects.create(office=case.office, initial_days=10)
    assert _due(case).due_on == case.guidance_start + dt.timedelta(days=10)


def test_a_scored_risk_assessment_moves_it_a_year_on_and_out_of_the_list(case, risk, needs, assess):
    assess(case, needs, assessed_on=today())  # a needs assessment alone is not enough
    assert _due(case).detail == "First risk and needs assessment"
    assess(case, risk, assessed_on=today() - dt.timedelta(days=370))
    due = _due(case)
    assert due.due_on == add_months(today() - dt.timedelta(days=370), 12)
    assert due.is_overdue(today())
    assess(case, risk, assessed_on=today())
    assert _due(case) is None  # a year away: not shown yet


def test_a_trigger_makes_it_due_in_fourteen_days_until_the_next_risk_assessment(
    case, risk, assess, alice
):
    assess(case, risk, assessed_on=today())
    trigger = reassessment_trigger(actor=alice, case=case, reason="tpp_request", note="Sidang TPP")
    due = _due(case)
    assert (due.due_on, due.detail) == (
        today() + dt.timedelta(days=14),
        "Reassessment on new information",
    )
    scored = assess(case, risk, assessed_on=today())
    trigger.refresh_from_db()
    assert trigger.resolved_by_assessment == scored
    assert _due(case) is None


def test_a_violation_after_the_last_assessment_makes_it_due(case, risk, assess):
    assess(case, risk, assessed_on=today() - dt.timedelta(days=20))
    Violation.objects.create(
        case=case,
        kind="new_offence",
        source="notice",
        occurred_on=today() - dt.timedelta(days=21),
        summary="Sebelum asesmen",
    )
    assert _due(case) is None
    Violation.objects.create(
        case=case,
        kind="programme",
        source="home_visit",
        occurred_on=today() - dt.timedelta(days=5),
        summary="Tidak mengikuti program",
    )
    due = _due(case)
    assert (due.due_on, due.detail) == (
        today() + dt.timedelta(days=9),
        "Reassessment after a violation",
    )
    Violation.objects.update(status=ViolationStatus.DISMISSED)
    assert _due(case) is None


def test_a_case_whose_guidance_ended_or_is_closed_owes_nothing(case):
    SupervisionCase.objects.filter(pk=case.pk).update(guidance_end=today() - dt.timedelta(days=1))
    assert _due(case) is None


def test_the_rule_is_set_based(case, make_case, alice, risk, assess, django_assert_max_num_queries):
    for n in range(5):
        other = make_case(
            officer=alice,
            identity={"full_name": f"Klien {n}", "birth_date": dt.date(1980, 1, n + 1)},
        )
        assess(other, risk, assessed_on=today() - dt.timedelta(days=400))
        reassessment_trigger(actor=alice, case=other, reason="other")
    with django_assert_max_num_queries(6):
        dues = list(reassessment_due(SupervisionCase.objects.all(), today()))
    assert len(dues) == 6


def test_a_trigger_needs_a_known_reason_and_an_open_case(case, alice):
    with pytest.raises(ApplicationError):
        reassessment_trigger(actor=alice, case=case, reason="bored")
    case.status = "completed"
    with pytest.raises(ApplicationError, match="closed"):
        reassessment_trigger(actor=alice, case=case, reason="other")
    assert not ReassessmentTrigger.objects.exists()


@pytest.mark.parametrize(
    ("assessed", "due_on"),
    [
        (dt.date(2024, 2, 29), dt.date(2025, 2, 28)),  # leap day: the last day of February
        (dt.date(2024, 3, 1), dt.date(2025, 3, 1)),
        (dt.date(2023, 12, 31), dt.date(2024, 12, 31)),
    ],
)
def test_the_rule_at_the_yearly_boundary(case, risk, assess, assessed, due_on):
    SupervisionCase.objects.filter(pk=case.pk).update(
        sk_date=dt.date(2023, 5, 25),
        guidance_start=dt.date(2023, 6, 1),
        guidance_end=dt.date(2027, 6, 1),
    )
    case.refresh_from_db()
    assess(case, risk, assessed_on=assessed)
    for day, overdue in ((due_on - dt.timedelta(days=1), False), (due_on, False)):
        due = _due(case, day)
        assert (due.due_on, due.is_overdue(day)) == (due_on, overdue)
    after = due_on + dt.timedelta(days=1)
    assert _due(case, after).is_overdue(after)
