import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.guidance.models import Attendance, GuidanceSession, SessionPhoto
from bimkemas.guidance.services.sessions import AttendanceInput, session_record
from bimkemas.testing import pdf_upload, png_upload

pytestmark = pytest.mark.django_db


def record(actor, attendances, **overrides):
    fields = {
        "held_on": today(),
        "kind": "group",
        "method": "groupwork",
        "area": "religion",
        "title": "Pengajian bersama",
        "place": "Aula Bapas",
    }
    fields.update(overrides)
    return session_record(actor=actor, attendances=attendances, **fields)


@pytest.fixture
def caseload(make_case, alice, case):
    others = [
        make_case(
            officer=alice,
            identity={"full_name": name},
        )
        for name in ("Andi Saputra", "Dedi Kurniawan")
    ]
    return [case, *others]


def test_a_group_session_records_many_clients_at_once(caseload, alice):
    session = record(
        alice,
        [
            AttendanceInput(caseload[0]),
            AttendanceInput(caseload[1], status="absent"),
            AttendanceInput(caseload[2], status="excused", note="Sakit"),
        ],
    )

    rows = Attendance.objects.filter(session=session).order_by("case_id")
    assert [r.status for r in rows] == ["attended", "absent", "excused"]
    assert session.office == caseload[0].office and session.led_by == alice


def test_an_individual_session_has_one_client(caseload, alice):
    with pytest.raises(ApplicationError, match="exactly one"):
        record(alice, [AttendanceInput(c) for c in caseload[:2]], kind="individual")
    assert not GuidanceSession.objects.exists()


def test_a_client_outside_the_officers_charge_is_refused(case, pat):
    with pytest.raises(ApplicationError, match="in your charge"):
        record(pat, [AttendanceInput(case)])


def test_a_supervisor_records_for_clients_of_the_office(caseload, bob):
    session = record(bob, [AttendanceInput(c) for c in caseload])
    assert session.attendances.count() == 3


def test_a_plan_item_of_another_client_is_refused(caseload, alice, agreed_plan):
    item = agreed_plan.items.first()
    with pytest.raises(ApplicationError, match="another client"):
        record(alice, [AttendanceInput(caseload[1], plan_item=item)])


def test_photos_are_checked(case, alice):
    with pytest.raises(ApplicationError, match="at most 3"):
        record(alice, [AttendanceInput(case)], photos=[png_upload() for _ in range(4)])
    with pytest.raises(ApplicationError, match="Only photos"):
        record(alice, [AttendanceInput(case)], photos=[pdf_upload()])
    with pytest.raises(ApplicationError):
        record(
            alice,
            [AttendanceInput(case)],
            photos=[SimpleUploadedFile("x.png", b"not an image", content_type="image/png")],
        )
    assert not GuidanceSession.objects.exists()

    session = record(alice, [AttendanceInput(case)], photos=[png_upload()])
    assert SessionPhoto.objects.get(session=session).content_type == "image/png"


def test_a_future_date_and_a_missing_title_are_refused(case, alice):
    from datetime import timedelta

    with pytest.raises(ApplicationError) as error:
        record(alice, [AttendanceInput(case)], held_on=today() + timedelta(days=1), title=" ")
    assert set(error.value.errors) >= {"held_on", "title"}
