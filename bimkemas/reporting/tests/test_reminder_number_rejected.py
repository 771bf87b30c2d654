import datetime as dt

import pytest

from bimkemas.audit.models import AuditEvent
from bimkemas.core.dates import today
from bimkemas.notifications.delivery import deliver_due
from bimkemas.notifications.models import Notification, Status
from bimkemas.notifications.tests.fake_gateway import Answer, FakeGateway
from bimkemas.reporting.reminders import send_reminders
from bimkemas.reporting.tests.reminder_helpers import at, past_period, reminder_case

UNDELIVERABLE = {"error": {"message": "(#131026) Message undeliverable", "code": 131026}}


@pytest.fixture
def gateway(settings, tmp_path):
    with FakeGateway() as fake:
        settings.WHATSAPP_API_URL = fake.url
        settings.WHATSAPP_PHONE_NUMBER_ID = "1098765"
        settings.WHATSAPP_TOKEN = "test-token"
        settings.GATEWAY_TIMEOUT = 0.5
        settings.NOTIFICATION_CONSOLE_FILE = tmp_path / "notifications.log"
        settings.NOTIFICATION_TRANSPORTS = {
            "whatsapp": "bimkemas.notifications.transports.WhatsAppCloudTransport",
            "sms": "bimkemas.notifications.transports.ConsoleTransport",
        }
        yield fake


@pytest.fixture
def case(make_case, alice):
    return reminder_case(make_case, alice)


def remind(office, day):
    return send_reminders(day=day, office=office, now=at(day))


def test_a_number_whatsapp_cannot_reach_is_marked_unreachable(gateway, case, office):
    day = past_period().ends_on - dt.timedelta(days=2)
    remind(office, day)
    gateway.answers = [Answer(400, UNDELIVERABLE)]

    deliver_due(now=at(day))

    phone = case.client.phones.get()
    assert (phone.verified_reachable, phone.verified_on) == (False, today())
    event = AuditEvent.objects.filter(object_type="clientphone", action="update").get()
    assert (event.actor, event.client_pk) == (None, case.client_id)
    message = Notification.objects.get(client_pk__isnull=False)
    assert message.status == Status.FAILED


def test_later_reminders_skip_the_rejected_number(gateway, case, office):
    day = past_period().ends_on - dt.timedelta(days=2)
    remind(office, day)
    gateway.answers = [Answer(400, UNDELIVERABLE)]
    deliver_due(now=at(day))

    assert remind(office, past_period().ends_on) == []


def test_a_gateway_failure_of_another_kind_leaves_the_phone_alone(gateway, case, office):
    day = past_period().ends_on
    remind(office, day)
    gateway.answers = [Answer(401, {"error": {"message": "Invalid OAuth token", "code": 190}})]

    deliver_due(now=at(day))

    phone = case.client.phones.get()
    assert phone.verified_on is None
    assert not AuditEvent.objects.filter(object_type="clientphone", action="update").exists()
