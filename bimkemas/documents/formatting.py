"""Indonesian formats for document content, whatever the reader's language: official letters
are written in Indonesian ("Palembang, 2 Desember 2026")."""

import datetime as dt

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def tanggal(day: dt.date | None) -> str:
    """ "2 Desember 2026"; "" for no date."""
    if day is None:
        return ""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def tanggal_pendek(day: dt.date | None) -> str:
    """ "2 Des 2026" for tables ("Agu" for Agustus, as Indonesian abbreviates it)."""
    if day is None:
        return ""
    month = MONTHS[day.month - 1]
    short = "Agu" if month == "Agustus" else month[:3]
    return f"{day.day} {short} {day.year}"


def hari_tanggal(day: dt.date) -> str:
    """ "Rabu, 2 Desember 2026": the day of a session or a visit."""
    return f"{DAYS[day.weekday()]}, {tanggal(day)}"
