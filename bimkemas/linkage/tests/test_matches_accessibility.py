"""WCAG 2.1 AA of the matches' pages in a real browser: axe-core finds no serious or critical
violation at 1280 and 360 px (the approach of dashboards' accessibility test). The client
page with its alert banner is checked with every panel by the lead's client-page test."""

import pytest

from bimkemas.linkage import services
from bimkemas.linkage.tests.matches_support import make_match
from bimkemas.testing_axe import axe_problems, keyboard_problem, log_in, plain_http

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_match_pages_pass_axe(page, live_server, settings, alice, bob, nina, case):
    plain_http(settings)
    alert = make_match(case.client, probability=0.995)
    make_match(case.client, probability=0.7)
    decided = make_match(case.client, probability=0.999)
    services.match_confirm(actor=alice, match=decided, note="Foto dan sidik jari sama")
    pages = {
        alice.username: [
            "/matches/",
            f"/matches/{alert.public_id}/",
            f"/matches/{decided.public_id}/",
        ],
        bob.username: ["/matches/precision/", f"/records/{alert.record.public_id}/"],
        nina.username: ["/matches/"],
    }
    problems = axe_problems(page, live_server, pages)
    assert not problems, "\n".join(problems)
    log_in(page, live_server.url, alice.username)
    problem = keyboard_problem(
        page, f"{live_server.url}/matches/{alert.public_id}/", "form[action$='/confirm/'] button"
    )
    assert not problem, problem
