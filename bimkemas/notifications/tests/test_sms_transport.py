import urllib.parse

import pytest

from bimkemas.notifications.delivery import deliver_due
from bimkemas.notifications.models import Channel, Notification, Status
from bimkemas.notifications.services import notification_enqueue
from bimkemas.notifications.tests.fake_gateway import Answer, FakeGateway
from bimkemas.notifications.transports import HttpSmsTransport

KEY = "Basic c21zLXVzZXI6c2VjcmV0LWtleQ=="


@pytest.fixture
def gateway(settings):
    with FakeGateway() as fake:
        settings.SMS_GATEWAY_URL = f"{fake.url}/api/send"
        settings.SMS_GATEWAY_METHOD = "POST"
        settings.SMS_GATEWAY_FORMAT = "json"
        settings.SMS_GATEWAY_AUTH_HEADER = "Authorization"
        settings.SMS_GATEWAY_AUTH_VALUE = KEY
        settings.SMS_GATEWAY_TO_FIELD = "to"
        settings.SMS_GATEWAY_TEXT_FIELD = "text"
        settings.SMS_GATEWAY_SENDER_FIELD = "from"
        settings.SMS_GATEWAY_SENDER = "BAPASPLG"
        settings.SMS_GATEWAY_REFERENCE_FIELD = "ref"
        settings.SMS_GATEWAY_ID_FIELD = "message_id"
        settings.GATEWAY_TIMEOUT = 0.5
        settings.NOTIFICATION_TRANSPORTS = {
            "sms": "bimkemas.notifications.transports.HttpSmsTransport"
        }
        yield fake


@pytest.fixture
def message(pat):
    pat.phone = "+6281270001234"
    pat.save()
    return notification_enqueue(
        recipient=pat,
        purpose_key="test:sms",
        subject="Pengingat",
        body="Bapak Pat, jadwal wajib lapor Anda bulan Desember 2026.",
        channels=(Channel.SMS,),
    )[0]


def test_it_posts_the_configured_fields_with_the_auth_header(gateway, message):
    gateway.answers = [Answer(200, {"message_id": "sms-77", "status": "queued"})]

    assert deliver_due() == 1

    request = gateway.received[0]
    assert (request.method, request.path) == ("POST", "/api/send")
    assert request.headers["Authorization"] == KEY
    assert request.json() == {
        "to": "+6281270001234",
        "text": "Bapak Pat, jadwal wajib lapor Anda bulan Desember 2026.",
        "from": "BAPASPLG",
        "ref": str(message.public_id),
    }
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert message.delivery_attempts.get().detail == "SMS id sms-77"


def test_it_can_send_a_form_body(settings, gateway, message):
    settings.SMS_GATEWAY_FORMAT = "form"
    settings.SMS_GATEWAY_TO_FIELD = "msisdn"
    settings.SMS_GATEWAY_TEXT_FIELD = "message"

    deliver_due()

    fields = urllib.parse.parse_qs(gateway.received[0].body.decode())
    assert fields["msisdn"] == ["+6281270001234"]
    assert fields["message"] == ["Bapak Pat, jadwal wajib lapor Anda bulan Desember 2026."]


def test_it_can_send_by_get(settings, gateway, message):
    settings.SMS_GATEWAY_METHOD = "GET"
    settings.SMS_GATEWAY_URL = f"{gateway.url}/api/send?user=bapas"

    deliver_due()

    request = gateway.received[0]
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(request.path).query)
    assert request.method == "GET"
    assert query["user"] == ["bapas"]
    assert query["to"] == ["+6281270001234"]


def test_it_gives_up_at_once_on_a_4xx(gateway, message):
    gateway.answers = [Answer(401, {"error": "bad credentials"})]

    deliver_due()

    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.FAILED, 1)
    assert message.last_error == 'SMS gateway HTTP 401: {"error": "bad credentials"}'
    assert KEY not in message.last_error and "secret" not in message.last_error


def test_it_retries_after_a_5xx(gateway, message):
    gateway.answers = [Answer(502, "Bad Gateway")]

    deliver_due()

    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.PENDING, 1)
    assert message.last_error == "SMS gateway HTTP 502: Bad Gateway"


def test_it_retries_after_a_timeout_without_sending_twice(gateway, message):
    gateway.answers = [Answer(200, {"message_id": "late"}, delay=1.5)]

    deliver_due()

    message.refresh_from_db()
    assert message.status == Status.PENDING
    assert message.last_error.startswith("SMS gateway unavailable: ")
    assert deliver_due() == 0
    assert len(gateway.received) == 1
    assert Notification.objects.count() == 1


def test_it_reports_a_rejected_number(gateway, message):
    gateway.answers = [Answer(400, {"error": "Invalid number: +6281270001234"})]

    result = HttpSmsTransport().send(message)

    assert (result.ok, result.retryable, result.address_rejected) == (False, False, True)
