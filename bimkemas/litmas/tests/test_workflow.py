import datetime as dt

import pytest

from bimkemas.audit.models import AuditEvent
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.litmas.dates import add_working_days
from bimkemas.litmas.models import (
    LitmasDeadline,
    LitmasType,
    ReportStatus,
    RequestStatus,
    VersionReason,
)
from bimkemas.litmas.services import (
    report_acknowledge,
    report_review,
    report_save,
    report_start,
    report_submit,
    request_assign,
    request_cancel,
    request_create,
    request_mark_sent,
)
from bimkemas.litmas.tests.conftest import FULL_SOURCES, filled_content

pytestmark = pytest.mark.django_db


def test_a_request_is_due_after_the_types_working_days(make_request):
    request = make_request(
        type=LitmasType.DIVERSI, received_on=dt.date(2026, 1, 2), letter_date=None
    )  # received on a Friday
    assert request.due_on == dt.date(2026, 1, 7)  # Mon, Tue, Wed
    assert request.status == RequestStatus.RECEIVED
    assert list(request.steps.values_list("status", flat=True)) == ["received"]


def test_an_office_sets_its_own_deadline(make_request, office):
    LitmasDeadline.objects.create(office=office, type=LitmasType.INTEGRASI, working_days=20)
    request = make_request(received_on=dt.date(2026, 1, 5), letter_date=None)
    assert request.due_on == add_working_days(dt.date(2026, 1, 5), 20)


def test_a_request_names_a_client_or_a_subject(carol, office):
    with pytest.raises(ApplicationError) as error:
        request_create(
            actor=carol,
            office=office,
            data={"type": "integrasi", "requester_kind": "court", "requester_name": "PN"},
        )
    assert "subject_name" in error.value.errors


def test_a_pk_cannot_register_requests(alice, office):
    with pytest.raises(ApplicationError):
        request_create(
            actor=alice,
            office=office,
            data={
                "type": "integrasi",
                "requester_kind": "court",
                "requester_name": "PN Palembang",
                "subject_name": "Budi",
            },
        )


def test_a_request_for_a_client_links_the_open_case(litmas_request, case):
    assert litmas_request.case == case
    assert litmas_request.status == RequestStatus.ASSIGNED


def test_only_a_supervisor_assigns(make_request, carol, alice):
    request = make_request()
    with pytest.raises(ApplicationError):
        request_assign(actor=carol, request=request, officer=alice)


def test_an_officer_of_another_bapas_cannot_be_assigned(make_request, bob, erin):
    with pytest.raises(ApplicationError) as error:
        request_assign(actor=bob, request=make_request(), officer=erin)
    assert "officer" in error.value.errors


def test_only_the_assigned_pk_starts_the_report(litmas_request, pat):
    with pytest.raises(ApplicationError):
        report_start(actor=pat, request=litmas_request)


def test_starting_numbers_and_prefills_the_report(report, client_of_alice, case):
    assert report.number == f"LITMAS.0001/INT/{today().year}/PLG"
    content = report.current.content
    assert ["Nama", client_of_alice.full_name] in content["identitas_klien"]
    assert ["Nama", "Siti Aminah"] in content["identitas_penjamin"]
    assert case.sk_number in content["tindak_pidana"]
    assert "W6.PAS.PAS1-PK.01.05-123" in content["pendahuluan"]
    assert report.request.status == RequestStatus.IN_PROGRESS


def test_numbers_count_per_office_and_year(make_request, bob, alice, report):
    other = request_assign(actor=bob, request=make_request(), officer=alice)
    assert report_start(actor=alice, request=other).number.startswith("LITMAS.0002/")


def test_submit_needs_the_required_sections_and_a_source(report, alice):
    report_save(actor=alice, report=report, content={"kesimpulan": ""})
    with pytest.raises(ApplicationError) as error:
        report_submit(actor=alice, report=report)
    assert "kesimpulan" in error.value.errors
    report_save(actor=alice, report=report, content=filled_content(report))
    with pytest.raises(ApplicationError) as error:
        report_submit(actor=alice, report=report)
    assert "sources" in error.value.errors


def test_content_must_fit_the_outline(report, alice):
    with pytest.raises(ApplicationError) as error:
        report_save(actor=alice, report=report, content={"nope": "x", "identitas_klien": "x"})
    assert set(error.value.errors) == {"nope", "identitas_klien"}
    assert report.current.content.get("nope") is None


def test_the_whole_workflow_keeps_every_version(full_report, alice, bob, dave, office):
    report = full_report
    assert report.versions.count() == 1  # the draft is edited in place
    report_submit(actor=alice, report=report)
    report_save(actor=alice, report=report, content={"kesimpulan": "Diperbaiki."})
    assert report.versions.count() == 2  # a change after submission is a new version
    report_review(actor=bob, report=report, approve=False, note="Lengkapi tanggapan korban.")
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    assert report.request.status == RequestStatus.IN_PROGRESS
    returned = report.current
    assert (returned.number, returned.reason) == (3, VersionReason.RETURNED)
    assert returned.note == "Lengkapi tanggapan korban."
    report_save(actor=alice, report=report, content={"tanggapan": "Korban memaafkan."})
    report_submit(actor=alice, report=report)
    report_review(actor=bob, report=report, approve=True)
    report_acknowledge(actor=dave, report=report)
    report.refresh_from_db()
    assert report.status == ReportStatus.ACKNOWLEDGED
    request_mark_sent(actor=bob, request=report.request)
    report.request.refresh_from_db()
    assert report.request.status == RequestStatus.SENT
    versions = {v.number: v for v in report.versions.all()}
    assert versions[1].content["kesimpulan"] == "Isi Kesimpulan."
    assert versions[2].content["kesimpulan"] == "Diperbaiki."
    # the returned draft (v3) was edited and submitted; the version it was returned from stays
    assert versions[2].content["tanggapan"] == "Isi Tanggapan."
    assert versions[3].content["tanggapan"] == "Korban memaafkan."
    assert all(v.submitted_at for v in versions.values())
    steps = list(report.request.steps.values_list("status", flat=True))
    assert steps == [
        "received",
        "assigned",
        "in_progress",
        "submitted",
        "in_progress",
        "submitted",
        "reviewed",
        "acknowledged",
        "sent",
    ]
    assert AuditEvent.objects.filter(object_id=str(report.public_id), action="status").count() >= 4


def test_a_reviewed_report_cannot_change(full_report, alice, bob):
    report_submit(actor=alice, report=full_report)
    report_review(actor=bob, report=full_report, approve=True)
    with pytest.raises(ApplicationError):
        report_save(actor=alice, report=full_report, content={"kesimpulan": "x"})


def test_only_the_section_head_reviews_and_only_the_head_acknowledges(
    full_report, alice, bob, dave, carol, pat
):
    report_submit(actor=alice, report=full_report)
    for wrong in (alice, dave, carol, pat):
        with pytest.raises(ApplicationError):
            report_review(actor=wrong, report=full_report, approve=True)
    with pytest.raises(ApplicationError):
        report_acknowledge(actor=dave, report=full_report)  # not reviewed yet
    report_review(actor=bob, report=full_report, approve=True)
    for wrong in (alice, bob, carol):
        with pytest.raises(ApplicationError):
            report_acknowledge(actor=wrong, report=full_report)
    report_acknowledge(actor=dave, report=full_report)


def test_the_author_can_never_review_their_own(make_request, bob, office):
    from bimkemas.accounts.models import Role
    from bimkemas.testing import make_user

    sam = make_user("sam", office, Role.SUPERVISOR)
    request = make_request()
    request.officer = bob  # a section head who writes a litmas himself
    request.status = RequestStatus.ASSIGNED
    request.save()
    report = report_start(actor=bob, request=request)
    report_save(actor=bob, report=report, content=filled_content(report), sources=FULL_SOURCES)
    report_submit(actor=bob, report=report)
    with pytest.raises(ApplicationError):
        report_review(actor=bob, report=report, approve=True)
    report_review(actor=sam, report=report, approve=True)


def test_returning_needs_a_note(full_report, alice, bob):
    report_submit(actor=alice, report=full_report)
    with pytest.raises(ApplicationError):
        report_review(actor=bob, report=full_report, approve=False, note=" ")
    assert full_report.versions.count() == 1


def test_a_supervisor_cancels_with_a_reason(litmas_request, bob, alice):
    with pytest.raises(ApplicationError):
        request_cancel(actor=bob, request=litmas_request, note="")
    request_cancel(actor=bob, request=litmas_request, note="Ditarik oleh Lapas")
    litmas_request.refresh_from_db()
    assert litmas_request.status == RequestStatus.CANCELLED
    with pytest.raises(ApplicationError):
        report_start(actor=alice, request=litmas_request)


def test_the_latest_assessments_are_prefilled(litmas_request, alice, case):
    from bimkemas.assessments.defaults import NEEDS_CODE, RISK_CODE, example_instrument
    from bimkemas.assessments.services import assessment_save

    for code in (RISK_CODE, NEEDS_CODE):
        instrument = example_instrument(code)
        assessment_save(
            actor=alice,
            case=case,
            instrument=instrument,
            answers={item["code"]: 0 for item in instrument.definition["items"]},
            assessed_on=today() - dt.timedelta(days=1),
        )
    report = report_start(actor=alice, request=litmas_request)
    text = report.current.content["hasil_asesmen"]
    assert text.startswith("Risiko (RRI):") and "Kebutuhan kriminogenik" in text
