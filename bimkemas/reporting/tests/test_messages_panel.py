import datetime as dt

import pytest
from django.urls import reverse

from bimkemas.audit.models import AuditEvent
from bimkemas.clients.services import case_grant_access
from bimkemas.core.dates import today
from bimkemas.notifications.delivery import deliver_due
from bimkemas.notifications.models import Notification
from bimkemas.notifications.transports import DeliveryResult
from bimkemas.reporting.models import ClientAccess
from bimkemas.reporting.panels_messages import plain_error
from bimkemas.reporting.reminders import send_reminders
from bimkemas.reporting.tests.reminder_helpers import at, past_period, reminder_case
from bimkemas.testing import login

REJECTING = "bimkemas.reporting.tests.test_messages_panel.RejectingGateway"


class RejectingGateway:
    name = "test-gateway"

    def send(self, notification):
        detail = "WhatsApp HTTP 400 code 131026: Undeliverable"
        return DeliveryResult(ok=False, detail=detail, retryable=False, address_rejected=True)


@pytest.fixture
def case(make_case, alice, settings, tmp_path):
    settings.NOTIFICATION_CONSOLE_FILE = tmp_path / "notifications.log"
    return reminder_case(make_case, alice)


def remind_and_deliver(case):
    day = past_period().ends_on
    send_reminders(day=day, office=case.office, now=at(day))
    deliver_due(now=at(day))


def page(client, user, case) -> str:
    login(client, user)
    response = client.get(reverse("client_detail", args=[case.client.public_id]))
    assert response.status_code == 200
    return response.content.decode()


def test_it_lists_a_sent_reminder_with_its_attempt(client, case, alice):
    remind_and_deliver(case)

    html = page(client, alice, case)

    assert 'id="messages"' in html
    assert "On the due date" in html
    assert f"period from {past_period().starts_on.day} " in html
    assert "+6281270001234" in html
    assert '<span class="badge text-bg-success">Sent</span>' in html
    assert "console · accepted" in html
    assert "today" in html  # the text itself, behind "Text"


def test_it_shows_a_waiting_reminder_and_when_it_will_be_tried(client, case, alice):
    day = past_period().ends_on
    send_reminders(day=day, office=case.office, now=at(day, 22))

    html = page(client, alice, case)

    assert '<span class="badge text-bg-warning">Waiting</span>' in html
    assert "next try" in html


def test_it_explains_a_failure_in_plain_words(settings, client, case, alice):
    settings.NOTIFICATION_TRANSPORTS = {"whatsapp": REJECTING, "sms": ""}
    remind_and_deliver(case)

    html = page(client, alice, case)

    assert '<span class="badge text-bg-danger">Failed</span>' in html
    assert "The number cannot receive this message: find a working number." in html


def test_a_reader_sees_the_messages_but_not_the_opt_out_form(client, case, dave, pat):
    remind_and_deliver(case)
    case_grant_access(actor=dave, case=case, officer=pat, until=today() + dt.timedelta(days=7))

    html = page(client, pat, case)

    assert "On the due date" in html
    assert "Stop reminders by" not in html
    assert "wa.me" not in html


def test_the_officer_gets_the_opt_out_form_and_a_whatsapp_link(client, case, alice):
    html = page(client, alice, case)

    assert "No message has been sent to the client yet." in html
    assert "Stop reminders by WhatsApp" in html
    assert "Stop reminders by SMS" in html
    assert 'href="https://wa.me/6281270001234"' in html


def test_it_only_lists_this_clients_messages(client, case, make_case, alice, bob):
    other = reminder_case(make_case, alice, full_name="Joko Widodo")
    remind_and_deliver(case)
    Notification.objects.filter(client_pk=other.client_id).delete()

    html = page(client, bob, other)

    assert "No message has been sent to the client yet." in html


@pytest.mark.parametrize(
    ("error", "words"),
    [
        ("SMS gateway HTTP 400: Invalid number", "The number cannot receive"),
        ("WhatsApp unavailable: timeout: timed out", "could not be reached"),
        ("SMS gateway HTTP 502: Bad Gateway", "had a problem"),
        ("WhatsApp HTTP 401 code 190: Invalid OAuth token", "refused our account"),
        ("SMS gateway HTTP 400: missing field", "refused the message"),
        ("", ""),
    ],
)
def test_plain_error_words(error, words):
    assert words in plain_error(error)


def test_the_officer_records_an_opt_out_without_javascript(client, case, alice):
    login(client, alice)
    url = reverse("reporting_client_opt_out", args=[case.client.public_id])

    response = client.post(url, {"channel": "whatsapp", "opted_out": "1"})

    assert response.status_code == 302
    assert response["Location"].endswith(f"/clients/{case.client.public_id}/#messages")
    assert ClientAccess.objects.get(client=case.client).opted_out_channels == ["whatsapp"]
    html = page(client, alice, case)
    assert "Resume reminders by WhatsApp" in html
    assert AuditEvent.objects.filter(object_type="clientaccess", actor=alice).count() == 1


def test_the_opt_out_swaps_the_section_with_htmx(client, case, alice):
    login(client, alice)
    url = reverse("reporting_client_opt_out", args=[case.client.public_id])

    response = client.post(url, {"channel": "sms", "opted_out": "1"}, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('\n<section class="card mb-3" id="messages"')
    assert "Resume reminders by SMS" in html


def test_an_unknown_channel_is_refused_with_a_message(client, case, alice):
    login(client, alice)
    url = reverse("reporting_client_opt_out", args=[case.client.public_id])

    response = client.post(url, {"channel": "pigeon", "opted_out": "1"}, HTTP_HX_REQUEST="true")

    assert "Choose WhatsApp or SMS." in response.content.decode()
    assert not ClientAccess.objects.exists()


@pytest.mark.parametrize("persona", ["pat", "erin", "nina"])
def test_the_opt_out_is_404_for_whoever_may_not_write_the_client(request, client, case, persona):
    login(client, request.getfixturevalue(persona))
    url = reverse("reporting_client_opt_out", args=[case.client.public_id])

    response = client.post(url, {"channel": "sms", "opted_out": "1"})

    assert response.status_code == 404
    assert not ClientAccess.objects.exists()


def test_the_opt_out_wants_a_post(client, case, alice):
    login(client, alice)

    response = client.get(reverse("reporting_client_opt_out", args=[case.client.public_id]))

    assert response.status_code == 405
