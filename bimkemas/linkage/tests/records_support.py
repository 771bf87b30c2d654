"""Fixtures and helpers of the external records' tests (imported by test_import*.py and
test_api_records*.py)."""

import csv
import io

import pytest

from bimkemas.linkage.models import ExternalRecord, MatchBand, MatchCandidate

SDP_HEADER = [
    "no_registrasi",
    "nama",
    "alias",
    "tempat_lahir",
    "tanggal_lahir",
    "jenis_kelamin",
    "nik",
    "alamat",
    "tanggal_masuk",
    "upt",
    "status",
    "perkara",
    "pasal",
]
LAPAS = "Lapas Kelas I Palembang"


def sdp_row(number: int, **values: str) -> dict[str, str]:
    row = {
        "no_registrasi": f"AI.{number:04d}/2026",
        "nama": f"Budi Santoso {chr(64 + number)}",
        "alias": "",
        "tempat_lahir": "Palembang",
        "tanggal_lahir": "12/03/1990",
        "jenis_kelamin": "L",
        "nik": "",
        "alamat": "Jl. Contoh No. 1",
        "tanggal_masuk": "2026-10-02",
        "upt": LAPAS,
        "status": "narapidana",
        "perkara": "Pencurian",
        "pasal": "Pasal 362 KUHP",
    }
    row.update(values)
    return row


def sdp_csv(rows: list[dict[str, str]], *, header: list[str] | None = None, delimiter=",") -> bytes:
    header = header or SDP_HEADER
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(name, "") for name in (header or SDP_HEADER)])
    return out.getvalue().encode()


def sdp_file(*numbers: int, **values: str) -> bytes:
    return sdp_csv([sdp_row(number, **values) for number in numbers])


@pytest.fixture
def record(db) -> ExternalRecord:
    return ExternalRecord.objects.create(
        source="sdp_admission",
        institution=LAPAS,
        external_id="AI.0900/2026",
        event_date="2026-10-01",
        full_name="Rudi Hartono",
        raw={"no_registrasi": "AI.0900/2026", "nama": "Rudi Hartono", "kamar": "B-12"},
    )


@pytest.fixture
def matched_record(record, client_of_alice) -> ExternalRecord:
    MatchCandidate.objects.create(
        client=client_of_alice, record=record, probability=0.97, band=MatchBand.ALERT
    )
    return record
