"""WCAG 2.1 AA of the litmas pages in a real browser: axe-core finds no serious or critical
violation at 1280 and 360 px (the approach of dashboards' accessibility test), the public
tracking page included."""

import pytest

from bimkemas.litmas.services import (
    report_review,
    report_save,
    report_start,
    report_submit,
    request_assign,
)
from bimkemas.litmas.tests.conftest import FULL_SOURCES, filled_content
from bimkemas.testing_axe import axe_problems, keyboard_problem, log_in, plain_http

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _submitted(make_request, alice, bob, name: str, letter: str):
    request = make_request(subject_name=name, letter_number=letter)
    request = request_assign(actor=bob, request=request, officer=alice)
    report = report_start(actor=alice, request=request)
    report_save(actor=alice, report=report, content=filled_content(report), sources=FULL_SOURCES)
    return report_submit(actor=alice, report=report)


def test_the_litmas_pages_pass_axe(
    page, live_server, settings, alice, bob, carol, dave, full_report, make_request
):
    plain_http(settings)
    returned = report_submit(actor=alice, report=full_report)  # version 1 submitted …
    report_review(actor=bob, report=returned, approve=False, note="Lengkapi data keluarga")
    to_review = _submitted(make_request, alice, bob, "Joko Susilo", "W6.PAS-201")
    to_acknowledge = _submitted(make_request, alice, bob, "Dewi Sartika", "W6.PAS-202")
    report_review(actor=bob, report=to_acknowledge, approve=True)
    editing = returned.request  # … version 2 is the draft alice edits
    pages = {
        carol.username: [
            "/litmas/",
            "/litmas/?status=all",
            "/litmas/new/",
            f"/litmas/{editing.public_id}/slip/",
        ],
        bob.username: [
            f"/litmas/{to_review.request.public_id}/",
            f"/litmas/{editing.public_id}/",
        ],
        dave.username: [f"/litmas/{to_acknowledge.request.public_id}/"],
        alice.username: [
            f"/litmas/{editing.public_id}/",
            f"/litmas/{editing.public_id}/report/",
            f"/litmas/{editing.public_id}/report/versions/1/",
        ],
        "": ["/litmas/lacak/", f"/litmas/lacak/?code={editing.tracking_display}"],
    }
    problems = axe_problems(page, live_server, pages)
    assert not problems, "\n".join(problems)
    forms = {
        alice.username: (f"/litmas/{editing.public_id}/report/", "main button[name=save]"),
        carol.username: ("/litmas/new/", "main form button[type=submit].btn-primary"),
    }
    for username, (address, submit) in forms.items():
        log_in(page, live_server.url, username)
        problem = keyboard_problem(page, live_server.url + address, submit)
        assert not problem, problem
