"""Recording an online contact or a visit from the client page, and the client-page panel."""

import datetime as dt

from django.utils import timezone

from bimkemas.reporting.models import CheckIn
from bimkemas.testing import login, png_upload


def contact_url(case):
    return f"/reporting/cases/{case.public_id}/contact/"


def test_the_form_offers_a_whatsapp_link_to_the_clients_phone(client, alice, case):
    login(client, alice)
    html = client.get(contact_url(case)).content.decode()
    assert "https://wa.me/6281270001234" in html


def test_it_records_a_chat_with_a_screenshot(client, alice, case):
    login(client, alice)
    now = timezone.localtime().strftime("%d/%m/%Y %H:%M")
    data = {
        "channel": "chat",
        "occurred_at": now,
        "reporter": "client",
        "condition": "Baik",
        "token": "tok-1",
        "evidence": png_upload(),
    }
    response = client.post(contact_url(case), data, follow=True)
    assert "Contact with Budi Santoso recorded." in response.content.decode()
    checkin = CheckIn.objects.get()
    assert checkin.channel == "chat"
    assert checkin.evidence


def test_a_future_time_is_shown_on_the_form(client, alice, case):
    login(client, alice)
    later = (timezone.localtime() + dt.timedelta(days=1)).strftime("%d/%m/%Y %H:%M")
    data = {"channel": "phone", "occurred_at": later, "reporter": "client", "token": "t"}
    response = client.post(contact_url(case), data)
    assert response.status_code == 400
    assert "in the future" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_a_reader_who_may_not_write_gets_a_404(client, erin, pat, case):
    login(client, pat)
    assert client.get(contact_url(case)).status_code == 404


def test_the_client_page_shows_the_schedule_and_latest_check_ins(client, alice, case):
    login(client, alice)
    client.post("/reporting/front-desk/visit/", {"case": case.public_id, "token": "x"}, follow=True)
    html = client.get(f"/clients/{case.client.public_id}/").content.decode()
    assert "Reporting (wajib lapor)" in html
    assert "Monthly" in html
    assert "In person at the office" in html
    assert contact_url(case) in html
