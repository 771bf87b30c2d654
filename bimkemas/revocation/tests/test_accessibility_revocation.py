"""WCAG 2.1 AA of the Bapas head's temporary revocation page (and the revocation it belongs
to) in a real browser: axe-core finds no serious or critical violation at 1280 and 360 px,
and the form's submit button is reached by keyboard."""

import pytest

from bimkemas.revocation.tests.conftest import walk_to_recommended
from bimkemas.testing_axe import axe_problems, keyboard_problem, log_in, plain_http

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_temporary_revocation_page_passes_axe(
    page, live_server, settings, alice, bob, dave, case, request_revocation
):
    plain_http(settings)
    revocation = walk_to_recommended(request_revocation(case), officer=alice, supervisor=bob)
    temporary = f"/revocations/{revocation.public_id}/step/temporary/"
    pages = {
        dave.username: [temporary, f"/revocations/{revocation.public_id}/"],
        bob.username: ["/revocations/", "/revocations/statistics/"],
    }
    problems = axe_problems(page, live_server, pages)
    assert not problems, "\n".join(problems)
    log_in(page, live_server.url, dave.username)
    problem = keyboard_problem(page, live_server.url + temporary, "main form button[type=submit]")
    assert not problem, problem
