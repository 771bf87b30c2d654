# ruff: noqa: F811 (fixtures imported from records_support are test arguments)
"""The records' pages: who may import and read, the import form and its result, the list and
one record, every read audited."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.linkage.models import ExternalRecord, ImportBatch
from bimkemas.linkage.record_services import records_ingest
from bimkemas.linkage.tests.records_support import (  # noqa: F401 (fixtures)
    matched_record,
    record,
    sdp_csv,
    sdp_file,
    sdp_row,
)
from bimkemas.testing import login

pytestmark = pytest.mark.django_db


def _upload(client, content: bytes, *, partial: bool = False, name: str = "wbp.csv"):
    data = {"source": "sdp_admission", "file": SimpleUploadedFile(name, content)}
    if partial:
        data["partial"] = "on"
    return client.post(reverse("record_import"), data)


@pytest.mark.parametrize("persona", ["carol", "bob", "dave", "nina"])
def test_registrars_heads_and_the_national_role_import(client, persona, request):
    login(client, request.getfixturevalue(persona))
    page = client.get(reverse("record_import"))
    assert page.status_code == 200 and b'name="partial"' in page.content
    response = _upload(client, sdp_file(1))
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("record_import_detail", args=[batch.public_id])
    assert ExternalRecord.objects.count() == 1


@pytest.mark.parametrize("persona", ["alice", "erin"])
def test_officers_do_not_import(client, persona, request):
    login(client, request.getfixturevalue(persona))
    assert client.get(reverse("record_import")).status_code == 404
    assert _upload(client, sdp_file(1)).status_code == 404
    assert ExternalRecord.objects.count() == 0


def test_anonymous_is_sent_to_sign_in(client, record):
    for url in (reverse("record_list"), reverse("record_detail", args=[record.public_id])):
        assert client.get(url).status_code == 302


def test_a_rejected_file_shows_the_offending_rows(client, carol):
    login(client, carol)
    rows = [sdp_row(1), sdp_row(2, tanggal_lahir="31/02/1990")]
    response = _upload(client, sdp_csv(rows), name="lapas.csv")
    page = client.get(response["Location"])
    assert ExternalRecord.objects.count() == 0
    content = page.content.decode()
    assert "Rejected: nothing imported" in content
    assert 'id="import-problems"' in content and "31/02/1990" in content
    assert "tanggal_lahir" in content


def test_the_valid_rows_are_imported_when_asked(client, carol):
    login(client, carol)
    rows = [sdp_row(1), sdp_row(2, tanggal_lahir="31/02/1990")]
    page = client.get(_upload(client, sdp_csv(rows), partial=True)["Location"])
    assert ExternalRecord.objects.count() == 1
    assert "Valid rows imported, others rejected" in page.content.decode()


def test_a_file_that_is_not_a_file_is_a_form_error(client, carol):
    login(client, carol)
    response = client.post(reverse("record_import"), {"source": "sdp_admission"})
    assert response.status_code == 400 and ImportBatch.objects.count() == 0


def test_the_import_page_lists_the_history(client, carol, bob):
    login(client, bob)
    _upload(client, sdp_file(1), name="oktober.csv")
    login(client, carol)
    page = client.get(reverse("record_import")).content.decode()
    assert "oktober.csv" in page and str(bob) in page


def test_the_list_searches_and_filters_and_audits_each_record_shown(client, carol):
    login(client, carol)
    _upload(client, sdp_file(1, 2, 3))
    ExternalRecord.objects.filter(external_id="AI.0003/2026").update(
        source="sipp_decision", event_date="2026-11-20"
    )
    page = client.get(reverse("record_list"), {"q": "santoso b"})
    assert page.status_code == 200
    assert (
        "Budi Santoso B" in page.content.decode() and "Budi Santoso A" not in page.content.decode()
    )
    listed = AuditEvent.objects.filter(actor=carol, action=AuditAction.LIST)
    assert listed.count() == 1 and "santoso" in listed.get().summary
    kinds = client.get(reverse("record_list"), {"source": "sipp_decision"}).content.decode()
    assert "Budi Santoso C" in kinds and "Budi Santoso A" not in kinds
    dated = client.get(reverse("record_list"), {"date_from": "01/11/2026"}).content.decode()
    assert "Budi Santoso C" in dated and "Budi Santoso B" not in dated
    assert "3 records" in client.get(reverse("record_list"), {"date_from": "x"}).content.decode()


def test_the_record_page_shows_the_raw_fields_and_is_an_audited_read(client, carol, record):
    login(client, carol)
    page = client.get(reverse("record_detail", args=[record.public_id]))
    assert page.status_code == 200
    content = page.content.decode()
    assert "kamar" in content and "B-12" in content and "Rudi Hartono" in content
    assert AuditEvent.objects.filter(
        actor=carol, action=AuditAction.VIEW, object_id=str(record.public_id)
    ).exists()


def test_an_officer_sees_only_records_matched_to_their_clients(client, alice, pat, matched_record):
    other = ExternalRecord.objects.create(
        source="sdp_admission",
        institution="Rutan Kelas I Palembang",
        external_id="X1",
        event_date="2026-10-01",
        full_name="Orang Lain",
    )
    login(client, alice)
    listed = client.get(reverse("record_list")).content.decode()
    assert "Rudi Hartono" in listed and "Orang Lain" not in listed
    assert client.get(reverse("record_detail", args=[matched_record.public_id])).status_code == 200
    assert client.get(reverse("record_detail", args=[other.public_id])).status_code == 404
    login(client, pat)  # an officer of the office, not the client's
    assert client.get(reverse("record_detail", args=[matched_record.public_id])).status_code == 404
    assert "Rudi Hartono" not in client.get(reverse("record_list")).content.decode()


def test_an_import_result_is_only_for_importers(client, carol, alice):
    login(client, carol)
    location = _upload(client, sdp_file(1))["Location"]
    login(client, alice)
    assert client.get(location).status_code == 404


def test_the_search_finds_other_spellings_of_a_name(client, carol):
    login(client, carol)
    _upload(client, sdp_csv([sdp_row(1, nama="Mochammad Djoko Soesilo"), sdp_row(2)]))
    found = client.get(reverse("record_list"), {"q": "Muhammad Joko"}).content.decode()
    assert "Mochammad Djoko Soesilo" in found and "Budi Santoso" not in found
    assert "1 record" in found


def test_a_feed_call_shows_as_api_in_the_history(client, carol):
    batch = records_ingest(actor=carol, source="sdp_admission", records=[sdp_row(1)])
    login(client, carol)
    assert ">API<" in client.get(reverse("record_import")).content.decode()
    page = client.get(reverse("record_import_detail", args=[batch.public_id])).content.decode()
    assert "API" in page and "Imported" in page
