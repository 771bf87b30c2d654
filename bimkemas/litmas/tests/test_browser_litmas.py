"""In a real browser: the PK writes the litmas in the editor (sections side list, sources)
and submits it; the requester follows it on the public tracking page by its code."""

import os

import pytest
from django.core.cache import cache
from django.urls import reverse

from bimkemas.litmas.models import ReportStatus
from bimkemas.testing import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("LITMAS_SCREENSHOTS", "")


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings):
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    cache.clear()


def _shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def log_in(page, live_server, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{live_server.url}{reverse('login')}")
    page.fill("[name=username]", username)
    page.fill("[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/**")


def test_the_pk_writes_and_submits_and_the_requester_tracks(page, live_server, report, alice):
    request = report.request
    log_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/litmas/{request.public_id}/report/")
    _shot(page, "editor")
    for section in report.outline.sections_for(request.type):
        box = page.locator(f"#input-{section['code']}")
        if not box.input_value():
            box.fill("Nama: Budi" if section["kind"] == "facts" else f"Isi {section['heading']}")
    page.select_option("#source-kind-1", "interview")
    page.fill("#source-date-1", "2026-11-02")
    page.fill("#source-note-1", "Klien dan istri")
    page.get_by_role("button", name="Save and submit for review").click()
    page.wait_for_url(f"{live_server.url}/litmas/{request.public_id}/")
    _shot(page, "request")
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/litmas/lacak/")
    page.fill("#track-code", request.tracking_display.lower())
    page.get_by_role("button", name="Show the status").click()
    _shot(page, "track")
    assert "Submitted for review" in page.content()
    assert request.client.full_name not in page.content()
