"""The TPP journey in a real browser (Debian Chromium driven by Playwright): the section head
schedules a session, puts a case on its agenda for the stage transition, decides it inline,
and the client page shows the new confirmed stage."""

import pytest
from django.urls import reverse

from bimkemas.testing import PASSWORD
from bimkemas.tpp.tests.conftest import approve_evaluation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings):
    """The live server speaks plain HTTP; production cookies are Secure-only."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


def log_in(page, live_server, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{live_server.url}{reverse('login')}")
    page.fill("[name=username]", username)
    page.fill("[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/**")
    assert "/login/" not in page.url


def test_a_tpp_session_confirms_the_next_stage(page, live_server, bob, dave, lanjutan_case):
    approve_evaluation(lanjutan_case)
    client_url = f"{live_server.url}/clients/{lanjutan_case.client.public_id}/"
    log_in(page, live_server, "bob")
    page.goto(client_url)
    panel = page.locator("section[aria-labelledby=tpp-title]")
    assert "Waiting for a TPP decision" in panel.inner_text()

    page.goto(f"{live_server.url}/tpp/")
    page.get_by_role("link", name="Schedule a session").click()
    page.fill("[name=place]", "Aula Bapas Palembang")
    page.select_option("[name=chair]", str(dave.public_id))
    page.select_option("[name=secretary]", str(bob.public_id))
    page.get_by_role("button", name="Schedule").click()
    page.wait_for_url(f"{live_server.url}/tpp/*/")
    assert "TPP.1/" in page.locator("h1").inner_text()

    page.fill("#case-search", lanjutan_case.register_number)
    page.get_by_role("button", name="Search").click()
    page.select_option(f"#kind-{lanjutan_case.public_id}", "stage_transition")
    page.fill(f"#summary-{lanjutan_case.public_id}", "Klien patuh, evaluasi disetujui")
    page.get_by_role("button", name="Add to the agenda").click()
    item = page.locator("section[aria-labelledby=agenda-title] li").first
    assert "Initial stage → Continued stage" in item.inner_text()

    item.locator("select[name=decision]").select_option("approved")
    item.get_by_role("button", name="Record the decision").click()
    page.locator("section[aria-labelledby=agenda-title] li .badge", has_text="Approved").wait_for()
    assert "/items/" not in page.url  # swapped in place by htmx

    page.goto(client_url)
    assert page.get_by_test_id("confirmed-stage").inner_text() == "Continued stage"
    assert "Waiting for a TPP decision" not in panel.inner_text()
