import pytest

from bimkemas.notifications.delivery import deliver_due
from bimkemas.notifications.models import Channel, DeliveryAttempt, Notification, Status
from bimkemas.notifications.services import notification_enqueue
from bimkemas.notifications.tests.fake_gateway import Answer, FakeGateway
from bimkemas.notifications.transports import WhatsAppCloudTransport

TOKEN = "EAAG-secret-token-1234567890"


@pytest.fixture
def gateway(settings):
    with FakeGateway() as fake:
        settings.WHATSAPP_API_URL = fake.url
        settings.WHATSAPP_API_VERSION = "v21.0"
        settings.WHATSAPP_PHONE_NUMBER_ID = "1098765"
        settings.WHATSAPP_TOKEN = TOKEN
        settings.WHATSAPP_TEMPLATE = ""
        settings.GATEWAY_TIMEOUT = 0.5
        settings.NOTIFICATION_TRANSPORTS = {
            "whatsapp": "bimkemas.notifications.transports.WhatsAppCloudTransport"
        }
        yield fake


@pytest.fixture
def message(pat):
    pat.phone = "+6281270001234"
    pat.save()
    return notification_enqueue(
        recipient=pat,
        purpose_key="test:whatsapp",
        subject="Pengingat",
        body="Bapak Pat, jadwal wajib lapor Anda\nbulan Desember 2026.",
        channels=(Channel.WHATSAPP,),
    )[0]


def attempts(notification: Notification) -> list[DeliveryAttempt]:
    return list(notification.delivery_attempts.all())


def test_it_sends_a_text_message_with_the_bearer_token(gateway, message):
    gateway.answers = [Answer(200, {"messages": [{"id": "wamid.HBgLNjI4MTI3MDAwMTIzNA"}]})]

    assert deliver_due() == 1

    request = gateway.received[0]
    assert (request.method, request.path) == ("POST", "/v21.0/1098765/messages")
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.json() == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": "6281270001234",
        "type": "text",
        "text": {"body": "Bapak Pat, jadwal wajib lapor Anda\nbulan Desember 2026."},
    }
    message.refresh_from_db()
    assert message.status == Status.SENT
    [attempt] = attempts(message)
    assert (attempt.ok, attempt.transport) == (True, "whatsapp-cloud")
    assert attempt.detail == "wamid wamid.HBgLNjI4MTI3MDAwMTIzNA"


ONE_LINE = "Bapak Pat, jadwal wajib lapor Anda bulan Desember 2026."


def test_it_sends_the_template_when_one_is_configured(settings, gateway, message):
    settings.WHATSAPP_TEMPLATE = "pengingat_wajib_lapor"
    gateway.answers = [Answer(200, {"messages": [{"id": "wamid.1"}]})]

    deliver_due()

    body = gateway.received[0].json()
    assert body["type"] == "template"
    assert body["template"] == {
        "name": "pengingat_wajib_lapor",
        "language": {"code": "id"},
        "components": [
            {
                "type": "body",
                "parameters": [
                    {"type": "text", "text": ONE_LINE},
                ],
            }
        ],
    }


def test_it_gives_up_at_once_on_a_4xx_and_never_records_the_token(gateway, message):
    error = {"error": {"message": "(#131026) Message undeliverable", "code": 131026}}
    gateway.answers = [Answer(400, error)]

    assert deliver_due() == 0

    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.FAILED, 1)
    assert message.last_error == "WhatsApp HTTP 400 code 131026: (#131026) Message undeliverable"
    [attempt] = attempts(message)
    assert not attempt.ok
    assert TOKEN not in attempt.detail and "secret" not in message.last_error


def test_it_retries_after_a_5xx(gateway, message):
    gateway.answers = [Answer(503, {"error": {"message": "Service unavailable", "code": 2}})]

    deliver_due()

    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.PENDING, 1)
    assert message.next_attempt_at is not None
    assert "HTTP 503" in message.last_error


def test_it_retries_when_rate_limited(gateway, message):
    gateway.answers = [Answer(429, {"error": {"message": "Too many messages", "code": 130429}})]

    deliver_due()

    message.refresh_from_db()
    assert message.status == Status.PENDING


def test_it_retries_after_a_timeout_without_sending_twice(gateway, message):
    gateway.answers = [Answer(200, {"messages": [{"id": "wamid.late"}]}, delay=1.5)]

    assert deliver_due() == 0

    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.PENDING, 1)
    assert message.last_error.startswith("WhatsApp unavailable: ")
    assert "timed out" in message.last_error
    assert deliver_due() == 0  # not due again before its wait is over
    assert len(gateway.received) == 1
    assert Notification.objects.count() == 1


def test_it_retries_when_the_gateway_cannot_be_reached(settings, gateway, message):
    settings.WHATSAPP_API_URL = "http://127.0.0.1:9"  # discard port: connection refused

    deliver_due()

    message.refresh_from_db()
    assert message.status == Status.PENDING
    assert message.last_error.startswith("WhatsApp unavailable: ")


def test_it_reports_an_undeliverable_number_as_rejected(gateway, message):
    gateway.answers = [Answer(400, {"error": {"message": "Undeliverable", "code": 131026}})]

    result = WhatsAppCloudTransport().send(message)

    assert (result.ok, result.retryable, result.address_rejected) == (False, False, True)


def test_it_does_not_call_other_4xx_rejected_numbers(gateway, message):
    gateway.answers = [Answer(401, {"error": {"message": "Invalid OAuth token", "code": 190}})]

    result = WhatsAppCloudTransport().send(message)

    assert (result.ok, result.retryable, result.address_rejected) == (False, False, False)
