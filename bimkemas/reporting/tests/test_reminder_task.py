import datetime as dt

from bimkemas.core.dates import today
from bimkemas.notifications.models import Notification
from bimkemas.reporting.tasks import send_reminders_hourly
from bimkemas.reporting.tests.reminder_helpers import month_start


def test_it_queues_todays_reminders_once(make_case, alice):
    # The last period ends with the guidance, two days from now: a "before" reminder today.
    make_case(
        officer=alice,
        case={"guidance_start": month_start(3), "guidance_end": today() + dt.timedelta(days=2)},
    )

    assert send_reminders_hourly.call_local() == 1
    assert send_reminders_hourly.call_local() == 0
    message = Notification.objects.get(client_pk__isnull=False)
    assert message.purpose_key.endswith(":before")
