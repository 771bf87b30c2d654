"""`bimkemas import-records`: the report on stdout, exit status 1 when rejected."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from bimkemas.linkage.models import ExternalRecord, ImportBatch
from bimkemas.linkage.tests.records_support import sdp_csv, sdp_file, sdp_row

pytestmark = pytest.mark.django_db


def _run(path, *extra: str) -> str:
    out = StringIO()
    call_command("import_records", "--source", "sdp_admission", str(path), *extra, stdout=out)
    return out.getvalue()


def test_it_imports_and_reports(tmp_path):
    path = tmp_path / "wbp.csv"
    path.write_bytes(sdp_file(1, 2))
    out = _run(path)
    assert "new 2" in out and ExternalRecord.objects.count() == 2
    assert ImportBatch.objects.get().imported_by is None
    assert "already held 2" in _run(path)


def test_a_rejected_file_exits_non_zero_with_its_rows(tmp_path):
    path = tmp_path / "wbp.csv"
    path.write_bytes(sdp_csv([sdp_row(1), sdp_row(2, jenis_kelamin="?")]))
    out = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_records", "--source", "sdp_admission", str(path), stdout=out)
    assert raised.value.returncode == 1
    assert "row 3 [jenis_kelamin]" in out.getvalue() and ExternalRecord.objects.count() == 0
    assert "new 1" in _run(path, "--partial")


def test_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(CommandError):
        _run(tmp_path / "nope.csv")
