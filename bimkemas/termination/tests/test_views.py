import pytest

from bimkemas.clients.models import CaseStatus
from bimkemas.core.dates import today
from bimkemas.documents.tests.reading import docx_text, pdf_text
from bimkemas.termination.models import Termination
from bimkemas.termination.services import case_complete
from bimkemas.testing import login

pytestmark = pytest.mark.django_db


def _url(case, action=""):
    return f"/cases/{case.public_id}/terminate/{action}"


def _day(day):
    return day.strftime("%d/%m/%Y")


@pytest.mark.parametrize(
    ("persona", "status", "forms"),
    [
        ("bob", 200, True),
        ("dave", 200, True),
        ("alice", 200, False),
        ("carol", 200, False),
        ("erin", 404, False),
        ("nina", 404, False),
    ],
)
def test_the_page_by_persona(request, client, ended_case, persona, status, forms):
    login(client, request.getfixturevalue(persona))
    response = client.get(_url(ended_case))
    assert response.status_code == status
    if status == 200:
        assert ("Complete the guidance" in response.content.decode()) == forms


def test_a_pk_cannot_post(client, alice, ended_case):
    login(client, alice)
    response = client.post(_url(ended_case, "complete/"), {"on": _day(today())})
    assert response.status_code == 404
    assert not Termination.objects.exists()


def test_the_supervisor_completes_and_generates_the_certificate(client, bob, dave, ended_case):
    dave.first_name, dave.last_name, dave.nip = "Darmawan", "S.H.", "197501011999031001"
    dave.save()
    login(client, bob)
    response = client.post(
        _url(ended_case, "complete/"), {"on": _day(today()), "aftercare_months": "2"}
    )
    assert response.status_code == 302
    ended_case.refresh_from_db()
    assert ended_case.status == CaseStatus.COMPLETED
    page = client.get(_url(ended_case)).content.decode()
    assert "Certificate number" in page and "No document has been generated yet." in page
    number = ended_case.termination.certificate_number
    docx = client.post(f"/cases/{ended_case.public_id}/certificate/", {"fmt": "docx"})
    text = docx_text(b"".join(docx.streaming_content))
    assert "SURAT KETERANGAN SELESAI MENJALANI BIMBINGAN" in text
    assert number in text and "Rudi Hartono" in text and ended_case.sk_number in text
    assert "197501011999031001" in text and "after care" in text
    pdf = client.post(f"/cases/{ended_case.public_id}/certificate/", {"fmt": "pdf"})
    text = pdf_text(b"".join(pdf.streaming_content))
    assert "SURAT KETERANGAN SELESAI" in text and "Rudi Hartono" in text
    page = client.get(_url(ended_case)).content.decode()
    assert page.count("Download") >= 2


def test_completion_before_the_end_shows_the_error(client, bob, case):
    login(client, bob)
    response = client.post(_url(case, "complete/"), {"on": _day(today())})
    assert response.status_code == 400
    assert "period has ended" in response.content.decode()


def test_the_certificate_only_for_completed_cases(client, bob, case):
    login(client, bob)
    assert client.post(f"/cases/{case.public_id}/certificate/", {"fmt": "pdf"}).status_code == 404


def test_a_bad_format_is_a_message_not_a_500(client, bob, ended_case):
    case_complete(actor=bob, case=ended_case, on=today())
    login(client, bob)
    response = client.post(f"/cases/{ended_case.public_id}/certificate/", {"fmt": "exe"})
    assert response.status_code == 302


def test_transfer_from_the_page(client, bob, case, other_office):
    from bimkemas.accounts.models import WorkArea

    WorkArea.objects.create(office=other_office, kind="kabupaten", name="OKU")
    login(client, bob)
    response = client.post(_url(case, "transfer/"), {"to_office": "oku", "reason": "Pindah"})
    assert response.status_code == 302 and response.url == "/clients/"
    assert client.get(f"/clients/{case.client.public_id}/").status_code == 404


def test_death_from_the_page(client, bob, case):
    login(client, bob)
    response = client.post(_url(case, "died/"), {"on": _day(today()), "reason": "Sakit"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.DIED


def test_the_client_page_panel(client, alice, bob, ended_case):
    login(client, alice)
    page = client.get(f"/clients/{ended_case.client.public_id}/").content.decode()
    assert "due for completion" in page and "End the case" not in page
    login(client, bob)
    page = client.get(f"/clients/{ended_case.client.public_id}/").content.decode()
    assert "End the case" in page
    case_complete(actor=bob, case=ended_case, on=today())
    page = client.get(f"/clients/{ended_case.client.public_id}/").content.decode()
    assert "Completion certificate" in page
