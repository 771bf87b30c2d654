"""WCAG 2.1 AA of the guidance pages in a real browser: axe-core finds no serious or critical
violation at 1280 and 360 px (the approach of dashboards' accessibility test)."""

import pytest

from bimkemas.core.dates import today
from bimkemas.dashboards.tests.test_accessibility import (
    BLOCKING,
    RUN_AXE,
    WCAG_21_AA,
    WIDTHS,
    axe_source,
    describe,
)
from bimkemas.dashboards.tests.test_browser_journey import log_in
from bimkemas.guidance.services.evaluations import evaluation_approve
from bimkemas.guidance.services.plans import plan_propose
from bimkemas.guidance.services.sessions import AttendanceInput, session_record
from bimkemas.guidance.tests.conftest import write_evaluation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings):
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


def _check(page, axe: str, url: str, width: int) -> list[str]:
    page.set_viewport_size({"width": width, "height": WIDTHS[width]})
    page.goto(url)
    page.evaluate(axe)
    blocking = [v for v in page.evaluate(RUN_AXE, WCAG_21_AA) if v["impact"] in BLOCKING]
    return [f"{url} at {width} px:\n{describe(blocking)}"] if blocking else []


def test_the_guidance_pages_pass_axe(page, live_server, alice, bob, dave, lanjutan_case, case):
    axe = axe_source()
    draft = plan_propose(actor=alice, case=lanjutan_case, stage="lanjutan")
    submitted = write_evaluation(lanjutan_case, alice)
    writing = write_evaluation(lanjutan_case, alice, stage="lanjutan", submit=False)
    approved = write_evaluation(case, alice, stage="awal")
    evaluation_approve(actor=dave, evaluation=approved)
    session = session_record(
        actor=alice,
        held_on=today(),
        kind="group",
        method="groupwork",
        area="legal",
        title="Penyuluhan hukum",
        attendances=[AttendanceInput(case), AttendanceInput(lanjutan_case, status="absent")],
    )
    pages = {
        alice.username: [
            f"/clients/{lanjutan_case.client.public_id}/",
            f"/guidance/plans/{draft.public_id}/",
            f"/guidance/plans/{draft.public_id}/agree/",
            f"/guidance/cases/{lanjutan_case.public_id}/activity/",
            "/guidance/sessions/group/",
            f"/guidance/sessions/{session.public_id}/",
            f"/guidance/evaluations/{submitted.public_id}/",
            f"/guidance/evaluations/{writing.public_id}/",
        ],
        bob.username: [
            f"/guidance/evaluations/{submitted.public_id}/",
            f"/guidance/evaluations/{approved.public_id}/",
            "/guidance/approvals/",
            "/guidance/coverage/",
            "/guidance/sessions/group/",
        ],
    }
    problems = []
    for username, addresses in pages.items():
        log_in(page, live_server, username)
        for address in addresses:
            for width in WIDTHS:
                problems += _check(page, axe, live_server.url + address, width)
    assert not problems, "\n".join(problems)
