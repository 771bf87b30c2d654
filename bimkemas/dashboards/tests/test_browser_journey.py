"""The main journey in a real browser (Debian Chromium driven by Playwright):
a registrar logs in and takes in a client with handover documents, the section head
assigns the case, and the client appears on the officer's dashboard."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from bimkemas.clients.models import SupervisionCase
from bimkemas.core.dates import today
from bimkemas.testing import PASSWORD, PDF_BYTES, PNG_BYTES, make_nik

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


def fill_intake(page, tmp_path, work_area, pb, facility) -> None:
    birth = dt.date(1991, 3, 14)
    start = today() - dt.timedelta(days=20)
    sk_file = tmp_path / "sk.pdf"
    sk_file.write_bytes(PDF_BYTES)
    photo_file = tmp_path / "depan.png"
    photo_file.write_bytes(PNG_BYTES)
    fields = {
        "full_name": "Rahmat Hidayat bin Sulaiman",
        "nik": make_nik(birth),
        "birth_place": "Palembang",
        "birth_date": birth.isoformat(),
        "kelurahan": "Sungai Pangeran",
        "kecamatan": "Ilir Timur I",
        "phone0-number": "0812 7311 4455",
        "guarantor-name": "Nurhayati",
        "guarantor-relation": "Ibu",
        "sk_number": "PAS-771.PK.05.09 TAHUN 2026",
        "sk_date": (start - dt.timedelta(days=5)).isoformat(),
        "sk_issuer": "Direktorat Jenderal Pemasyarakatan",
        "offence_law": "UU 35/2009",
        "offence_article": "Pasal 112 ayat (1)",
        "sentence_years": "3",
        "guidance_start": start.isoformat(),
        "guidance_end": (start + dt.timedelta(days=500)).isoformat(),
    }
    for name, value in fields.items():
        page.fill(f"[name='{name}']", value)
    page.select_option("[name=sex]", "L")
    page.select_option("[name=religion]", "islam")
    page.select_option("[name=category]", "dewasa")
    page.select_option("[name=work_area]", str(work_area.pk))
    page.select_option("[name=programme]", str(pb.pk))
    page.select_option("[name=origin_facility]", str(facility.pk))
    page.select_option("[name=crime_category]", "narkotika")
    page.set_input_files("[name=sk]", str(sk_file))
    page.set_input_files("[name=photo_front]", str(photo_file))


CLIENT_PAGE = re.compile(r"/clients/[0-9a-f-]{36}/(#[\w-]+)?$")


def requests_leaving(page, live_server) -> list[str]:
    """Every request the page makes to a host other than our server (a CDN, say)."""
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((live_server.url, "data:"))
            else outside.append(request.url)
        ),
    )
    return outside


def test_it_takes_a_client_from_intake_to_the_officers_dashboard(
    page, live_server, tmp_path, carol, bob, alice, work_area, pb, facility
):
    outside = requests_leaving(page, live_server)
    log_in(page, live_server, "carol")
    page.goto(f"{live_server.url}{reverse('intake')}")
    fill_intake(page, tmp_path, work_area, pb, facility)
    page.locator("form[action$='/intake/'] button[type=submit]").click()
    page.wait_for_url("**/clients/*/")

    case = SupervisionCase.objects.get(client__full_name="Rahmat Hidayat bin Sulaiman")
    assert page.get_by_text(case.register_number).first.is_visible()
    assert case.documents.count() == 2
    assert case.officer is None

    log_in(page, live_server, "bob")
    page.goto(f"{live_server.url}{reverse('dashboard')}")
    page.locator(f"a[href='{reverse('case_assign', args=[case.public_id])}']").first.click()
    page.wait_for_url("**/assign/")
    page.locator("#proposal button[type=submit]").click()  # accept the proposed officer
    page.wait_for_url("**/clients/*/")
    case.refresh_from_db()
    assert case.officer == alice

    log_in(page, live_server, "alice")
    page.goto(f"{live_server.url}{reverse('dashboard')}")
    assert page.get_by_text("Rahmat Hidayat bin Sulaiman").first.is_visible()
    page.get_by_text("Rahmat Hidayat bin Sulaiman").first.click()
    page.wait_for_url(CLIENT_PAGE)  # a work item may link to a section of it
    assert page.get_by_text(case.register_number).first.is_visible()
    assert outside == []


def test_it_keeps_another_offices_client_out_of_reach(page, live_server, case, erin):
    log_in(page, live_server, "erin")

    response = page.goto(
        f"{live_server.url}{reverse('client_detail', args=[case.client.public_id])}"
    )

    assert response is not None and response.status == 404
    assert case.client.full_name not in page.content()


def test_it_fits_the_client_page_on_a_phone(browser, live_server, case):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    phone = context.new_page()
    log_in(phone, live_server, "alice")

    phone.goto(f"{live_server.url}{reverse('client_detail', args=[case.client.public_id])}")

    scroll_width = phone.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 360
    context.close()


def test_it_serves_the_api_explorer_from_our_own_server(page, live_server, bob):
    outside = requests_leaving(page, live_server)
    log_in(page, live_server, "bob")

    page.goto(f"{live_server.url}/api/docs")

    page.get_by_text("/api/v1/clients").first.wait_for()
    assert outside == []
