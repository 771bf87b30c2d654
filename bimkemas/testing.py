"""Helpers for tests: personas' password, realistic identity and case data, uploads."""

import datetime as dt
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connections
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteWrapper

from bimkemas.accounts.models import Office, User, WorkArea
from bimkemas.clients.models import Facility, Programme
from bimkemas.core.dates import today

PASSWORD = "rahasia-uji-123"  # noqa: S105 (test personas only)
_nik_serial = itertools.count(1)

PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_upload(name: str = "sk.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def png_upload(name: str = "foto.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG_BYTES, content_type="image/png")


def make_nik(birth_date: dt.date, *, female: bool = False, region: str = "167101") -> str:
    day = birth_date.day + (40 if female else 0)
    serial = next(_nik_serial) % 9999 or 1
    return f"{region}{day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}{serial:04d}"


def make_user(username: str, office: Office | None, role: str, **extra) -> User:
    return User.objects.create_user(
        username, password=PASSWORD, office=office, role=role, first_name=username.title(), **extra
    )


def identity_data(work_area: WorkArea, **overrides) -> dict:
    birth_date = overrides.pop("birth_date", dt.date(1990, 5, 17))
    data = {
        "full_name": "Budi Santoso",
        "birth_place": "Palembang",
        "birth_date": birth_date,
        "sex": "L",
        "religion": "islam",
        "category": "dewasa",
        "street": "Jl. Kapten A. Rivai No. 9",
        "rt": "003",
        "rw": "001",
        "kelurahan": "Sungai Pangeran",
        "kecamatan": "Ilir Timur I",
        "work_area": work_area,
        "nik": make_nik(birth_date),
    }
    data.update(overrides)
    return data


def case_data(programme: Programme, facility: Facility, **overrides) -> dict:
    start = overrides.pop("guidance_start", today() - dt.timedelta(days=30))
    data = {
        "programme": programme,
        "sk_number": "PAS-1234.PK.05.09 TAHUN 2026",
        "sk_date": start - dt.timedelta(days=7),
        "sk_issuer": "Direktorat Jenderal Pemasyarakatan",
        "origin_facility": facility,
        "offence_law": "UU 35/2009",
        "offence_article": "Pasal 112 ayat (1)",
        "crime_category": "narkotika",
        "sentence_years": 4,
        "guidance_start": start,
        "guidance_end": start + dt.timedelta(days=364),
        "received_on": start,
    }
    data.update(overrides)
    return data


def login(client, user: User) -> None:
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


_thread_database: dict = {}


@contextmanager
def database_for_threads(tmp_path: Path) -> Iterator[None]:
    """For tests that write from several threads at once (a transactional test).

    SQLite's in-memory test database (a shared cache) fails a second writer at once instead of
    letting it wait as the application's database file does, so on SQLite the test runs on a
    migrated file instead; PostgreSQL runs as configured. Each thread calls `connect_thread()`
    first and closes `connections["default"]` when done."""
    original = connections["default"]
    if not (isinstance(original, SQLiteWrapper) and original.is_in_memory_db()):
        yield
        return
    _thread_database.update(original.settings_dict, NAME=str(tmp_path / "threads.sqlite3"))
    connect_thread()
    call_command("migrate", verbosity=0)
    ContentType.objects.clear_cache()  # its ids belong to the other database
    try:
        yield
    finally:
        connections["default"].close()
        connections["default"] = original
        _thread_database.clear()
        ContentType.objects.clear_cache()


def connect_thread() -> None:
    """A thread's connection to the database of `database_for_threads`."""
    if _thread_database:
        connections["default"] = SQLiteWrapper(dict(_thread_database), "default")
