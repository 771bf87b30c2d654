"""The visit form on an officer's phone (Debian Chromium driven by Playwright): opened
online once, filled and submitted offline — queued on the phone —, sent when the connection
returns, and stored exactly once."""

import time

import pytest
from django.urls import reverse

from bimkemas.core.dates import today
from bimkemas.reporting.models import CheckIn
from bimkemas.testing import PASSWORD, PNG_BYTES
from bimkemas.visits.models import HomeVisit, VisitStatus
from bimkemas.visits.services import visit_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 360, "height": 740}
HOME = {"latitude": -2.990123, "longitude": 104.760456, "accuracy": 18}


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings):
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture
def phone(browser, live_server):
    """localhost, not 127.0.0.1: service workers and geolocation need a secure origin."""
    context = browser.new_context(
        viewport=PHONE,
        base_url=live_server.url.replace("127.0.0.1", "localhost"),
        permissions=["geolocation"],
        geolocation=HOME,
        is_mobile=True,
        has_touch=True,
    )
    yield context
    context.close()


def wait_for(condition, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.2)


def log_in(page, username: str) -> None:
    page.goto(reverse("login"))
    page.fill("[name=username]", username)
    page.fill("[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert "/login/" not in page.url


def test_a_visit_recorded_offline_is_queued_and_sent_once_online(phone, tmp_path, case, alice):
    planned = visit_plan(actor=alice, case=case, planned_on=today(), reason="three_misses")
    photo = tmp_path / "rumah.png"
    photo.write_bytes(PNG_BYTES)
    page = phone.new_page()
    log_in(page, "alice")
    page.goto(reverse("visits_home"))
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    record_url = reverse("visits_record", args=[planned.public_id])
    page.goto(record_url)  # seen online once: kept by the service worker
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")

    phone.set_offline(True)
    page.reload()  # offline: the form comes from the worker's cache
    page.wait_for_selector("#visit-form")
    page.wait_for_function("() => document.querySelector('[name=accuracy]').value !== ''")
    assert "18 m" in page.inner_text("#location-status")
    page.locator("#add-person").click()
    page.select_option("#person-kind-2", "rt_rw_head")
    page.fill("#person-name-2", "Pak RT Ahmad")
    page.fill("[name=findings]", "Klien ada di rumah, bekerja sebagai tukang las.")
    page.set_input_files("#id_photos", str(photo))
    page.locator("#visit-submit").click()
    page.wait_for_selector("#queue-status.queued")
    assert "queued" in page.inner_text("#queue-status")
    time.sleep(1)
    planned.refresh_from_db()
    assert planned.status == VisitStatus.PLANNED

    phone.set_offline(False)
    wait_for(lambda: HomeVisit.objects.filter(status=VisitStatus.DONE).exists())
    page.wait_for_selector("#queue-status.sent")
    time.sleep(1)  # the page and the worker may both have sent it: still one record

    visit = HomeVisit.objects.get()
    assert visit.pk == planned.pk and visit.status == VisitStatus.DONE
    assert visit.persons_met[-1] == {"kind": "rt_rw_head", "name": "Pak RT Ahmad"}
    assert visit.accuracy_m == 18 and float(visit.latitude) == pytest.approx(-2.990123)
    assert visit.photos.count() == 1
    assert CheckIn.objects.count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
