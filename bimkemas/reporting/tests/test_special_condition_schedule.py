"""An SK's special condition that sets the reporting frequency is the case's schedule: the
compliance engine, the officer's worklist and the guidance card all follow it."""

import datetime as dt

from bimkemas.clients.card import card_html
from bimkemas.core.dates import today
from bimkemas.reporting.models import Frequency, ScheduleBasis
from bimkemas.reporting.selectors import rules_for_cases
from bimkemas.reporting.services.schedules import schedule_set
from bimkemas.reporting.work_items import WORKLISTS

TWICE_A_MONTH = "Wajib lapor diri dua kali sebulan kepada PK."


def test_the_conditions_frequency_is_the_rule(make_case, alice):
    case = make_case(officer=alice, case={"special_conditions": TWICE_A_MONTH})

    [part] = rules_for_cases([case.pk])[case.pk]

    assert part.rule.frequency == Frequency.TWICE_MONTHLY
    assert part.rule.basis == ScheduleBasis.SPECIAL_CONDITION


def test_an_officers_schedule_still_outranks_the_condition(make_case, alice):
    case = make_case(officer=alice, case={"special_conditions": TWICE_A_MONTH})
    schedule_set(
        actor=alice,
        case=case,
        frequency=Frequency.WEEKLY,
        starts_on=today(),
        grace_days=3,
        basis=ScheduleBasis.OFFICER,
        reference="",
    )

    parts = rules_for_cases([case.pk])[case.pk]

    assert parts[-1].rule.frequency == Frequency.WEEKLY


def test_the_worklist_shows_the_half_month_the_condition_sets(make_case, alice):
    case = make_case(officer=alice, case={"special_conditions": TWICE_A_MONTH})
    day = today()

    [row] = WORKLISTS["due"].queryset(alice, day)

    half_end = 15 if day.day <= 15 else (day.replace(day=28) + dt.timedelta(days=4)).day
    assert row == case
    assert row.due_on.day in (15, half_end) or row.due_on == case.guidance_end


def test_the_guidance_card_prints_the_schedule_in_force(make_case, alice):
    case = make_case(officer=alice, case={"special_conditions": TWICE_A_MONTH})
    schedule_set(
        actor=alice,
        case=case,
        frequency=Frequency.WEEKLY,
        starts_on=case.guidance_start,
        grace_days=3,
        basis=ScheduleBasis.TPP,
        reference="Sidang TPP 12/2026",
    )

    html = card_html(case)

    assert "Seminggu sekali (Sidang TPP 12/2026)" in html
