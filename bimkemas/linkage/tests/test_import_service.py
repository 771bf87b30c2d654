"""records_import / records_ingest: nothing stored from a bad file unless asked, no duplicates
on re-import, audited, the matcher queued after commit."""

import sys
import types
from pathlib import Path

import pytest

from bimkemas.audit.models import AuditEvent
from bimkemas.linkage import imports
from bimkemas.linkage.models import ExternalRecord, ImportBatch, ImportStatus
from bimkemas.linkage.record_services import records_import, records_ingest
from bimkemas.linkage.tests.records_support import LAPAS, sdp_csv, sdp_file, sdp_row

pytestmark = pytest.mark.django_db

SAMPLES = Path(imports.__file__).parent / "samples"


def _import(actor, content: bytes, *, partial=False, name="wbp.csv") -> ImportBatch:
    return records_import(
        actor=actor, source="sdp_admission", file_name=name, content=content, partial=partial
    )


def test_it_imports_a_file_with_every_raw_field(carol):
    batch = _import(carol, sdp_file(1, 2))
    assert batch.status == ImportStatus.IMPORTED
    assert (batch.rows_total, batch.rows_created, batch.rows_rejected) == (2, 2, 0)
    record = ExternalRecord.objects.get(external_id="AI.0001/2026")
    assert record.batch == batch and record.source == "sdp_admission"
    assert record.institution == LAPAS and str(record.event_date) == "2026-10-02"
    assert record.raw["perkara"] == "Pencurian" and record.raw["tanggal_lahir"] == "12/03/1990"
    assert batch.imported_by == carol and len(batch.sha256) == 64
    event = AuditEvent.objects.get(object_id=str(batch.public_id))
    assert event.actor == carol and "2 new" in event.summary


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(sdp_file(1) + b"AI.0002/2026,Ani,,,31/02/1990", id="bad date"),
        pytest.param(sdp_file(1, 2, 1), id="duplicate id"),
        pytest.param(sdp_file(1).replace(b"tanggal_masuk", b"tgl_keluar"), id="wrong header"),
        pytest.param(sdp_file(1, nama="Büdi").decode().encode("cp1252"), id="encoding"),
        pytest.param(b"", id="empty"),
    ],
)
def test_a_bad_file_is_rejected_whole(carol, content):
    batch = _import(carol, content)
    assert batch.status == ImportStatus.REJECTED and batch.rows_created == 0
    assert batch.problems and all({"row", "field", "message"} <= set(p) for p in batch.problems)
    assert ExternalRecord.objects.count() == 0
    assert ImportBatch.objects.filter(pk=batch.pk).exists()  # kept for the history


def test_partial_imports_the_valid_rows_and_reports_the_rest(carol):
    rows = [sdp_row(1), sdp_row(2, tanggal_masuk="kemarin"), sdp_row(3)]
    batch = _import(carol, sdp_csv(rows), partial=True)
    assert batch.status == ImportStatus.PARTIAL and batch.partial
    assert (batch.rows_created, batch.rows_rejected) == (2, 1)
    assert [(p["row"], p["field"]) for p in batch.problems] == [(3, "tanggal_masuk")]
    assert set(ExternalRecord.objects.values_list("external_id", flat=True)) == {
        "AI.0001/2026",
        "AI.0003/2026",
    }


def test_partial_with_no_valid_row_is_rejected(carol):
    batch = _import(carol, sdp_file(1, tanggal_masuk="x"), partial=True)
    assert batch.status == ImportStatus.REJECTED and ExternalRecord.objects.count() == 0


def test_partial_does_not_import_a_file_with_a_file_problem(carol):
    batch = _import(carol, sdp_file(1).replace(b"upt", b"penjara"), partial=True)
    assert batch.status == ImportStatus.REJECTED and batch.problems[0]["row"] == 0


def test_importing_the_same_file_again_creates_no_duplicates(carol, bob):
    _import(carol, sdp_file(1, 2))
    again = _import(bob, sdp_file(1, 2))
    assert again.status == ImportStatus.IMPORTED
    assert (again.rows_created, again.rows_unchanged, again.rows_changed) == (0, 2, 0)
    overlapping = _import(carol, sdp_file(2, 3))
    assert (overlapping.rows_created, overlapping.rows_unchanged) == (1, 1)
    assert ExternalRecord.objects.count() == 3


def test_a_row_held_with_other_data_keeps_the_first_and_says_so(carol):
    _import(carol, sdp_file(1))
    batch = _import(carol, sdp_file(1, 2, status="tahanan", alamat="Jl. Lain"))
    assert batch.status == ImportStatus.IMPORTED
    assert (batch.rows_created, batch.rows_unchanged, batch.rows_changed) == (1, 0, 1)
    notice = batch.problems[0]
    assert notice["kind"] == "notice" and notice["row"] == 2
    assert "address" in notice["message"] and "event" in notice["message"]
    record = ExternalRecord.objects.get(external_id="AI.0001/2026")
    assert record.address == "Jl. Contoh No. 1" and record.raw["status"] == "narapidana"


def test_the_same_file_as_xlsx_is_the_same_records(carol):
    csv_batch = records_import(
        actor=carol,
        source="sdp_admission",
        file_name="sdp_admissions_example.csv",
        content=(SAMPLES / "sdp_admissions_example.csv").read_bytes(),
    )
    xlsx_batch = records_import(
        actor=carol,
        source="sdp_admission",
        file_name="sdp_admissions_example.xlsx",
        content=(SAMPLES / "sdp_admissions_example.xlsx").read_bytes(),
    )
    assert csv_batch.rows_created == 5 and csv_batch.problems == []
    assert (xlsx_batch.rows_created, xlsx_batch.rows_unchanged) == (0, 5)


def test_the_court_sample_imports(carol):
    batch = records_import(
        actor=None,
        source="sipp_decision",
        file_name="sipp_decisions_example.csv",
        content=(SAMPLES / "sipp_decisions_example.csv").read_bytes(),
    )
    assert batch.status == ImportStatus.IMPORTED and batch.rows_created == 3
    record = ExternalRecord.objects.get(external_id="1035/Pid.Sus/2026/PN Plg")
    assert record.institution == "Pengadilan Negeri Palembang" and "4 (empat) tahun" in record.event


def test_the_api_feed_is_idempotent(carol):
    records = [sdp_row(1), sdp_row(2)]
    first = records_ingest(actor=carol, source="sdp_admission", records=records)
    second = records_ingest(actor=carol, source="sdp_admission", records=records)
    assert (first.rows_created, second.rows_created, second.rows_unchanged) == (2, 0, 2)
    assert first.file_name == "" and first.sha256 == second.sha256


def test_problems_are_bounded(carol, monkeypatch):
    monkeypatch.setattr(imports, "MAX_PROBLEMS", 2)
    batch = _import(carol, sdp_file(1, 2, 3, 4, tanggal_masuk="x"))
    assert len(batch.problems) == 3 and batch.problems[-1]["kind"] == "more"
    assert "2" in batch.problems[-1]["message"]


def test_the_matcher_is_queued_once_new_records_commit(
    carol, django_capture_on_commit_callbacks, monkeypatch
):
    calls = []
    tasks = types.ModuleType("bimkemas.linkage.tasks")
    tasks.match_new_records = lambda: calls.append(1)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bimkemas.linkage.tasks", tasks)
    with django_capture_on_commit_callbacks(execute=True):
        _import(carol, sdp_file(1))
    assert calls == [1]
    with django_capture_on_commit_callbacks(execute=True):
        _import(carol, sdp_file(1))  # nothing new: nothing to match
        _import(carol, b"")
    assert calls == [1]
