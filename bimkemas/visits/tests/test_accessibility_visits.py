"""WCAG 2.1 AA of the home-visit pages in a real browser: axe-core finds no serious or critical
violation at 1280 and 360 px (the approach of dashboards' accessibility test)."""

import pytest

from bimkemas.core.dates import today
from bimkemas.testing_axe import axe_problems, keyboard_problem, log_in, plain_http
from bimkemas.visits.services import visit_plan
from bimkemas.visits.tests.conftest import record, set_home

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_visit_pages_pass_axe(
    page, live_server, settings, alice, bob, case, make_case, office_located
):
    plain_http(settings)
    set_home(case, "-2.977000", "104.746000")
    planned = visit_plan(actor=alice, case=case, planned_on=today(), reason="routine", note="Pagi")
    visited = make_case(officer=alice, identity={"full_name": "Ani Lestari", "nik": None})
    set_home(visited, "-2.950000", "104.700000")
    done = record(alice, visited, key="a11y-1")
    visit_plan(actor=alice, case=visited, planned_on=today(), reason="routine")
    unlocated = make_case(officer=alice, identity={"full_name": "Citra Dewi", "nik": None})
    visit_plan(actor=alice, case=unlocated, planned_on=today(), reason="routine")
    to_plan = make_case(officer=alice, identity={"full_name": "Dodi Saputra", "nik": None})
    pages = {
        alice.username: [
            "/visits/",
            f"/visits/day/{today().isoformat()}/",
            f"/visits/plan/{to_plan.public_id}/",
            f"/visits/{planned.public_id}/record/",
            f"/visits/new/{to_plan.public_id}/",
            f"/visits/{done.public_id}/",
        ],
        bob.username: ["/visits/"],
    }
    problems = axe_problems(page, live_server, pages)
    assert not problems, "\n".join(problems)
    log_in(page, live_server.url, alice.username)
    forms = {
        f"/visits/{planned.public_id}/record/": "#visit-submit",
        f"/visits/plan/{to_plan.public_id}/": "main form button[type=submit].btn-primary",
    }
    for address, submit in forms.items():
        problem = keyboard_problem(page, live_server.url + address, submit)
        assert not problem, problem
