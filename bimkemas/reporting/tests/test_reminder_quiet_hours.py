import datetime as dt

import pytest
from django.utils import timezone

from bimkemas.notifications.delivery import deliver_due
from bimkemas.notifications.models import Notification, Status
from bimkemas.reporting.models import OfficeReportingSettings
from bimkemas.reporting.reminders import send_reminders
from bimkemas.reporting.tests.reminder_helpers import at, past_period, reminder_case


@pytest.fixture
def case(make_case, alice):
    return reminder_case(make_case, alice)


def queued_at(office, now) -> dt.datetime:
    send_reminders(day=past_period().ends_on, office=office, now=now)
    message = Notification.objects.get(client_pk__isnull=False)
    return timezone.localtime(message.next_attempt_at)


def test_it_sends_at_once_outside_quiet_hours(case, office):
    now = at(past_period().ends_on, 10)

    assert queued_at(office, now) == now


def test_it_waits_until_seven_when_queued_late_in_the_evening(case, office):
    day = past_period().ends_on

    assert queued_at(office, at(day, 22)) == at(day + dt.timedelta(days=1), 7)


def test_it_waits_until_seven_when_queued_after_midnight(case, office):
    day = past_period().ends_on

    assert queued_at(office, at(day, 0)) == at(day, 7)


def test_it_follows_the_offices_quiet_hours(case, office):
    OfficeReportingSettings.objects.create(office=office, quiet_hours_start=20, quiet_hours_end=8)
    day = past_period().ends_on

    assert queued_at(office, at(day, 20)) == at(day + dt.timedelta(days=1), 8)


def test_the_delivery_job_leaves_it_until_quiet_hours_end(case, office):
    day = past_period().ends_on
    send_reminders(day=day, office=office, now=at(day, 23))

    assert deliver_due(now=at(day, 23)) == 0
    assert deliver_due(now=at(day + dt.timedelta(days=1), 7)) == 1
    assert Notification.objects.get(client_pk__isnull=False).status == Status.SENT
