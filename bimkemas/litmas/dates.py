"""Due dates of litmas requests: working days (Monday–Friday) after receipt."""

import datetime as dt

from bimkemas.litmas.models import DEFAULT_WORKING_DAYS, LitmasDeadline

# A case under guidance owes its litmas pembimbingan this many days after guidance starts.
GUIDANCE_LITMAS_DAYS = 30


def add_working_days(start: dt.date, days: int) -> dt.date:
    day = start
    left = days
    while left > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def working_days_for(office_id: int, litmas_type: str) -> int:
    own = (
        LitmasDeadline.objects.filter(office_id=office_id, type=litmas_type)
        .values_list("working_days", flat=True)
        .first()
    )
    return own if own is not None else DEFAULT_WORKING_DAYS[litmas_type]


def default_due_on(office_id: int, litmas_type: str, received_on: dt.date) -> dt.date:
    return add_working_days(received_on, working_days_for(office_id, litmas_type))
