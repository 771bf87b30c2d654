import datetime as dt

import pytest

from bimkemas.notifications.models import Notification, Status
from bimkemas.reporting.models import Excuse
from bimkemas.reporting.reminders import BEFORE, DUE, MISSED, send_reminders
from bimkemas.reporting.tests.reminder_helpers import (
    OFFICE_PHONE,
    at,
    past_period,
    reminder_case,
    report,
)
from bimkemas.testing import make_nik

DAY = dt.timedelta(days=1)


@pytest.fixture
def case(make_case, alice):
    return reminder_case(make_case, alice)


def remind(office, day):
    return send_reminders(day=day, office=office, now=at(day))


def kinds(reminders):
    return [reminder.kind for reminder in reminders]


def test_it_reminds_two_days_before_the_period_ends(case, office):
    period = past_period()

    reminders = remind(office, period.ends_on - 2 * DAY)

    assert kinds(reminders) == [BEFORE]
    message = Notification.objects.get(client_pk__isnull=False)
    assert message.purpose_key == f"reminder:{case.public_id}:{period.starts_on}:before"
    assert (message.client_pk, message.recipient_id) == (case.client_id, None)
    assert (message.channel, message.address) == ("whatsapp", "+6281270001234")
    assert message.status == Status.PENDING


def test_it_reminds_on_the_last_day(case, office):
    assert kinds(remind(office, past_period().ends_on)) == [DUE]


def test_it_does_not_remind_on_other_days(case, office):
    period = past_period()

    for day in (period.ends_on - 3 * DAY, period.ends_on - DAY, period.ends_on + DAY):
        assert remind(office, day) == []


def test_it_does_not_remind_a_client_who_reported(case, office, alice):
    period = past_period()
    report(case, alice, period.starts_on + 3 * DAY)

    assert remind(office, period.ends_on - 2 * DAY) == []
    assert remind(office, period.ends_on) == []
    assert remind(office, period.ends_on + 4 * DAY) == []
    assert not Notification.objects.filter(client_pk__isnull=False).exists()


def test_it_reminds_the_day_after_a_missed_period_closed(case, office):
    period = past_period()  # closes three grace days after its end

    reminders = remind(office, period.ends_on + 4 * DAY)

    assert kinds(reminders) == [MISSED]
    assert reminders[0].period == period


def test_a_report_in_the_grace_days_does_not_stop_the_missed_reminder(case, office, alice):
    """Only a report inside the period counts for it (periods.judge)."""
    period = past_period()
    report(case, alice, period.ends_on + DAY)

    assert kinds(remind(office, period.ends_on + 4 * DAY)) == [MISSED]


def test_it_never_queues_a_reminder_twice(case, office):
    day = past_period().ends_on

    assert kinds(remind(office, day)) == [DUE]
    assert remind(office, day) == []
    assert send_reminders(day=day, now=at(day, 15)) == []
    assert Notification.objects.filter(client_pk__isnull=False).count() == 1


def test_it_does_not_remind_during_an_excuse(case, office, alice):
    period = past_period()
    Excuse.objects.create(
        case=case,
        starts_on=period.ends_on - 5 * DAY,
        ends_on=period.ends_on,
        reason="Dirawat di rumah sakit",
        granted_by=alice,
    )

    assert remind(office, period.ends_on) == []


def test_it_does_not_remind_closed_cases_or_other_offices(case, office, other_office):
    case.status = "completed"
    case.closed_on = past_period().starts_on
    case.save()

    assert remind(office, past_period().ends_on) == []
    assert remind(other_office, past_period().ends_on) == []


def test_the_text_names_the_client_the_period_the_officer_and_the_office(case, office, alice):
    period = past_period()

    [reminder] = remind(office, period.ends_on - 2 * DAY)

    month = f"{period.starts_on:%B %Y}"
    due = f"{period.ends_on.day} {period.ends_on:%B %Y}"
    assert reminder.text == (
        f"Mr. Budi, your reporting for {month} is due by {due}. Report through the Lapor "
        f"Bapas app or contact your officer, {alice}, at {OFFICE_PHONE}. Thank you."
    )


def test_it_addresses_a_woman_as_mrs(make_case, alice, office):
    nik = make_nik(dt.date(1990, 5, 17), female=True)
    reminder_case(make_case, alice, full_name="Siti Rahmawati", sex="P", nik=nik)

    [reminder] = remind(office, past_period().ends_on)

    assert reminder.text.startswith("Mrs. Siti, today ")
