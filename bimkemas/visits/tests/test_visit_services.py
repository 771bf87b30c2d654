import datetime as dt

import pytest
from django.utils import timezone

from bimkemas.audit.models import AuditEvent
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.reporting.models import Channel, CheckIn, OfficeReportingSettings
from bimkemas.testing import pdf_upload, png_upload
from bimkemas.visits.models import HomeVisit, VisitStatus
from bimkemas.visits.services import IdempotencyKeyReused, visit_cancel, visit_plan
from bimkemas.visits.tests.conftest import record

pytestmark = pytest.mark.django_db


def test_it_plans_a_visit_for_the_cases_officer(case, bob):
    visit = visit_plan(
        actor=bob, case=case, planned_on=today() + dt.timedelta(days=2), reason="three_misses"
    )
    assert visit.status == VisitStatus.PLANNED
    assert visit.officer == case.officer
    assert AuditEvent.objects.filter(actor=bob, summary__contains="planned").exists()


def test_it_refuses_a_plan_in_the_past_or_after_the_guidance(case, alice):
    with pytest.raises(ApplicationError) as error:
        visit_plan(
            actor=alice, case=case, planned_on=today() - dt.timedelta(days=1), reason="routine"
        )
    assert "planned_on" in error.value.errors
    with pytest.raises(ApplicationError):
        visit_plan(
            actor=alice,
            case=case,
            planned_on=case.guidance_end + dt.timedelta(days=1),
            reason="routine",
        )
    with pytest.raises(ApplicationError) as error:
        visit_plan(actor=alice, case=case, planned_on=today(), reason="picnic")
    assert "reason" in error.value.errors
    assert not HomeVisit.objects.exists()


def test_it_plans_one_visit_at_a_time(case, alice, planned):
    with pytest.raises(ApplicationError):
        visit_plan(actor=alice, case=case, planned_on=today(), reason="routine")
    visit_cancel(actor=alice, visit=planned, reason="Hujan deras")
    again = visit_plan(actor=alice, case=case, planned_on=today(), reason="routine")
    assert again.pk != planned.pk


def test_it_records_a_planned_visit_and_the_contact_in_wajib_lapor(case, alice, planned):
    visit = record(alice, case, visit=planned, photos=[png_upload()])
    visit.refresh_from_db()
    assert visit.pk == planned.pk
    assert visit.status == VisitStatus.DONE
    assert visit.persons_met[1] == {"kind": "family", "name": "Siti"}
    assert visit.photos.count() == 1 and visit.photos.get().content_type == "image/png"
    checkin = CheckIn.objects.get()
    assert visit.checkin == checkin
    assert checkin.channel == Channel.HOME_VISIT
    assert checkin.note == visit.findings
    # The office's setting decides whether a home visit counts as reporting (default: not).
    assert checkin.counts is False


def test_the_contact_counts_where_the_office_says_so(case, alice, office):
    OfficeReportingSettings.objects.create(office=office, home_visit_counts=True)
    visit = record(alice, case)
    assert visit.checkin.counts is True
    assert visit.planned_on is None  # an unplanned visit


def test_a_client_not_at_home_is_no_contact(case, alice, planned):
    visit = record(alice, case, visit=planned, outcome="not_found", findings="")
    assert visit.status == VisitStatus.NOT_FOUND
    assert visit.checkin is None
    assert not CheckIn.objects.exists()


def test_the_same_key_and_content_is_the_same_visit(case, alice):
    first = record(alice, case, key="abc", photos=[png_upload()])
    again = record(alice, case, key="abc", photos=[png_upload()])
    assert again.pk == first.pk and again.replayed
    assert HomeVisit.objects.count() == 1 and CheckIn.objects.count() == 1


def test_a_replay_of_a_planned_visit_is_the_same_visit(case, alice, planned):
    first = record(alice, case, key="abc", visit=planned)
    again = record(alice, case, key="abc", visit=planned)
    assert again.pk == first.pk and again.replayed


def test_the_same_key_with_other_content_is_refused(case, alice):
    record(alice, case, key="abc")
    with pytest.raises(IdempotencyKeyReused):
        record(alice, case, key="abc", findings="Sesuatu yang lain")
    assert HomeVisit.objects.count() == 1


def test_it_refuses_bad_input_and_stores_nothing(case, alice, planned):
    future = timezone.now() + dt.timedelta(hours=1)
    bad = [
        {"visited_at": future},
        {"persons_met": [{"kind": "alien", "name": "X"}]},
        {"photos": [png_upload(), png_upload(), png_upload(), png_upload()]},
        {"photos": [pdf_upload()]},
        {"latitude": "abc", "longitude": "1"},
        {"latitude": "95", "longitude": "1"},
        {"findings": ""},
        {"outcome": "maybe"},
        {"key": ""},
    ]
    for extra in bad:
        key = extra.pop("key", "k")
        with pytest.raises(ApplicationError):
            record(alice, case, key=key, visit=planned, **extra)
    planned.refresh_from_db()
    assert planned.status == VisitStatus.PLANNED
    assert not CheckIn.objects.exists()


def test_a_recorded_visit_cannot_be_recorded_again_with_another_key(case, alice, planned):
    record(alice, case, key="one", visit=planned)
    with pytest.raises(ApplicationError):
        record(alice, case, key="two", visit=planned)


def test_only_a_planned_visit_can_be_cancelled(case, alice, planned):
    visit = visit_cancel(actor=alice, visit=planned, reason="Klien pindah sementara")
    assert visit.status == VisitStatus.CANCELLED
    with pytest.raises(ApplicationError):
        visit_cancel(actor=alice, visit=visit)


def test_it_refuses_a_closed_case(case, alice, bob, planned):
    from bimkemas.clients.models import SupervisionCase

    SupervisionCase.objects.filter(pk=case.pk).update(status="completed")
    with pytest.raises(ApplicationError):
        record(alice, case, visit=planned)
    with pytest.raises(ApplicationError):
        visit_plan(actor=bob, case=case, planned_on=today(), reason="routine")
