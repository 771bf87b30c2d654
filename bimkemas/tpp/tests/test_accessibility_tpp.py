"""WCAG 2.1 AA of the TPP and termination pages in a real browser: axe-core finds no serious
or critical violation at 1280 and 360 px (the approach of dashboards' accessibility test)."""

import datetime as dt

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
from bimkemas.termination.services import case_complete
from bimkemas.testing import PASSWORD
from bimkemas.tpp.services import agenda_add, agenda_decide

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings):
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


def _log_in(page, url: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{url}/login/")
    page.fill("[name=username]", username)
    page.fill("[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{url}/**")


def _check(page, axe: str, url: str, width: int) -> list[str]:
    page.set_viewport_size({"width": width, "height": WIDTHS[width]})
    page.goto(url)
    page.evaluate(axe)
    blocking = [v for v in page.evaluate(RUN_AXE, WCAG_21_AA) if v["impact"] in BLOCKING]
    return [f"{url} at {width} px:\n{describe(blocking)}"] if blocking else []


def test_the_tpp_and_termination_pages_pass_axe(
    page, live_server, alice, bob, dave, session, lanjutan_case, case, make_case
):
    axe = axe_source()
    ended = make_case(
        officer=alice,
        identity={"full_name": "Rudi Hartono"},
        case={
            "guidance_start": today() - dt.timedelta(days=300),
            "guidance_end": today() - dt.timedelta(days=2),
        },
    )
    done = make_case(
        officer=alice,
        identity={"full_name": "Dedi Kurniawan"},
        case={
            "guidance_start": today() - dt.timedelta(days=300),
            "guidance_end": today() - dt.timedelta(days=1),
        },
    )
    case_complete(actor=bob, case=done, on=today(), aftercare_months=2)
    agenda_add(actor=bob, session=session, case=lanjutan_case, kind="stage_transition")
    decided = agenda_add(actor=bob, session=session, case=case, kind="other", summary="Patuh")
    agenda_decide(actor=bob, item=decided, decision="deferred", note="Bulan depan")
    base = live_server.url
    pages = {
        "bob": [
            "/tpp/",
            "/tpp/new/",
            f"/tpp/{session.public_id}/?q=Budi",
            f"/cases/{lanjutan_case.public_id}/tpp/override/",
            f"/cases/{ended.public_id}/terminate/",
            f"/cases/{done.public_id}/terminate/",
            f"/clients/{done.client.public_id}/",
        ],
        "alice": [
            f"/clients/{lanjutan_case.client.public_id}/",
            f"/cases/{lanjutan_case.public_id}/tpp/propose/",
            f"/tpp/{session.public_id}/",
        ],
    }
    problems = []
    for username, addresses in pages.items():
        _log_in(page, base, username)
        for address in addresses:
            for width in WIDTHS:
                problems += _check(page, axe, base + address, width)
    assert not problems, "\n".join(problems)
