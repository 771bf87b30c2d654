"""Working days of the Indonesian civil service: Monday to Friday, except national holidays
(hari libur nasional) and collective leave (cuti bersama). Pure: no Django, no database.

Service standards count working days ("20 hari kerja" for a revocation, DOMAIN.md §4):
`add_working_days(start, n)` is the day n working days after `start` (the start itself not
counted), and `working_days_between(start, end)` counts the working days in (start, end], so
`working_days_between(d, add_working_days(d, n)) == n`.

Source of the dates: the yearly Surat Keputusan Bersama (SKB) of the Minister of Religious
Affairs, the Minister of Manpower and the Minister for Administrative and Bureaucratic
Reform on hari libur nasional dan cuti bersama, as last revised for each year (2020: SKB of
1 December 2020, with the 9 December Pilkada holiday, Keppres 22/2020; 2021: the revision
that dropped every cuti bersama; 2022–2025: the SKBs and their revisions, with the election
days 14 February 2024 and 27 November 2024, Keppres 10/2024 and 33/2024; 2026: SKB
Nomor 1497/2/5 Tahun 2025 of 19 September 2025). 2027 is PROVISIONAL (computed from the
religious calendars; no SKB yet) and must be replaced when its SKB is published. Add a year
by adding its dates below; outside the years listed only weekends are skipped.
"""

import datetime as dt
from functools import lru_cache

SOURCE = "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB"

# (national holidays, cuti bersama) per year, as "MM-DD".
_HOLIDAYS: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {
    2020: (
        ("01-01", "01-25", "03-22", "03-25", "04-10", "05-01", "05-07", "05-21", "05-24",
         "05-25", "06-01", "07-31", "08-17", "08-20", "10-29", "12-09", "12-25"),
        ("08-21", "10-28", "10-30", "12-24", "12-31"),
    ),
    2021: (
        ("01-01", "02-12", "03-11", "03-14", "04-02", "05-01", "05-13", "05-14", "05-26",
         "06-01", "07-20", "08-11", "08-17", "10-20", "12-25"),
        (),
    ),
    2022: (
        ("01-01", "02-01", "02-28", "03-03", "04-15", "05-01", "05-02", "05-03", "05-16",
         "05-26", "06-01", "07-10", "07-30", "08-17", "10-08", "12-25"),
        ("04-29", "05-04", "05-05", "05-06", "12-26"),
    ),
    2023: (
        ("01-01", "01-22", "02-18", "03-22", "04-07", "04-22", "04-23", "05-01", "05-18",
         "06-01", "06-04", "06-29", "07-19", "08-17", "09-28", "12-25"),
        ("01-23", "03-23", "04-19", "04-20", "04-21", "04-24", "04-25", "06-02", "06-28",
         "06-30", "12-26"),
    ),
    2024: (
        ("01-01", "02-08", "02-10", "02-14", "03-11", "03-29", "03-31", "04-10", "04-11",
         "05-01", "05-09", "05-23", "06-01", "06-17", "07-07", "08-17", "09-16", "11-27",
         "12-25"),
        ("02-09", "03-12", "04-08", "04-09", "04-12", "04-15", "05-10", "05-24", "06-18",
         "12-26"),
    ),
    2025: (
        ("01-01", "01-27", "01-29", "03-29", "03-31", "04-01", "04-18", "04-20", "05-01",
         "05-12", "05-29", "06-01", "06-06", "06-27", "08-17", "09-05", "12-25"),
        ("01-28", "03-28", "04-02", "04-03", "04-04", "04-07", "05-13", "05-30", "06-09",
         "08-18", "12-26"),
    ),
    2026: (
        ("01-01", "01-16", "02-17", "03-19", "03-21", "03-22", "04-03", "04-05", "05-01",
         "05-14", "05-27", "05-31", "06-01", "06-16", "08-17", "08-25", "12-25"),
        ("02-16", "03-18", "03-20", "03-23", "03-24", "05-15", "05-28", "12-24"),
    ),
    # PROVISIONAL: replace with the SKB for 2027 when it is published.
    2027: (
        ("01-01", "01-05", "02-06", "03-08", "03-10", "03-11", "03-26", "03-28", "05-01",
         "05-06", "05-17", "05-20", "06-01", "06-06", "08-15", "08-17", "12-25"),
        ("03-09", "03-12", "12-24"),
    ),
}  # fmt: skip

FIRST_YEAR = min(_HOLIDAYS)
LAST_YEAR = max(_HOLIDAYS)


@lru_cache(maxsize=1)
def holidays() -> frozenset[dt.date]:
    """Every national holiday and cuti bersama day of the years listed."""
    return frozenset(
        dt.date(year, int(day[:2]), int(day[3:]))
        for year, (national, collective) in _HOLIDAYS.items()
        for day in (*national, *collective)
    )


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in holidays()


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date `days` working days after `start` (`start` itself is not counted); with
    days == 0, `start` itself."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    while days:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end`; 0 when end <= start."""
    if end <= start:
        return 0
    weeks, rest = divmod((end - start).days, 7)
    count = weeks * 5
    block_end = start + dt.timedelta(days=weeks * 7)
    for offset in range(1, rest + 1):
        if (block_end + dt.timedelta(days=offset)).weekday() < 5:
            count += 1
    off = holidays()
    count -= sum(1 for day in off if start < day <= end and day.weekday() < 5)
    return count
