import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from bimkemas.litmas.dates import add_working_days


@given(start=st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)), days=st.integers(1, 40))
def test_working_days_skip_weekends(start, days):
    due = add_working_days(start, days)
    assert due.weekday() < 5
    between = [start + dt.timedelta(days=i) for i in range(1, (due - start).days + 1)]
    assert sum(1 for d in between if d.weekday() < 5) == days
