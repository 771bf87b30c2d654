import pytest

from bimkemas.clients.services import phone_add, phone_set_reachable
from bimkemas.notifications.models import Notification
from bimkemas.reporting.reminders import send_reminders
from bimkemas.reporting.services.opt_out import client_opt_out_set
from bimkemas.reporting.tests.reminder_helpers import at, past_period, reminder_case

CONSOLE = "bimkemas.notifications.transports.ConsoleTransport"
WHATSAPP = "bimkemas.notifications.transports.WhatsAppCloudTransport"
SMS = "bimkemas.notifications.transports.HttpSmsTransport"


@pytest.fixture
def case(make_case, alice):
    return reminder_case(make_case, alice)


def remind(office):
    day = past_period().ends_on
    return send_reminders(day=day, office=office, now=at(day))


def channel_and_address(office):
    reminders = remind(office)
    return [(r.channel, r.address) for r in reminders]


def test_it_uses_whatsapp_when_its_gateway_is_configured(settings, case, office):
    settings.NOTIFICATION_TRANSPORTS = {"whatsapp": WHATSAPP, "sms": SMS}

    assert channel_and_address(office) == [("whatsapp", "+6281270001234")]


def test_it_prefers_a_real_sms_gateway_to_the_whatsapp_console(settings, case, office):
    settings.NOTIFICATION_TRANSPORTS = {"whatsapp": CONSOLE, "sms": SMS}

    assert channel_and_address(office) == [("sms", "+6281270001234")]


def test_it_falls_back_to_the_console_without_any_gateway(settings, case, office):
    settings.NOTIFICATION_TRANSPORTS = {"whatsapp": CONSOLE, "sms": CONSOLE}

    assert channel_and_address(office) == [("whatsapp", "+6281270001234")]


def test_it_skips_a_channel_the_client_opted_out_of(settings, case, office, alice):
    settings.NOTIFICATION_TRANSPORTS = {"whatsapp": WHATSAPP, "sms": SMS}
    client_opt_out_set(actor=alice, client=case.client, channel="whatsapp", opted_out=True)

    assert channel_and_address(office) == [("sms", "+6281270001234")]


def test_it_sends_nothing_when_the_client_opted_out_of_every_channel(case, office, alice):
    for channel in ("whatsapp", "sms"):
        client_opt_out_set(actor=alice, client=case.client, channel=channel, opted_out=True)

    assert remind(office) == []
    assert not Notification.objects.filter(client_pk__isnull=False).exists()


def test_it_skips_a_channel_that_is_turned_off(settings, case, office):
    settings.NOTIFICATION_TRANSPORTS = {"whatsapp": "", "sms": CONSOLE}

    assert channel_and_address(office) == [("sms", "+6281270001234")]


def test_it_skips_a_phone_found_unreachable(case, office, alice):
    first = case.client.phones.get()
    phone_set_reachable(actor=alice, phone=first, reachable=False)
    phone_add(actor=alice, client=case.client, number="0813-6000-5555", label="istri")

    assert channel_and_address(office) == [("whatsapp", "+6281360005555")]


def test_it_prefers_a_phone_verified_reachable(case, office, alice):
    second = phone_add(actor=alice, client=case.client, number="0813-6000-5555", label="kerja")
    phone_set_reachable(actor=alice, phone=second, reachable=True)

    assert channel_and_address(office) == [("whatsapp", "+6281360005555")]


def test_it_sends_nothing_when_every_phone_is_unreachable(case, office, alice):
    phone_set_reachable(actor=alice, phone=case.client.phones.get(), reachable=False)

    assert remind(office) == []
