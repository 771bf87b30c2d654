"""At 360 px (a phone) no page is wider than the screen and no table hides columns off to the
side: rows become cards (table-stack), figures stay on one line."""

import pytest
from django.urls import reverse

from bimkemas.dashboards.tests.test_browser_journey import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
# Tables wider than their box, or reaching past the right edge of the screen.
CUT_OFF_TABLES = """[...document.querySelectorAll('table')].filter(t =>
    t.getBoundingClientRect().right > innerWidth + 1
    || t.scrollWidth > t.parentElement.clientWidth + 1).length"""
# Figures that wrapped onto a second line ("366" / "1").
BROKEN_NUMBERS = """[...document.querySelectorAll('.stat-number')].filter(e =>
    e.getClientRects().length > 1 || e.scrollWidth > e.clientWidth + 1).length"""


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings):
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def assert_fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, page.url
    assert page.evaluate(CUT_OFF_TABLES) == 0, page.url
    assert page.evaluate(BROKEN_NUMBERS) == 0, page.url


def test_the_supervisors_pages_fit_a_phone(phone, live_server, bob, alice, case, make_case):
    make_case(identity={"full_name": "Andi Wijaya", "nik": None})  # an unassigned case
    log_in(phone, live_server, "bob")
    for path in (
        reverse("dashboard"),
        reverse("client_list"),
        reverse("officer_caseload", args=[alice.public_id]),
        reverse("office_overview"),
        reverse("intake"),
        reverse("case_assign", args=[case.public_id]),
    ):
        phone.goto(f"{live_server.url}{path}")
        assert_fits(phone)


def test_the_client_list_shows_each_cells_column_name_on_a_phone(phone, live_server, bob, case):
    log_in(phone, live_server, "bob")
    phone.goto(f"{live_server.url}{reverse('client_list')}")
    cell = phone.locator("#client-results td[data-label]").first
    label = cell.evaluate("e => getComputedStyle(e, '::before').content")
    assert label == '"Register number"'
    assert phone.locator("#client-results thead").bounding_box()["width"] <= 1


def test_the_officers_and_registrars_dashboards_fit_a_phone(phone, live_server, alice, carol, case):
    for username in ("alice", "carol"):
        log_in(phone, live_server, username)
        phone.goto(f"{live_server.url}{reverse('dashboard')}")
        assert_fits(phone)


def test_the_national_overview_fits_a_phone(phone, live_server, nina, case):
    log_in(phone, live_server, "nina")
    phone.goto(f"{live_server.url}{reverse('national_overview')}")
    assert_fits(phone)


def test_typing_in_the_search_box_narrows_the_officers(page, live_server, bob, alice, pat, case):
    log_in(page, live_server, "bob")
    page.goto(f"{live_server.url}{reverse('case_assign', args=[case.public_id])}")
    page.focus("#officer-filter")
    page.keyboard.type("pat")
    visible = page.locator("#officer-list label:visible")
    assert visible.count() == 1
    assert "Pat" in visible.first.inner_text()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "officer"
