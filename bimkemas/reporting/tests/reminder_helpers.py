"""Plain helpers of the reminder tests: a monthly case whose period of two months ago is
wholly in the past (check-ins may be recorded in it), and moments in the office's time."""

import datetime as dt

from django.utils import timezone

from bimkemas.core.dates import today
from bimkemas.reporting.periods import Period, calendar_period
from bimkemas.reporting.services.checkins import checkin_record

OFFICE_PHONE = "0711-352123"


def month_start(months_ago: int) -> dt.date:
    day = today().replace(day=1)
    for _ in range(months_ago):
        day = (day - dt.timedelta(days=1)).replace(day=1)
    return day


def past_period() -> Period:
    """The calendar month two months ago: the case's second reporting period."""
    return calendar_period("monthly", month_start(2))


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def reminder_case(make_case, officer, **identity):
    """A PB case (monthly, 3 grace days) that began three months ago, of a client with one
    phone, in an office with a phone number."""
    case = make_case(officer=officer, identity=identity, case={"guidance_start": month_start(3)})
    case.office.phone = OFFICE_PHONE
    case.office.save()
    return case


def report(case, actor, day: dt.date) -> None:
    checkin_record(actor=actor, case=case, channel="in_person", occurred_at=at(day))
