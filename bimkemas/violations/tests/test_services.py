"""Recording, answering and the ladder: the services other apps and the pages call."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bimkemas.audit.models import AuditEvent
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.notifications.models import Notification
from bimkemas.testing import pdf_upload, png_upload
from bimkemas.violations.ladder import office_ladder, suggest_rung
from bimkemas.violations.models import (
    LadderRung,
    Violation,
    ViolationAttachment,
    ViolationDecision,
)
from bimkemas.violations.services import (
    RungData,
    ladder_save,
    violation_attach,
    violation_decide,
    violation_dismiss,
    violation_record,
)

pytestmark = pytest.mark.django_db


def test_the_default_ladder_heals_itself_once_per_office(office, other_office):
    rungs = office_ladder(office.pk)
    assert [r.name for r in rungs] == [
        "Konseling (teguran lisan)",
        "Surat Peringatan I",
        "Surat Peringatan II",
        "Usul pencabutan",
    ]
    assert [r.proposes_revocation for r in rungs] == [False, False, False, True]
    assert office_ladder(office.pk) == rungs
    office_ladder(other_office.pk)
    assert LadderRung.objects.count() == 8


def test_recording_is_audited_with_its_files(case, alice):
    violation = violation_record(
        actor=alice,
        case=case,
        kind="suspect",
        source="notice",
        occurred_on=today(),
        summary="Ditangkap Polsek Ilir Timur",
        attachments=[pdf_upload("surat-polsek.pdf"), png_upload()],
    )
    assert (violation.status, violation.opened_by, violation.condition) == (
        "open",
        alice,
        "General condition",
    )
    assert violation.attachments.count() == 2
    assert AuditEvent.objects.filter(client_pk=case.client_id, action="create").count() >= 3


def test_a_source_key_makes_recording_idempotent(case, alice, bob):
    data = {
        "case": case,
        "kind": "new_offence",
        "source": "match",
        "occurred_on": today(),
        "summary": "Putusan PN Palembang",
        "source_key": "match:42",
    }
    first = violation_record(actor=alice, **data)
    again = violation_record(actor=bob, **{**data, "summary": "changed"})
    assert again.pk == first.pk
    assert again.summary == "Putusan PN Palembang"
    assert Violation.objects.count() == 1
    violation_record(actor=alice, **{**data, "source_key": ""})
    violation_record(actor=alice, **{**data, "source_key": ""})
    assert Violation.objects.count() == 3


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "nonsense"}, "kind"),
        ({"source": "rumour"}, "source"),
        ({"summary": "   "}, "summary"),
        ({"summary": "x" * 301}, "summary"),
        ({"summary": "ok\u202e"}, "summary"),
        ({"occurred_on": today() + dt.timedelta(days=1)}, "occurred_on"),
        ({"occurred_on": dt.date(2000, 1, 1)}, "occurred_on"),
        ({"attachments": [SimpleUploadedFile("a.exe", b"MZ\x90\x00")]}, "attachments"),
    ],
)
def test_bad_input_records_nothing(record, case, change, field):
    with pytest.raises(ApplicationError) as raised:
        record(case, **change)
    assert field in raised.value.errors
    assert not Violation.objects.exists()
    assert not ViolationAttachment.objects.exists()


def test_only_the_officer_or_the_office_heads_record(record, case, pat, carol, erin, bob, dave):
    for outsider in (pat, carol, erin):
        with pytest.raises(ApplicationError):
            record(case, actor=outsider)
    assert record(case, actor=bob).opened_by == bob
    told = Notification.objects.filter(purpose_key__startswith="violation-recorded:")
    assert list(told.values_list("recipient__username", flat=True)) == ["alice"]
    assert record(case, actor=dave).opened_by == dave


def test_the_suggestion_climbs_the_ladder_per_case(record, case, alice, make_case):
    rungs = office_ladder(case.office_id)
    assert suggest_rung(case.pk, rungs) == rungs[0]
    violation_decide(actor=alice, violation=record(case), rung=rungs[1])  # skipped counselling
    assert suggest_rung(case.pk, rungs) == rungs[2]
    violation_decide(actor=alice, violation=record(case), rung=rungs[3])
    assert suggest_rung(case.pk, rungs) == rungs[3]  # the top stays the top
    other = make_case(officer=alice, identity={"full_name": "Andi Wijaya"})
    assert suggest_rung(other.pk, rungs) == rungs[0]


def test_a_decision_numbers_its_letter_and_tells_the_client(violation, alice, settings):
    settings.NOTIFICATION_TRANSPORTS = {**settings.NOTIFICATION_TRANSPORTS, "whatsapp": "x.Y"}
    rung = office_ladder(violation.case.office_id)[1]
    decision = violation_decide(actor=alice, violation=violation, rung=rung, note="Pertama kali")
    violation.refresh_from_db()
    assert violation.status == "decided"
    assert decision.rung_name == "Surat Peringatan I"
    assert decision.suggested.name == "Konseling (teguran lisan)"
    year = today().year
    assert decision.letter_number.startswith("001/SP/") and str(year) in decision.letter_number
    message = Notification.objects.get(client_pk=violation.case.client_id)
    assert message.channel == "whatsapp" and message.address.startswith("+62")
    assert "Surat Peringatan I" in message.body
    event = AuditEvent.objects.filter(object_id=str(violation.public_id), action="status").get()
    assert event.changes["suggested"] == "Konseling (teguran lisan)"


def test_a_revocation_proposal_tells_the_heads(violation, alice, bob, dave):
    rung = office_ladder(violation.case.office_id)[-1]
    decision = violation_decide(actor=alice, violation=violation, rung=rung)
    assert decision.letter_number == ""
    told = Notification.objects.filter(purpose_key__startswith="violation-revocation:")
    assert set(told.values_list("recipient__username", flat=True)) == {
        "bob",
        "dave",
    }


def test_a_violation_is_answered_once(violation, alice):
    rungs = office_ladder(violation.case.office_id)
    violation_decide(actor=alice, violation=violation, rung=rungs[0])
    with pytest.raises(ApplicationError):
        violation_decide(actor=alice, violation=violation, rung=rungs[1])
    with pytest.raises(ApplicationError):
        violation_dismiss(actor=alice, violation=violation, reason="Tidak terbukti")
    assert ViolationDecision.objects.count() == 1


def test_a_decision_needs_an_active_rung_of_the_office_and_a_sane_date(
    violation, alice, other_office
):
    foreign = office_ladder(other_office.pk)[0]
    rungs = office_ladder(violation.case.office_id)
    LadderRung.objects.filter(pk=rungs[2].pk).update(active=False)
    for rung, day, field in (
        (foreign, today(), "rung"),
        (rungs[2], today(), "rung"),
        (rungs[0], violation.occurred_on - dt.timedelta(days=1), "decided_on"),
        (rungs[0], today() + dt.timedelta(days=1), "decided_on"),
    ):
        with pytest.raises(ApplicationError) as raised:
            violation_decide(actor=alice, violation=violation, rung=rung, decided_on=day)
        assert field in raised.value.errors
    violation.refresh_from_db()
    assert violation.status == "open" and not ViolationDecision.objects.exists()


def test_dismissal_needs_a_reason(violation, bob):
    with pytest.raises(ApplicationError):
        violation_dismiss(actor=bob, violation=violation, reason="  ")
    dismissed = violation_dismiss(actor=bob, violation=violation, reason="Alamat sudah dilaporkan")
    assert (dismissed.status, dismissed.decided_by, dismissed.decision_note) == (
        "dismissed",
        bob,
        "Alamat sudah dilaporkan",
    )


def test_attachments_have_limits(violation, alice, settings):
    settings.MAX_UPLOAD_BYTES = 10
    with pytest.raises(ApplicationError):
        violation_attach(actor=alice, violation=violation, upload=pdf_upload())
    settings.MAX_UPLOAD_BYTES = 10_000_000
    for _n in range(10):
        violation_attach(actor=alice, violation=violation, upload=png_upload())
    with pytest.raises(ApplicationError):
        violation_attach(actor=alice, violation=violation, upload=png_upload())
    assert violation.attachments.count() == 10


def test_the_heads_edit_the_ladder(office, bob, alice, violation):
    rungs = office_ladder(office.pk)
    violation_decide(actor=alice, violation=violation, rung=rungs[0])
    saved = ladder_save(
        actor=bob,
        office=office,
        rungs=[
            RungData(name="Teguran tertulis", position=5, public_id=rungs[0].public_id),
            RungData(name="Surat Peringatan I", position=20, public_id=rungs[1].public_id),
            RungData(
                name="Usul pencabutan",
                position=30,
                produces_letter=False,
                proposes_revocation=True,
                public_id=rungs[3].public_id,
            ),
            RungData(name="Panggilan ke kantor", position=25),
        ],
    )
    assert [r.name for r in saved] == [
        "Teguran tertulis",
        "Surat Peringatan I",
        "Panggilan ke kantor",
        "Usul pencabutan",
    ]
    assert not LadderRung.objects.get(pk=rungs[2].pk).active  # left out: inactive, kept
    assert ViolationDecision.objects.get().rung_name == rungs[0].name  # the record keeps its name
    with pytest.raises(ApplicationError):
        ladder_save(actor=alice, office=office, rungs=[RungData(name="X", position=1)])


@pytest.mark.parametrize(
    "rungs",
    [
        [RungData(name="", position=1)],
        [RungData(name="A", position=0)],
        [RungData(name="A", position=1), RungData(name="a", position=2)],
        [RungData(name="A", position=1, active=False)],
        [RungData(name="A", position=1, public_id="5b2c4d1e-0000-4000-8000-000000000000")],
    ],
)
def test_a_bad_ladder_changes_nothing(office, bob, rungs):
    before = [(r.name, r.position, r.active) for r in office_ladder(office.pk, active_only=False)]
    with pytest.raises(ApplicationError):
        ladder_save(actor=bob, office=office, rungs=rungs)
    after = [(r.name, r.position, r.active) for r in office_ladder(office.pk, active_only=False)]
    assert after == before


def test_every_kind_and_source_has_its_indonesian_words_for_letters():
    from bimkemas.violations.letters import KIND_ID, SOURCE_ID
    from bimkemas.violations.models import ViolationKind, ViolationSource

    assert set(KIND_ID) == set(ViolationKind.values)
    assert set(SOURCE_ID) == set(ViolationSource.values)
