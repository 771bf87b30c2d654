"""The export package for the Kanwil / Ditjenpas: a ZIP with the report's PDF and the case."""

import hashlib
import io
import json
import zipfile

import pytest
from django.urls import reverse

from bimkemas.clients.models import CaseDocument
from bimkemas.core.dates import today
from bimkemas.documents.models import DocumentKind, GeneratedDocument
from bimkemas.revocation import services
from bimkemas.testing import login, pdf_upload

pytestmark = pytest.mark.django_db


def test_the_package_holds_the_report_pdf_and_the_case_file(
    client, alice, bob, dave, case, violation, request_revocation
):
    from bimkemas.revocation.tests.conftest import walk_to_recommended

    revocation = request_revocation(case, violation=violation, uploads=[pdf_upload("surat.pdf")])
    walk_to_recommended(revocation, officer=alice, supervisor=bob)
    services.revocation_revoke_temporarily(
        actor=dave, revocation=revocation, on=today(), decree_number="W6.PAS.16-1"
    )
    login(client, bob)
    response = client.post(reverse("revocation_export", args=[revocation.public_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    package = zipfile.ZipFile(io.BytesIO(response.content))
    names = package.namelist()
    pdf_name = next(name for name in names if name.endswith(".pdf"))
    assert sorted(names) == sorted([pdf_name, "kasus.json"])
    pdf = package.read(pdf_name)
    assert pdf.startswith(b"%PDF")
    record = json.loads(package.read("kasus.json"))
    assert record["client"]["full_name"] == case.client.full_name
    assert record["case"]["register_number"] == case.register_number
    assert record["case"]["sk_number"] == case.sk_number
    assert record["violation"]["kind"] == "new_offence"
    assert [s["kind"] for s in record["steps"]] == [
        "request", "statement", "examination", "tpp", "temporary",
    ]  # fmt: skip
    assert record["steps"][3]["details"]["recommend"] is True
    assert record["steps"][4]["details"]["decree_number"] == "W6.PAS.16-1"
    letter = CaseDocument.objects.get(original_name="surat.pdf")
    expected = hashlib.sha256(letter.file.open("rb").read()).hexdigest()
    assert record["steps"][0]["documents"] == [
        {"name": "surat.pdf", "sha256": expected, "size": letter.size}
    ]
    report = GeneratedDocument.objects.get(kind=DocumentKind.REVOCATION_REPORT)
    assert report.sha256 == hashlib.sha256(pdf).hexdigest()
    assert {"kind": "revocation_report", "format": "pdf", "version": 1,
            "sha256": report.sha256} in record["generated_documents"]  # fmt: skip


def test_an_officer_of_another_client_cannot_export(client, pat, erin, revocation):
    for someone in (pat, erin):
        login(client, someone)
        response = client.post(reverse("revocation_export", args=[revocation.public_id]))
        assert response.status_code == 404
