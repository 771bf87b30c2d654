"""Indonesian dates as documents print them."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from bimkemas.documents.formatting import MONTHS, hari_tanggal, tanggal, tanggal_pendek


def test_it_writes_dates_as_official_letters_do():
    assert tanggal(dt.date(2026, 12, 2)) == "2 Desember 2026"
    assert tanggal_pendek(dt.date(2026, 8, 17)) == "17 Agu 2026"
    assert tanggal_pendek(dt.date(2027, 2, 28)) == "28 Feb 2027"
    assert hari_tanggal(dt.date(2026, 12, 2)) == "Rabu, 2 Desember 2026"
    assert tanggal(None) == tanggal_pendek(None) == ""


@settings(deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31)))
def test_every_date_reads_back_to_itself(day):
    number, month, year = tanggal(day).split(" ")
    assert dt.date(int(year), MONTHS.index(month) + 1, int(number)) == day
    short = tanggal_pendek(day).split(" ")[1]
    assert len(short) == 3 and month.startswith(short[:2])
    assert hari_tanggal(day).endswith(tanggal(day))
