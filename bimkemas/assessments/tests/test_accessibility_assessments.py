"""WCAG 2.1 AA of the assessment pages in a real browser: axe-core finds no serious or critical
violation at 1280 and 360 px (the approach of dashboards' accessibility test)."""

import pytest

from bimkemas.assessments.defaults import NEEDS_CODE, RISK_CODE, example_instrument
from bimkemas.assessments.tests.conftest import answers_for
from bimkemas.testing_axe import axe_problems, keyboard_problem, log_in, plain_http

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_assessment_pages_pass_axe(page, live_server, settings, alice, case, assess):
    plain_http(settings)
    risk, needs = example_instrument(RISK_CODE), example_instrument(NEEDS_CODE)
    assess(case, risk)
    scored_needs = assess(case, needs)
    half = dict(list(answers_for(risk).items())[:2])
    draft = assess(case, risk, half, finish=False)
    assert scored_needs.status == "scored" and draft.status == "draft"
    pages = {
        alice.username: [
            f"/assessments/cases/{case.public_id}/new/",
            f"/assessments/cases/{case.public_id}/new/{risk.public_id}/",
            f"/assessments/{scored_needs.public_id}/",
            f"/assessments/{draft.public_id}/",
            f"/assessments/{draft.public_id}/edit/",
            f"/assessments/cases/{case.public_id}/reassess/",
        ],
    }
    problems = axe_problems(page, live_server, pages)
    assert not problems, "\n".join(problems)
    log_in(page, live_server.url, alice.username)
    for address in (pages[alice.username][1], pages[alice.username][4]):
        problem = keyboard_problem(page, live_server.url + address, "main button[value=score]")
        assert not problem, problem
