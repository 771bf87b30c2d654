"""Reading and checking SDP and SIPP exports (pure: no database)."""

import datetime as dt
import io

from openpyxl import Workbook

from bimkemas.linkage import imports
from bimkemas.linkage.imports import parse_date, parse_file, parse_records
from bimkemas.linkage.tests.records_support import LAPAS, SDP_HEADER, sdp_csv, sdp_file, sdp_row


def _messages(result) -> list[tuple[int, str]]:
    return [(p.row, p.column) for p in result.problems]


def test_it_reads_a_clean_export():
    result = parse_file("sdp_admission", "a.csv", sdp_file(1, 2, nik="1671011203900001"))
    assert result.problems == [] and result.rows_total == 2
    first = result.valid[0]
    assert first.row == 2
    assert first.values["external_id"] == "AI.0001/2026"
    assert first.values["institution"] == LAPAS
    assert first.values["event_date"] == dt.date(2026, 10, 2)
    assert first.values["birth_date"] == dt.date(1990, 3, 12)
    assert first.values["sex"] == "L" and first.values["nik"] == "1671011203900001"
    assert first.values["event"] == "narapidana · Pencurian · Pasal 362 KUHP"
    assert first.raw["tanggal_lahir"] == "12/03/1990"


def test_headers_match_whatever_their_case_spacing_or_punctuation():
    header = [
        "No. Registrasi",
        " NAMA ",
        "Tgl Lahir",
        "Jenis Kelamin (L/P)",
        "Tanggal Masuk",
        "Nama UPT",
        "Kamar Hunian",
    ]
    content = (
        ";".join(header)
        + "\nAI.1/2026;Siti Aminah;1985-02-01;Perempuan;02/10/2026;"
        + LAPAS
        + ";B-3\n"
    ).encode()
    result = parse_file("sdp_admission", "a.csv", content)
    assert result.problems == []
    row = result.valid[0]
    assert row.values["full_name"] == "Siti Aminah" and row.values["sex"] == "P"
    assert row.values["birth_date"] == dt.date(1985, 2, 1)
    # Every cell kept under the file's own header, unknown columns included.
    assert row.raw["Kamar Hunian"] == "B-3" and row.raw["No. Registrasi"] == "AI.1/2026"


def test_a_missing_required_column_rejects_the_file():
    header = [name for name in SDP_HEADER if name != "tanggal_masuk"]
    result = parse_file("sdp_admission", "a.csv", sdp_csv([sdp_row(1)], header=header))
    assert result.file_rejected and result.valid == []
    assert _messages(result) == [(0, "tanggal_masuk")]
    assert "tanggal_masuk" in result.problems[0].message


def test_the_same_column_twice_rejects_the_file():
    header = [*SDP_HEADER, "Tgl Masuk"]
    result = parse_file("sdp_admission", "a.csv", sdp_csv([sdp_row(1)], header=header))
    assert result.file_rejected and _messages(result) == [(0, "tanggal_masuk")]


def test_bad_cells_are_reported_by_row_and_column():
    rows = [
        sdp_row(1),
        sdp_row(2, tanggal_lahir="31/02/1990", jenis_kelamin="X"),
        sdp_row(3, nik="12345", tanggal_masuk=""),
        sdp_row(4, status="bebas", nama="   "),
    ]
    result = parse_file("sdp_admission", "a.csv", sdp_csv(rows))
    assert [row.row for row in result.valid] == [2]
    assert _messages(result) == [
        (3, "jenis_kelamin"),
        (3, "tanggal_lahir"),
        (4, "nik"),
        (4, "tanggal_masuk"),
        (5, "nama"),
        (5, "status"),
    ]
    assert result.rejected_rows == {3, 4, 5}


def test_dates_in_the_future_or_birth_after_the_event_are_refused():
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    rows = [sdp_row(1, tanggal_masuk=future), sdp_row(2, tanggal_lahir="2026-10-05")]
    result = parse_file("sdp_admission", "a.csv", sdp_csv(rows))
    assert _messages(result) == [(2, "tanggal_masuk"), (3, "tanggal_lahir")]


def test_duplicate_record_numbers_reject_every_row_that_has_them():
    rows = [sdp_row(1), sdp_row(2), sdp_row(3, no_registrasi="AI.0001/2026")]
    result = parse_file("sdp_admission", "a.csv", sdp_csv(rows))
    assert [row.row for row in result.valid] == [3]
    assert _messages(result) == [(2, "no_registrasi"), (4, "no_registrasi")]
    assert "4" in result.problems[0].message and "2" in result.problems[1].message


def test_the_same_number_at_another_prison_is_another_record():
    rows = [sdp_row(1), sdp_row(2, no_registrasi="AI.0001/2026", upt="Rutan Kelas I Palembang")]
    result = parse_file("sdp_admission", "a.csv", sdp_csv(rows))
    assert result.problems == [] and len(result.valid) == 2


def test_a_file_not_in_utf8_is_rejected_with_its_line():
    content = sdp_file(1).decode().replace("Budi", "Büdi").encode("latin-1")
    result = parse_file("sdp_admission", "a.csv", content)
    assert result.file_rejected
    assert "UTF-8" in result.problems[0].message and "(line 2)" in result.problems[0].message


def test_a_byte_order_mark_and_semicolons_are_fine():
    content = b"\xef\xbb\xbf" + sdp_csv([sdp_row(1)], delimiter=";")
    result = parse_file("sdp_admission", "a.csv", content)
    assert result.problems == [] and result.valid[0].raw["no_registrasi"] == "AI.0001/2026"


def test_empty_files_are_rejected():
    for content in (b"", b"  \n\n", sdp_csv([])):
        result = parse_file("sdp_admission", "a.csv", content)
        assert result.file_rejected and result.problems[0].row == 0


def test_too_many_rows_or_bytes_reject_the_file(monkeypatch):
    monkeypatch.setattr(imports, "MAX_ROWS", 2)
    result = parse_file("sdp_admission", "a.csv", sdp_file(1, 2, 3))
    assert result.file_rejected and "2" in result.problems[0].message
    monkeypatch.setattr(imports, "MAX_FILE_BYTES", 100)
    result = parse_file("sdp_admission", "a.csv", sdp_file(1))
    assert result.file_rejected and "MB" in result.problems[0].message


def test_an_old_excel_file_is_refused_with_advice():
    result = parse_file("sdp_admission", "a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"0" * 50)
    assert result.file_rejected and ".xlsx" in result.problems[0].message


def _xlsx(rows: list[list]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_it_reads_excel_with_date_cells_and_numbers():
    content = _xlsx(
        [
            ["No Registrasi", "Nama", "Tanggal Lahir", "JK", "NIK", "Tanggal Masuk", "UPT"],
            [
                "AI.7/2026",
                "Joko Susilo",
                dt.datetime(1988, 1, 23),
                "l",
                1672012301880001,
                dt.datetime(2026, 10, 12),
                LAPAS,
            ],
            [None, None, None, None, None, None, None],
            ["AI.8/2026", "Ani", "bukan tanggal", "P", None, 46300, LAPAS],
        ]
    )
    result = parse_file("sdp_admission", "wbp.xlsx", content)
    row = result.valid[0]
    assert row.values["birth_date"] == dt.date(1988, 1, 23)
    assert row.values["nik"] == "1672012301880001" and row.values["sex"] == "L"
    assert row.raw["Tanggal Lahir"] == "1988-01-23" and row.raw["NIK"] == "1672012301880001"
    # The blank row is skipped; the numbering stays the spreadsheet's.
    assert _messages(result) == [(4, "tanggal_lahir")]
    assert result.rows_total == 2


def test_a_broken_excel_file_is_rejected():
    result = parse_file("sdp_admission", "a.xlsx", b"PK\x03\x04 not really a zip")
    assert result.file_rejected


def test_date_formats():
    assert parse_date("2026-10-02") == dt.date(2026, 10, 2)
    assert parse_date("02/10/2026") == dt.date(2026, 10, 2)
    assert parse_date("02-10-2026") == dt.date(2026, 10, 2)
    assert parse_date("2026-10-02 00:00:00") == dt.date(2026, 10, 2)
    assert parse_date(dt.datetime(2026, 10, 2, 0, 0)) == dt.date(2026, 10, 2)
    assert parse_date(46297) == dt.date(2026, 10, 2)  # an Excel serial
    assert parse_date("") is None


def test_court_decisions_have_their_own_columns():
    records = [
        {
            "Nomor Perkara": "1021/Pid.B/2026/PN Plg",
            "Nama Terdakwa": "Rahmat Hidayat",
            "Tanggal Putusan": "03/11/2026",
            "Pengadilan": "Pengadilan Negeri Palembang",
            "Amar Putusan": "pidana penjara 1 tahun",
            "jenis_kelamin": "Laki-laki",
        }
    ]
    result = parse_records("sipp_decision", records)
    assert result.problems == []
    values = result.valid[0].values
    assert values["external_id"] == "1021/Pid.B/2026/PN Plg"
    assert values["event_date"] == dt.date(2026, 11, 3)
    assert values["event"] == "pidana penjara 1 tahun" and values["sex"] == "L"
    assert parse_records("sipp_decision", [{"nama": "X"}]).file_rejected


def test_cells_no_database_stores_are_refused():
    records = [
        {**_sdp_record(1), "kamar": "B\ud8001"},
        {**_sdp_record(2), "catatan": "x" * (imports.MAX_CELL_CHARS + 1)},
        {**_sdp_record(3), "nama": "Budi\x00"},
    ]
    result = parse_records("sdp_admission", records)
    assert _messages(result) == [(1, "kamar"), (2, "catatan"), (3, "nama")]
    assert parse_records("sdp_admission", [{"na\x00ma": "x"}]).file_rejected


def _sdp_record(number: int) -> dict[str, str]:
    return sdp_row(number)
