"""Issue 8's journey in a real browser: a prison admission matched to the officer's client under
an altered name raises an alert on the home page; the officer compares and confirms it, which
opens a violation; she answers it on the ladder with a revocation proposal and records the
request that starts the revocation process."""

import datetime as dt

import pytest

from bimkemas.core.dates import today
from bimkemas.linkage.models import MatchStatus
from bimkemas.linkage.tests.matches_support import make_match, make_record
from bimkemas.revocation.models import Revocation
from bimkemas.testing_axe import axe_problems, log_in, plain_http
from bimkemas.violations.models import Violation, ViolationSource

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_a_match_alert_to_a_revocation_proposal(page, live_server, settings, alice, case):
    plain_http(settings)
    client = case.client
    # The client is back in custody under a name one letter off and without his NIK.
    altered = client.full_name[:-1] + ("a" if client.full_name[-1] != "a" else "e")
    record = make_record(
        altered,
        birth_date=client.birth_date,
        event_date=today() - dt.timedelta(days=2),
        event="Ditahan: pencurian dengan pemberatan (Pasal 363 KUHP)",
    )
    match = make_match(client, record)
    base = live_server.url

    log_in(page, base, alice.username)
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(f"{base}/clients/{client.public_id}/")
    page.locator("#match-alerts").get_by_role("link", name="Compare and decide").wait_for()
    page.goto(f"{base}/")
    page.get_by_text("Prison or court records that may be your clients").wait_for()
    page.locator(f"a[href='/matches/{match.public_id}/']").first.click()
    page.wait_for_url(f"{base}/matches/{match.public_id}/")
    assert altered in page.inner_text("main")

    page.get_by_label("Note (optional)").fill("Sama: foto dan tanggal lahir cocok")
    page.get_by_role("button", name="Confirm: same person").click()
    page.get_by_text("Confirmed. A violation (new offence) is open for your decision.").wait_for()
    match.refresh_from_db()
    assert match.status == MatchStatus.CONFIRMED
    violation = Violation.objects.get(case=case, source=ViolationSource.MATCH)
    assert match.violation == violation

    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator(f"a[href='/violations/{violation.public_id}/']").first.click()
    page.wait_for_url(f"{base}/violations/{violation.public_id}/")
    page.select_option("[name=rung]", label="Usul pencabutan")
    page.get_by_role("button", name="Record the response").click()
    page.get_by_role("link", name="Start the revocation proposal").click()
    page.wait_for_url(f"{base}/cases/{case.public_id}/revocation/new/*")
    propose_url = page.url.removeprefix(base)

    page.select_option("[name=channel]", "written")
    page.fill("[name=sender]", "Kepala Rutan Kelas I Palembang")
    page.fill("[name=letter_number]", "W6.PAS.PAS.11-123/2026")
    page.select_option("[name=grounds]", "new_offence")
    page.get_by_role("button", name="Record the request").click()
    page.wait_for_url(f"{base}/revocations/*/")
    revocation = Revocation.objects.get(case=case)
    assert revocation.violation == violation
    assert "20" in page.inner_text("main")  # the service standard's clock is shown

    visited = [
        f"/matches/{match.public_id}/",
        f"/violations/{violation.public_id}/",
        propose_url,
        f"/revocations/{revocation.public_id}/",
    ]
    assert axe_problems(page, live_server, {alice.username: visited}) == []
