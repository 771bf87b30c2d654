"""The assessment on an officer's phone (Debian Chromium driven by Playwright): from the client
page to a draft with a question unanswered, then completed and scored; every page fits 360 px."""

import pytest

from bimkemas.assessments.models import Assessment
from bimkemas.dashboards.tests.test_browser_journey import log_in
from bimkemas.dashboards.tests.test_browser_phone_layout import assert_fits

# The assessments section of the client page (other apps' sections are theirs to check).
SECTION_CUT_OFF = """[...document.querySelectorAll('section[aria-labelledby=assessments-title]')]
    .map(s => s.getBoundingClientRect().right > innerWidth + 1
        || [...s.querySelectorAll('table')]
            .some(t => t.scrollWidth > t.parentElement.clientWidth + 1))
    .filter(Boolean).length"""

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings):
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    yield context.new_page()
    context.close()


def test_an_officer_assesses_on_a_phone(phone, live_server, alice, case, risk, needs):
    log_in(phone, live_server, "alice")
    phone.goto(f"{live_server.url}/clients/{case.client.public_id}/")
    assert phone.evaluate(SECTION_CUT_OFF) == 0
    phone.locator("#assessments-title").scroll_into_view_if_needed()
    phone.get_by_role("link", name="Assess", exact=True).click()
    phone.wait_for_url("**/new/")
    assert_fits(phone)
    phone.get_by_role("link", name=f"Assess {risk.name}").click()
    phone.wait_for_url(f"**/{risk.public_id}/")
    assert_fits(phone)
    for code in [f"A{n}" for n in range(1, 10)]:  # A10 left unanswered
        phone.locator(f"#q-{code} input[type=radio]").last.check()
    phone.get_by_role("button", name="Save and score").click()
    phone.wait_for_url("**/assessments/*/")
    assert phone.get_by_text("Not scored: these questions are not answered yet.").is_visible()
    assert_fits(phone)
    phone.get_by_role("link", name="Continue the draft").click()
    assert phone.locator("#q-A10").get_by_text("not answered").is_visible()
    phone.locator("#q-A10 input[type=radio]").first.check()
    phone.get_by_role("button", name="Save and score").click()
    phone.wait_for_url("**/assessments/*/")
    assessment = Assessment.objects.get()
    assert (assessment.status, assessment.score, assessment.band) == ("scored", 16, "Sangat Tinggi")
    assert phone.get_by_text("Sangat Tinggi").first.is_visible()
    assert_fits(phone)
    phone.goto(f"{live_server.url}/clients/{case.client.public_id}/")
    assert phone.evaluate(SECTION_CUT_OFF) == 0
    assert (
        phone.locator("section[aria-labelledby=assessments-title]")
        .get_by_text("Sangat Tinggi")
        .first.is_visible()
    )
