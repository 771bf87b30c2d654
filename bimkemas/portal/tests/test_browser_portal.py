"""The client's app in a real phone-sized browser (Debian Chromium driven by Playwright):
activation from the officer's link, sign-in, a check-in with a selfie and the location, and
a check-in made offline that is sent once the connection returns (exactly one record)."""

import time

import pytest
from django.urls import reverse

from bimkemas.portal.tests.conftest import PIN, activate
from bimkemas.reporting.models import CheckIn
from bimkemas.reporting.services.client_app import access_issue_code
from bimkemas.testing import PNG_BYTES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 360, "height": 740}
PALEMBANG = {"latitude": -2.976074, "longitude": 104.775429, "accuracy": 25}


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings):
    """The live server speaks plain HTTP; production cookies are Secure-only."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture
def phone(browser, live_server):
    """localhost, not 127.0.0.1: service workers and geolocation need a secure origin."""
    context = browser.new_context(
        viewport=PHONE,
        base_url=live_server.url.replace("127.0.0.1", "localhost"),
        permissions=["geolocation"],
        geolocation=PALEMBANG,
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


def sign_in(page, case) -> None:
    page.goto(reverse("portal:sign_in"))
    page.fill("[name=register_number]", case.register_number)
    page.fill("[name=birth_date]", case.client.birth_date.strftime("%d/%m/%Y"))
    page.fill("[name=pin]", PIN)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/lapor/")


def fill_report(page, tmp_path) -> None:
    selfie = tmp_path / "selfie.png"
    selfie.write_bytes(PNG_BYTES)
    page.locator("label[for=id_condition_0]").click()
    page.fill("[name=activity]", "Bekerja di bengkel motor")
    page.locator("label[for=id_needs_0]").click()
    page.set_input_files("#id_selfie", str(selfie))


def test_it_takes_a_client_from_activation_to_a_check_in(phone, tmp_path, case, alice):
    issued = access_issue_code(actor=alice, client=case.client)
    page = phone.new_page()

    page.goto(f"{reverse('portal:activate')}?kode={issued.code}")  # the QR code's link
    assert page.input_value("[name=code]") == issued.code
    page.fill("[name=register_number]", case.register_number)
    page.fill("[name=birth_date]", case.client.birth_date.strftime("%d/%m/%Y"))
    page.fill("[name=pin]", PIN)
    page.fill("[name=pin_again]", PIN)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/lapor/")
    page.locator(f"a[href='{reverse('portal:checkin')}']").first.click()
    page.wait_for_url("**/laporan/")
    fill_report(page, tmp_path)
    # Location permission was given before, so the page takes the location by itself.
    page.wait_for_function("() => document.querySelector('[name=accuracy]').value !== ''")
    page.locator("#checkin-submit").click()
    page.wait_for_selector("#done")

    checkin = CheckIn.objects.get()
    assert checkin.case == case
    assert checkin.selfie and checkin.accuracy_m == 25
    assert float(checkin.latitude) == pytest.approx(-2.976074)
    assert checkin.answers["activity"] == "Bekerja di bengkel motor"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_it_queues_a_check_in_made_offline_and_sends_it_once_online(phone, tmp_path, case, alice):
    activate(case, alice)
    page = phone.new_page()
    sign_in(page, case)
    page.goto(reverse("portal:checkin"))
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")

    phone.set_offline(True)
    fill_report(page, tmp_path)
    page.locator("#checkin-submit").click()
    page.wait_for_selector("#queue-status.queued")
    queued_text = page.inner_text("#queue-status")
    time.sleep(1)
    assert not CheckIn.objects.exists()
    page.reload()  # offline: the form comes from the service worker's cache
    assert page.locator("#checkin-form").is_visible()

    phone.set_offline(False)
    wait_for(lambda: CheckIn.objects.exists())
    page.goto(reverse("portal:home"))
    page.wait_for_function("() => document.querySelector('#pending-list').children.length === 0")
    time.sleep(1)  # the page and the worker may both have sent it: still one record

    assert "when you are online" in queued_text
    assert CheckIn.objects.count() == 1
    checkin = CheckIn.objects.get()
    assert checkin.selfie and checkin.needs == ["work"]
