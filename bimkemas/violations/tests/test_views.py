"""The violation pages by persona: the officer's own client, another officer, the heads, the
registrar, another Bapas and the national viewer; recording, deciding, letters, the list and
the ladder; bad input answers 400 and changes nothing."""

import datetime as dt

import pytest

from bimkemas.audit.models import AuditEvent
from bimkemas.core.dates import today
from bimkemas.documents.models import GeneratedDocument
from bimkemas.documents.tests.reading import docx_text, pdf_text
from bimkemas.testing import login, pdf_upload
from bimkemas.violations.ladder import office_ladder
from bimkemas.violations.models import LadderRung, Violation, ViolationDecision
from bimkemas.violations.services import violation_decide

pytestmark = pytest.mark.django_db


def _day(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _detail(violation, action=""):
    return f"/violations/{violation.public_id}/{action}"


# persona: (detail status, may act, list status, ladder status, record status)
MATRIX = [
    ("alice", 200, True, 200, 404, 200),
    ("pat", 404, False, 200, 404, 404),
    ("bob", 200, True, 200, 200, 200),
    ("dave", 200, True, 200, 200, 200),
    ("carol", 200, False, 200, 404, 404),
    ("erin", 404, False, 200, 404, 404),
    ("nina", 404, False, 404, 404, 404),
]


@pytest.mark.parametrize(("persona", "detail", "acts", "listing", "ladder", "new"), MATRIX)
def test_the_pages_by_persona(
    request, client, violation, case, persona, detail, acts, listing, ladder, new
):
    login(client, request.getfixturevalue(persona))
    response = client.get(_detail(violation))
    assert response.status_code == detail
    if detail == 200:
        assert ("Record the response" in response.content.decode()) == acts
    assert client.get("/violations/").status_code == listing
    assert client.get("/office/violation-ladder/").status_code == ladder
    assert client.get(f"/cases/{case.public_id}/violations/new/").status_code == new
    rung = office_ladder(case.office_id)[0]
    posted = client.post(
        _detail(violation, "decide/"), {"rung": rung.public_id, "decided_on": _day(today())}
    )
    assert (posted.status_code == 302) == acts
    assert ViolationDecision.objects.exists() == acts


def test_reading_a_violation_is_audited(client, bob, violation):
    login(client, bob)
    client.get(_detail(violation))
    event = AuditEvent.objects.filter(action="view", actor_id=bob.pk).latest("pk")
    assert event.client_pk == violation.case.client_id


def test_the_officer_records_decides_and_prints_the_letter(client, alice, dave, case):
    dave.first_name, dave.nip = "Darmawan", "197501011999031001"
    dave.save()
    login(client, alice)
    page = client.get(f"/clients/{case.client.public_id}/").content.decode()
    assert "Record a violation" in page and "No violation recorded." in page
    response = client.post(
        f"/cases/{case.public_id}/violations/new/",
        {
            "kind": "programme",
            "source": "officer",
            "occurred_on": _day(today() - dt.timedelta(days=1)),
            "summary": "Tidak hadir pada bimbingan kelompok",
            "evidence": "Daftar hadir kelompok 2 Desember",
            "attachments": [pdf_upload("daftar-hadir.pdf")],
        },
    )
    assert response.status_code == 302
    violation = Violation.objects.get()
    assert response["Location"] == _detail(violation)
    page = client.get(_detail(violation)).content.decode()
    assert "Konseling (teguran lisan)" in page and "daftar-hadir.pdf" in page
    attachment = violation.attachments.get()
    download = client.get(_detail(violation, f"attachments/{attachment.public_id}/"))
    assert download.status_code == 200 and "no-store" in download["Cache-Control"]
    assert AuditEvent.objects.filter(action="download", object_id=str(attachment.public_id))

    rung = office_ladder(case.office_id)[1]
    response = client.post(
        _detail(violation, "decide/"),
        {"rung": rung.public_id, "decided_on": _day(today()), "note": "Diberi peringatan"},
    )
    assert response.status_code == 302
    decision = ViolationDecision.objects.get()
    page = client.get(_detail(violation)).content.decode()
    assert decision.letter_number in page and "Generate the letter" in page

    docx = client.post(_detail(violation, "letter/"), {"fmt": "docx"})
    text = docx_text(b"".join(docx.streaming_content))
    assert "SURAT PERINGATAN I" in text and decision.letter_number in text
    assert "Tidak hadir pada bimbingan kelompok" in text
    assert "Surat Peringatan II" in text  # the next rung's consequence
    assert "Tidak mengikuti program bimbingan (syarat khusus)" in text
    assert "Temuan Pembimbing Kemasyarakatan" in text
    assert "Darmawan" in text and "197501011999031001" in text
    pdf = client.post(_detail(violation, "letter/"), {"fmt": "pdf"})
    assert "SURAT PERINGATAN I" in pdf_text(b"".join(pdf.streaming_content))
    assert GeneratedDocument.objects.filter(kind="violation_letter").count() == 2
    panel = client.get(f"/clients/{case.client.public_id}/").content.decode()
    assert "Surat Peringatan I" in panel and decision.letter_number in panel


def test_a_revocation_rung_links_to_the_revocation_app_when_it_exists(client, alice, violation):
    login(client, alice)
    rung = office_ladder(violation.case.office_id)[-1]
    client.post(
        _detail(violation, "decide/"), {"rung": rung.public_id, "decided_on": _day(today())}
    )
    page = client.get(_detail(violation)).content.decode()
    assert "Generate the letter" not in page
    assert "Start the revocation proposal" in page or "not available yet" in page
    if "Start the revocation proposal" in page:
        assert f"?violation={violation.public_id}" in page


def test_the_officer_dismisses_with_a_reason(client, alice, violation):
    login(client, alice)
    assert client.post(_detail(violation, "dismiss/"), {"reason": ""}).status_code == 400
    response = client.post(_detail(violation, "dismiss/"), {"reason": "Sudah melapor pindah"})
    assert response.status_code == 302
    violation.refresh_from_db()
    assert violation.status == "dismissed"
    assert "Sudah melapor pindah" in client.get(_detail(violation)).content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"kind": "x", "source": "officer", "occurred_on": "01/12/2026", "summary": "a"},
        {"kind": "address", "source": "match", "occurred_on": "01/12/2026", "summary": "a"},
        {"kind": "address", "source": "officer", "occurred_on": "31/02/2026", "summary": "a"},
        {"kind": "address", "source": "officer", "occurred_on": "01/01/2099", "summary": "a"},
        {"kind": "address", "source": "officer", "occurred_on": "01/01/2001", "summary": "a"},
        {"kind": "address", "source": "officer", "occurred_on": "01/12/2026", "summary": "\x00"},
    ],
)
def test_bad_records_answer_400_and_change_nothing(client, alice, case, data):
    login(client, alice)
    response = client.post(f"/cases/{case.public_id}/violations/new/", data)
    assert response.status_code == 400
    assert (
        "is-invalid" in response.content.decode() or "invalid-feedback" in response.content.decode()
    )
    assert not Violation.objects.exists()


def test_bad_decisions_answer_400(client, alice, violation, other_office):
    login(client, alice)
    foreign = office_ladder(other_office.pk)[0]
    for data in (
        {"rung": foreign.public_id, "decided_on": _day(today())},
        {"rung": "not-a-uuid", "decided_on": _day(today())},
        {"rung": office_ladder(violation.case.office_id)[0].public_id, "decided_on": "x"},
    ):
        assert client.post(_detail(violation, "decide/"), data).status_code == 400
    assert not ViolationDecision.objects.exists()
    assert client.post(_detail(violation, "letter/"), {"fmt": "pdf"}).status_code == 404
    assert client.post(_detail(violation, "attachments/"), {}).status_code == 400


def test_the_list_puts_open_first_and_filters(client, alice, bob, record, case, make_case, pat):
    first = record(case, summary="Pertama", occurred_on=today() - dt.timedelta(days=9))
    violation_decide(actor=alice, violation=first, rung=office_ladder(case.office_id)[0])
    record(case, summary="Kedua", kind="unrest", occurred_on=today() - dt.timedelta(days=20))
    other = make_case(officer=pat, identity={"full_name": "Andi Wijaya"})
    record(other, actor=pat, summary="Punya Pat")
    login(client, bob)
    page = client.get("/violations/").content.decode()
    rows = page.split("<tbody>")[1]
    # The older but open violation comes before the newer, answered one.
    assert rows.index("Causing public unrest") < rows.index("Konseling (teguran lisan)")
    assert "Andi Wijaya" in rows
    assert (
        "Andi Wijaya"
        not in client.get(f"/violations/?officer={alice.public_id}")
        .content.decode()
        .split("<tbody>")[1]
    )
    unrest = client.get("/violations/?kind=unrest&status=open").content.decode().split("<tbody>")[1]
    assert "Budi Santoso" in unrest and "Andi Wijaya" not in unrest
    assert client.get("/violations/?status=bogus&kind=%00&officer=zz").status_code == 200
    login(client, alice)
    mine = client.get("/violations/").content.decode().split("<tbody>")[1]
    assert "Budi Santoso" in mine and "Andi Wijaya" not in mine
    assert AuditEvent.objects.filter(action="list", actor_id=alice.pk).exists()


def test_the_head_edits_the_ladder(client, dave, office):
    login(client, dave)
    rungs = office_ladder(office.pk)
    data = {"form-TOTAL_FORMS": "5", "form-INITIAL_FORMS": "4"}
    for index, rung in enumerate(rungs):
        data |= {
            f"form-{index}-id": str(rung.public_id),
            f"form-{index}-position": str(rung.position),
            f"form-{index}-name": rung.name,
            f"form-{index}-produces_letter": "on",
            f"form-{index}-active": "on",
        }
    data["form-3-proposes_revocation"] = "on"
    data["form-1-name"] = "Surat Peringatan Pertama"
    data |= {"form-4-position": "35", "form-4-name": "Panggilan", "form-4-active": "on"}
    response = client.post("/office/violation-ladder/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    names = [r.name for r in office_ladder(office.pk)]
    assert names == [
        "Konseling (teguran lisan)",
        "Surat Peringatan Pertama",
        "Surat Peringatan II",
        "Panggilan",
        "Usul pencabutan",
    ]
    data["form-1-name"] = "Konseling (teguran lisan)"  # two active steps with one name
    data |= {"form-TOTAL_FORMS": "4"}
    response = client.post("/office/violation-ladder/", data)
    assert response.status_code == 400
    assert "Two active steps have this name." in response.content.decode()
    assert LadderRung.objects.filter(name="Surat Peringatan Pertama").exists()
