import pytest

from bimkemas.clients.stages import Stage
from bimkemas.core.dates import today
from bimkemas.documents.tests.reading import docx_text, pdf_text
from bimkemas.testing import login
from bimkemas.tpp.models import AgendaItem, SessionStatus, StageTransition, TppSession
from bimkemas.tpp.selectors import confirmed_stage
from bimkemas.tpp.services import agenda_add, agenda_decide, session_add_member

pytestmark = pytest.mark.django_db
REASON = "Evaluasi belum disetujui, klien patuh penuh"


def _day(day):
    return day.strftime("%d/%m/%Y")


@pytest.mark.parametrize(
    ("persona", "list_status", "session_status", "schedule_status"),
    [
        ("bob", 200, 200, 200),
        ("dave", 200, 200, 200),
        ("alice", 200, 200, 404),
        ("carol", 200, 200, 404),
        ("erin", 200, 404, 404),
        ("nina", 404, 404, 404),
    ],
)
def test_permissions(
    request, client, session, persona, list_status, session_status, schedule_status
):
    login(client, request.getfixturevalue(persona))
    assert client.get("/tpp/").status_code == list_status
    assert client.get(f"/tpp/{session.public_id}/").status_code == session_status
    assert client.get("/tpp/new/").status_code == schedule_status


def test_the_list_shows_only_the_office_sessions(client, session, erin):
    login(client, erin)
    assert session.number not in client.get("/tpp/").content.decode()


def test_the_supervisor_schedules(client, bob, dave):
    login(client, bob)
    response = client.post(
        "/tpp/new/",
        {
            "held_on": _day(today()),
            "place": "Aula",
            "chair": dave.public_id,
            "secretary": bob.public_id,
        },
    )
    session = TppSession.objects.get()
    assert response.status_code == 302 and response.url == f"/tpp/{session.public_id}/"
    assert session.number in client.get("/tpp/").content.decode()


def test_scheduling_errors_are_shown(client, bob):
    login(client, bob)
    response = client.post("/tpp/new/", {"held_on": "31/02/2026", "place": ""})
    assert response.status_code == 400
    assert not TppSession.objects.exists()


def test_search_and_add_a_case(client, bob, session, lanjutan_case, erin):
    login(client, bob)
    page = client.get(f"/tpp/{session.public_id}/?q=Budi").content.decode()
    assert lanjutan_case.register_number in page
    response = client.post(
        f"/tpp/{session.public_id}/agenda/",
        {"case": lanjutan_case.public_id, "kind": "stage_transition", "summary": "Patuh"},
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    assert (item.case, item.to_stage, item.summary) == (lanjutan_case, Stage.LANJUTAN, "Patuh")


def test_a_pk_cannot_manage_the_session(client, alice, session, case):
    login(client, alice)
    url = f"/tpp/{session.public_id}/agenda/"
    assert client.post(url, {"case": case.public_id, "kind": "other"}).status_code == 404
    assert client.post(f"/tpp/{session.public_id}/close/").status_code == 404


def test_decide_inline_with_htmx(client, bob, session, lanjutan_case):
    item = agenda_add(actor=bob, session=session, case=lanjutan_case, kind="stage_transition")
    login(client, bob)
    url = f"/tpp/{session.public_id}/items/{item.public_id}/decide/"
    refused = client.post(url, {"decision": "approved"}, HTTP_HX_REQUEST="true")
    assert refused.status_code == 200
    assert "has not been approved" in refused.content.decode()
    assert confirmed_stage(lanjutan_case) == Stage.AWAL
    done = client.post(
        url, {"decision": "approved", "override_reason": REASON}, HTTP_HX_REQUEST="true"
    )
    assert done.status_code == 200 and "Approved" in done.content.decode()
    assert "<html" not in done.content.decode()
    assert confirmed_stage(lanjutan_case) == Stage.LANJUTAN


def test_decide_without_htmx_redirects(client, bob, session, case):
    item = agenda_add(actor=bob, session=session, case=case, kind="other")
    login(client, bob)
    url = f"/tpp/{session.public_id}/items/{item.public_id}/decide/"
    assert client.post(url, {"decision": "rejected"}).status_code == 302
    assert client.post(url, {"decision": "nonsense"}).status_code == 400


def test_attendance_and_close(client, bob, pat, session, case):
    login(client, bob)
    client.post(f"/tpp/{session.public_id}/members/", {"user": pat.public_id, "role": "member"})
    member = session.members.get(user=pat)
    assert member.present is False  # the checkbox was not ticked
    client.post(
        f"/tpp/{session.public_id}/members/{member.public_id}/attendance/", {"present": "1"}
    )
    member.refresh_from_db()
    assert member.present
    item = agenda_add(actor=bob, session=session, case=case, kind="other")
    response = client.post(f"/tpp/{session.public_id}/close/", follow=True)
    assert "Decide every agenda item" in response.content.decode()
    agenda_decide(actor=bob, item=item, decision="deferred")
    client.post(f"/tpp/{session.public_id}/close/")
    session.refresh_from_db()
    assert session.status == SessionStatus.CLOSED
    page = client.get(f"/tpp/{session.public_id}/").content.decode()
    assert "Record the decision" not in page and "Put a case on the agenda" not in page


def test_minutes_docx_and_pdf(client, bob, dave, pat, session, lanjutan_case):
    dave.nip, bob.nip = "197001011990031001", "198002022005011002"
    dave.save()
    bob.save()
    session_add_member(actor=bob, session=session, name="Hasan", institution="Lapas Palembang")
    item = agenda_add(
        actor=bob,
        session=session,
        case=lanjutan_case,
        kind="stage_transition",
        summary="Klien patuh wajib lapor",
        recommendation="Lanjut ke tahap lanjutan",
    )
    agenda_decide(actor=bob, item=item, decision="approved", override_reason=REASON)
    login(client, pat)  # any staff of the office may print the minutes
    docx = client.post(f"/tpp/{session.public_id}/minutes/", {"fmt": "docx"})
    text = docx_text(b"".join(docx.streaming_content))
    for expected in (
        "BERITA ACARA SIDANG TIM PENGAMAT PEMASYARAKATAN",
        session.number,
        "Aula Bapas Palembang",
        "Hasan",
        "Lapas Palembang",
        "Budi Santoso",
        lanjutan_case.register_number,
        "Peralihan tahap bimbingan",
        "Klien patuh wajib lapor",
        "Lanjut ke tahap lanjutan",
        "Disetujui",
        "197001011990031001",
        "198002022005011002",
    ):
        assert expected in text, expected
    pdf = client.post(f"/tpp/{session.public_id}/minutes/", {"fmt": "pdf"})
    text = pdf_text(b"".join(pdf.streaming_content))
    assert "BERITA ACARA" in text and "Budi Santoso" in text and "Disetujui" in text
    page = client.get(f"/tpp/{session.public_id}/").content.decode()
    assert "Download" in page


def test_minutes_are_an_office_document(client, session, erin):
    login(client, erin)
    assert client.post(f"/tpp/{session.public_id}/minutes/", {"fmt": "pdf"}).status_code == 404


def test_the_client_panel_and_propose(client, alice, session, lanjutan_case):
    login(client, alice)
    page = client.get(f"/clients/{lanjutan_case.client.public_id}/").content.decode()
    assert "Confirmed stage" in page and "Waiting for a TPP decision" in page
    assert "Propose for TPP" in page and "Override the stage" not in page
    response = client.post(
        f"/cases/{lanjutan_case.public_id}/tpp/propose/",
        {"session": session.public_id, "kind": "stage_transition", "summary": "Siap"},
    )
    assert response.status_code == 302
    assert AgendaItem.objects.get().proposed_by == alice
    page = client.get(f"/clients/{lanjutan_case.client.public_id}/").content.decode()
    assert session.number in page


def test_override_from_the_client_page(client, alice, bob, lanjutan_case):
    url = f"/cases/{lanjutan_case.public_id}/tpp/override/"
    login(client, alice)
    assert client.get(url).status_code == 404
    login(client, bob)
    assert client.post(url, {"to_stage": "lanjutan", "reason": "pendek"}).status_code == 400
    response = client.post(url, {"to_stage": "lanjutan", "reason": REASON})
    assert response.status_code == 302
    assert StageTransition.objects.get().override_reason == REASON
    page = client.get(f"/clients/{lanjutan_case.client.public_id}/").content.decode()
    assert REASON in page


def test_a_pk_sees_only_the_items_of_own_clients(client, alice, pat, bob, session, case, make_case):
    other = make_case(officer=pat, identity={"full_name": "Joko Widodo"})
    agenda_add(actor=bob, session=session, case=case, kind="other")
    agenda_add(actor=bob, session=session, case=other, kind="other")
    login(client, alice)
    page = client.get(f"/tpp/{session.public_id}/").content.decode()
    assert "Budi Santoso" in page and "Joko Widodo" not in page
    assert "1 more item about a client outside your caseload." in page
    login(client, bob)
    page = client.get(f"/tpp/{session.public_id}/").content.decode()
    assert "Budi Santoso" in page and "Joko Widodo" in page
