"""WCAG 2.1 AA of the external records' pages in a real browser (axe-core, 1280 and 360 px),
and the import form's button reached by keyboard."""

import pytest

from bimkemas.linkage.models import ExternalRecord
from bimkemas.linkage.record_services import records_import
from bimkemas.linkage.tests.records_support import sdp_csv, sdp_file, sdp_row
from bimkemas.testing_axe import axe_problems, keyboard_problem, log_in, plain_http

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _import(carol, content: bytes, **extra):
    return records_import(
        actor=carol, source="sdp_admission", file_name="wbp.csv", content=content, **extra
    )


def test_the_record_pages_pass_axe(page, live_server, settings, carol):
    plain_http(settings)
    imported = _import(carol, sdp_file(1, 2, alias="Ucok"))
    noticed = _import(carol, sdp_file(1, 3, alamat="Jl. Lain"))
    rejected = _import(carol, sdp_csv([sdp_row(4, tanggal_lahir="31/02/1990"), sdp_row(5)]))
    record = ExternalRecord.objects.get(external_id="AI.0001/2026")
    pages = {
        carol.username: [
            "/records/",
            "/records/?q=budi&date_from=01%2F01%2F2026",
            f"/records/{record.public_id}/",
            "/records/import/",
            f"/records/imports/{imported.public_id}/",
            f"/records/imports/{noticed.public_id}/",
            f"/records/imports/{rejected.public_id}/",
        ]
    }
    problems = axe_problems(page, live_server, pages)
    assert not problems, "\n".join(problems)
    log_in(page, live_server.url, carol.username)
    problem = keyboard_problem(
        page, f"{live_server.url}/records/import/", "main form button[type=submit]"
    )
    assert not problem, problem
