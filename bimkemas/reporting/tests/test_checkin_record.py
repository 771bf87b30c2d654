"""Staff record a contact: validation, what counts, concerns, audit."""

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from bimkemas.audit.models import AuditEvent
from bimkemas.clients.services import case_close
from bimkemas.core.errors import ApplicationError
from bimkemas.reporting.models import CheckIn, OfficeReportingSettings, ReviewStatus
from bimkemas.reporting.services.checkins import checkin_record
from bimkemas.testing import pdf_upload, png_upload


def record(actor, case, **overrides):
    data: dict[str, Any] = {"channel": "in_person", "occurred_at": timezone.now()}
    data.update(overrides)
    return checkin_record(actor=actor, case=case, **data)


def test_it_records_a_front_desk_visit(carol, case):
    checkin = record(carol, case, answers={"condition": "Sehat", "activity": "Buruh bangunan"})
    assert checkin.recorded_by == carol
    assert checkin.counts is True
    assert checkin.review_status == ReviewStatus.NOT_NEEDED
    assert checkin.answers == {"condition": "Sehat", "activity": "Buruh bangunan"}
    event = AuditEvent.objects.get(object_id=str(checkin.public_id))
    assert event.action == "create"
    assert event.client_pk == case.client.pk


def test_it_refuses_a_time_in_the_future(alice, case):
    with pytest.raises(ApplicationError) as error:
        record(alice, case, occurred_at=timezone.now() + dt.timedelta(hours=1))
    assert "occurred_at" in error.value.errors
    assert not CheckIn.objects.exists()


def test_it_refuses_a_time_before_the_guidance_started(alice, case):
    before = timezone.now() - dt.timedelta(days=60)
    with pytest.raises(ApplicationError):
        record(alice, case, occurred_at=before)


def test_it_refuses_a_case_not_under_guidance_today(alice, make_case):
    later = make_case(
        officer=alice,
        identity={"full_name": "Rudi Hartono"},
        case={
            "guidance_start": timezone.localdate() + dt.timedelta(days=3),
            "received_on": timezone.localdate(),
            "sk_date": timezone.localdate(),
        },
    )
    with pytest.raises(ApplicationError) as error:
        record(alice, later, occurred_at=timezone.now())
    assert "case" in error.value.errors


def test_it_refuses_a_closed_case(alice, bob, case):
    case_close(actor=bob, case=case, status="completed", closed_on=timezone.localdate())
    with pytest.raises(ApplicationError):
        record(alice, case)
    assert not CheckIn.objects.exists()


def test_it_needs_the_name_of_a_proxy_reporter(alice, case):
    with pytest.raises(ApplicationError) as error:
        record(alice, case, channel="phone", reporter="family")
    assert "reporter_name" in error.value.errors
    checkin = record(alice, case, channel="phone", reporter="rt_head", reporter_name="Pak Darmo")
    assert checkin.reporter_name == "Pak Darmo"


def test_it_refuses_unknown_questions_and_needs(alice, case):
    with pytest.raises(ApplicationError):
        record(alice, case, answers={"salary": "10 juta"})
    with pytest.raises(ApplicationError):
        record(alice, case, needs=["holiday"])
    with pytest.raises(ApplicationError):
        record(alice, case, answers={"plans": "x" * 501})


def test_it_refuses_the_app_channel_for_staff(alice, case):
    with pytest.raises(ApplicationError):
        record(alice, case, channel="app")


def test_it_keeps_a_screenshot_and_refuses_what_is_not_an_image_or_pdf(alice, case):
    checkin = record(alice, case, channel="chat", evidence=png_upload())
    assert checkin.evidence.name.endswith(".png")
    assert record(alice, case, channel="chat", evidence=pdf_upload()).evidence
    fake = SimpleUploadedFile("foto.png", b"MZ\x90\x00 not an image", content_type="image/png")
    with pytest.raises(ApplicationError) as error:
        record(alice, case, channel="chat", evidence=fake)
    assert "evidence" in error.value.errors
    assert CheckIn.objects.count() == 2


def test_it_refuses_an_oversized_file(alice, case, settings):
    settings.MAX_UPLOAD_BYTES = 10
    with pytest.raises(ApplicationError):
        record(alice, case, channel="chat", evidence=png_upload())
    assert not CheckIn.objects.exists()


def test_home_visits_and_tpp_count_only_where_the_office_says_so(alice, case):
    assert record(alice, case, channel="home_visit").counts is False
    assert record(alice, case, channel="tpp").counts is False
    OfficeReportingSettings.objects.create(office=case.office, home_visit_counts=True)
    assert record(alice, case, channel="home_visit").counts is True
    assert record(alice, case, channel="tpp").counts is False
    assert record(alice, case, channel="video").counts is True


def test_a_wish_for_a_call_back_goes_to_review(carol, case):
    checkin = record(carol, case, wants_call_back=True, answers={"condition": "struggling"})
    assert checkin.review_status == ReviewStatus.PENDING
    assert checkin.concerns == ["call_back", "struggling"]
