import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bimkemas.litmas.models import LitmasRequest, ReportStatus, RequestStatus

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%test\n"


def test_the_registrar_registers_a_request_with_its_letter(client, carol, case):
    client.force_login(carol)
    response = client.post(
        "/litmas/new/",
        {
            "type": "integrasi",
            "requester_kind": "lapas_rutan",
            "requester_name": "Lapas Kelas I Palembang",
            "letter_number": "W6-123",
            "client_number": case.register_number,
            "letter": SimpleUploadedFile("surat.pdf", PDF, content_type="application/pdf"),
        },
    )
    request = LitmasRequest.objects.get()
    assert response.status_code == 302
    assert request.client == case.client and request.letter_content_type == "application/pdf"
    page = client.get(f"/litmas/{request.public_id}/").content.decode()
    assert request.tracking_display in page
    assert client.get(f"/litmas/{request.public_id}/letter/").status_code == 200
    assert (
        request.tracking_display
        in client.get(f"/litmas/{request.public_id}/slip/").content.decode()
    )


def test_a_letter_that_is_not_a_pdf_or_image_is_refused(client, carol):
    client.force_login(carol)
    response = client.post(
        "/litmas/new/",
        {
            "type": "diversi",
            "requester_kind": "police",
            "requester_name": "Polresta Palembang",
            "subject_name": "Andi",
            "letter": SimpleUploadedFile("x.pdf", b"MZ not a pdf", content_type="application/pdf"),
        },
    )
    assert response.status_code == 200
    assert "Only PDF, JPEG and PNG" in response.content.decode()
    assert not LitmasRequest.objects.exists()


def test_a_pk_cannot_register(client, alice):
    client.force_login(alice)
    assert client.get("/litmas/new/").status_code == 404


def test_others_get_404(client, litmas_request, erin, pat, nina):
    for user in (erin, pat, nina):
        client.force_login(user)
        assert client.get(f"/litmas/{litmas_request.public_id}/").status_code == 404


def test_the_list_shows_each_user_their_requests(
    client, litmas_request, make_request, alice, carol
):
    make_request()  # not assigned
    client.force_login(alice)
    assert (
        client.get("/litmas/").content.decode().count("/litmas/" + str(litmas_request.public_id))
        == 1
    )
    client.force_login(carol)
    page = client.get("/litmas/").content.decode()
    assert "Rahmat Hidayat" in page


def test_assign_edit_submit_review_acknowledge_through_the_pages(
    client, make_request, bob, alice, dave, client_of_alice
):
    request = make_request(client=client_of_alice)
    client.force_login(bob)
    client.post(f"/litmas/{request.public_id}/assign/", {"officer": str(alice.public_id)})
    request.refresh_from_db()
    assert request.officer == alice
    client.force_login(alice)
    client.post(f"/litmas/{request.public_id}/report/start/")
    editor = client.get(f"/litmas/{request.public_id}/report/")
    assert client_of_alice.full_name in editor.content.decode()
    report = request.report
    data = {}
    for section in report.outline.sections_for(request.type):
        data[f"section_{section['code']}"] = (
            "Nama: Budi" if section["kind"] == "facts" else "Teks " + section["code"]
        )
    data.update(
        source_kind=["interview", "home_visit"],
        source_date=["2026-11-01", "2026-11-02"],
        source_note=["Klien", "Rumah"],
        submit="1",
    )
    response = client.post(f"/litmas/{request.public_id}/report/", data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    assert len(report.current.sources) == 2
    client.force_login(bob)
    client.post(f"/litmas/{request.public_id}/report/review/", {"decision": "approve"})
    client.force_login(dave)
    client.post(f"/litmas/{request.public_id}/report/acknowledge/", {"decision": "approve"})
    request.refresh_from_db()
    assert request.status == RequestStatus.ACKNOWLEDGED
    page = client.get(f"/litmas/{request.public_id}/").content.decode()
    assert "Version 1 by" in page
    assert client.get(f"/litmas/{request.public_id}/report/versions/1/").status_code == 200


def test_the_client_page_lists_the_clients_litmas(client, litmas_request, alice, client_of_alice):
    client.force_login(alice)
    page = client.get(f"/clients/{client_of_alice.public_id}/").content.decode()
    assert "Litmas" in page and str(litmas_request.public_id) in page


def test_the_draft_saves_itself_through_htmx(client, report, alice):
    client.force_login(alice)
    url = f"/litmas/{report.request.public_id}/report/"
    response = client.post(url, {"section_kesimpulan": "Sementara."}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Draft saved" in response.content.decode()
    report.refresh_from_db()
    assert report.current.content["kesimpulan"] == "Sementara."
    assert report.current.content["pendahuluan"]  # sections not sent are left as they were
    assert report.versions.count() == 1
