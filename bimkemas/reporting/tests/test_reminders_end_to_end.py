from io import StringIO

from django.core.management import call_command

from bimkemas.notifications.models import DeliveryAttempt, Notification, Status
from bimkemas.reporting.models import OfficeReportingSettings
from bimkemas.reporting.tests.reminder_helpers import past_period, reminder_case

CONSOLE = "bimkemas.notifications.transports.ConsoleTransport"


def test_a_due_period_is_reminded_through_the_console(settings, tmp_path, make_case, alice):
    """send-reminders → deliver-notifications → a successful attempt, written to the log."""
    settings.NOTIFICATION_CONSOLE_FILE = tmp_path / "notifications.log"
    settings.NOTIFICATION_TRANSPORTS = {"email": CONSOLE, "whatsapp": CONSOLE, "sms": CONSOLE}
    case = reminder_case(make_case, alice)
    # No quiet hours, so the run is delivered whatever the hour the test runs at.
    OfficeReportingSettings.objects.create(
        office=case.office, quiet_hours_start=0, quiet_hours_end=0
    )
    day = past_period().ends_on

    call_command("send_reminders", "--date", f"{day:%Y-%m-%d}", stdout=StringIO())
    call_command("deliver_notifications", stdout=StringIO())

    message = Notification.objects.get(client_pk=case.client_id)
    assert (message.status, message.attempts) == (Status.SENT, 1)
    attempt = DeliveryAttempt.objects.get(notification=message)
    assert (attempt.ok, attempt.transport) == (True, "console")
    log = settings.NOTIFICATION_CONSOLE_FILE.read_text()
    assert "whatsapp to +6281270001234: Reporting reminder" in log
