import datetime as dt

import pytest
from django.http import Http404
from django.utils import timezone

from bimkemas.assessments.defaults import RISK_CODE, example_instrument
from bimkemas.assessments.services import assessment_save
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.guidance.access import get_evaluation_for_user
from bimkemas.guidance.models import AgreementMethod, EvaluationStatus, GuidanceStage
from bimkemas.guidance.selectors import approved_evaluation
from bimkemas.guidance.services.evaluations import (
    evaluation_approve,
    evaluation_create,
    evaluation_return,
    evaluation_revise,
    evaluation_submit,
    evaluation_update,
)
from bimkemas.guidance.services.plans import plan_agree, plan_propose
from bimkemas.guidance.services.sessions import AttendanceInput, session_record
from bimkemas.guidance.stages import span_of
from bimkemas.guidance.tests.conftest import write_evaluation
from bimkemas.reporting.services.checkins import checkin_record
from bimkemas.violations.models import Violation
from bimkemas.visits.models import HomeVisit

pytestmark = pytest.mark.django_db


def in_awal(case, days: int) -> dt.date:
    return case.guidance_start + dt.timedelta(days=days)


def test_prefill_gathers_the_stage_period_facts(lanjutan_case, alice):
    case = lanjutan_case
    span = span_of(case, GuidanceStage.AWAL)
    plan = plan_propose(actor=alice, case=case, stage=GuidanceStage.AWAL)
    plan_agree(actor=alice, plan=plan, agreed_on=in_awal(case, 3), method=AgreementMethod.PAPER)
    item = plan.items.first()
    session_record(
        actor=alice,
        held_on=in_awal(case, 10),
        kind="individual",
        method="casework",
        area="legal",
        title="Orientasi hak dan kewajiban",
        attendances=[AttendanceInput(case, plan_item=item)],
    )
    # Outside the stage: not in its evaluation.
    session_record(
        actor=alice,
        held_on=today(),
        kind="individual",
        method="casework",
        area="work",
        title="Sesi tahap lanjutan",
        attendances=[AttendanceInput(case)],
    )
    moment = timezone.make_aware(dt.datetime.combine(in_awal(case, 5), dt.time(10)))
    checkin_record(actor=alice, case=case, channel="in_person", occurred_at=moment)
    Violation.objects.create(
        case=case,
        kind="programme",
        source="complaint",
        occurred_on=in_awal(case, 20),
        summary="Tidak hadir pelatihan",
    )
    HomeVisit.objects.create(
        case=case,
        officer=alice,
        reason="other",
        status="done",
        visited_at=timezone.make_aware(dt.datetime.combine(in_awal(case, 30), dt.time(9))),
        findings="Klien tinggal bersama istri",
        recorded_by=alice,
    )
    assessment_save(
        actor=alice,
        case=case,
        instrument=example_instrument(RISK_CODE),
        answers={i["code"]: 0 for i in example_instrument(RISK_CODE).definition["items"]},
        assessed_on=in_awal(case, 15),
    )

    evaluation = evaluation_create(actor=alice, case=case, stage=GuidanceStage.AWAL)

    facts = evaluation.prefill
    assert (evaluation.period_start, evaluation.period_end) == (span.first_day, span.last_day)
    assert facts["period"] == {
        "start": span.first_day.isoformat(),
        "end": span.last_day.isoformat(),
    }
    assert [a["title"] for a in facts["activities"]] == ["Orientasi hak dan kewajiban"]
    done = {i["description"]: i["done"] for i in facts["plan"]["items"]}
    assert done[item.description] is True
    assert list(done.values()).count(True) == 1
    assert facts["reporting"]["counts"].get("reported", 0) >= 1
    assert facts["reporting"]["counts"].get("missed", 0) >= 1
    assert [v["summary"] for v in facts["violations"]] == ["Tidak hadir pelatihan"]
    assert [v["findings"] for v in facts["home_visits"]] == ["Klien tinggal bersama istri"]
    assert len(facts["assessments"]) == 1 and facts["assessments"][0]["band"]


def test_a_stage_that_has_not_begun_cannot_be_evaluated(case, alice):
    with pytest.raises(ApplicationError, match="not begun"):
        evaluation_create(actor=alice, case=case, stage=GuidanceStage.AKHIR)


def test_it_cannot_be_submitted_without_a_judgement(lanjutan_case, alice):
    evaluation = evaluation_create(actor=alice, case=lanjutan_case, stage=GuidanceStage.AWAL)
    with pytest.raises(ApplicationError, match="progress summary"):
        evaluation_submit(actor=alice, evaluation=evaluation)


def test_the_section_head_approves(submitted, bob):
    evaluation_approve(actor=bob, evaluation=submitted)

    submitted.refresh_from_db()
    assert submitted.status == EvaluationStatus.APPROVED
    assert submitted.approved_by == bob and submitted.approved_at
    assert approved_evaluation(submitted.case_id, GuidanceStage.AWAL) == submitted


def test_the_bapas_head_approves_too(submitted, dave):
    evaluation_approve(actor=dave, evaluation=submitted)
    assert approved_evaluation(submitted.case_id, GuidanceStage.AWAL) is not None


def test_the_author_cannot_approve_their_own(lanjutan_case, bob, dave):
    evaluation = write_evaluation(lanjutan_case, bob)  # a supervisor wrote it

    with pytest.raises(ApplicationError, match="author"):
        evaluation_approve(actor=bob, evaluation=evaluation)
    with pytest.raises(ApplicationError, match="author"):
        evaluation_return(actor=bob, evaluation=evaluation, note="x")

    evaluation_approve(actor=dave, evaluation=evaluation)


def test_a_pk_cannot_approve(submitted, alice, pat):
    for officer in (alice, pat):
        with pytest.raises(ApplicationError):
            evaluation_approve(actor=officer, evaluation=submitted)
    submitted.refresh_from_db()
    assert submitted.status == EvaluationStatus.SUBMITTED


def test_a_supervisor_of_another_office_gets_404(submitted, owen, erin):
    for outsider in (owen, erin):
        with pytest.raises(Http404):
            get_evaluation_for_user(outsider, submitted.public_id)
    with pytest.raises(ApplicationError):
        evaluation_approve(actor=owen, evaluation=submitted)


def test_returned_with_a_note_then_corrected_and_resubmitted(submitted, alice, bob):
    with pytest.raises(ApplicationError, match="what needs changing"):
        evaluation_return(actor=bob, evaluation=submitted, note=" ")

    evaluation_return(actor=bob, evaluation=submitted, note="Lengkapi data kunjungan rumah")
    submitted.refresh_from_db()
    assert submitted.status == EvaluationStatus.RETURNED
    assert submitted.return_note == "Lengkapi data kunjungan rumah"

    evaluation_update(actor=alice, evaluation=submitted, attitude="Sangat kooperatif")
    evaluation_submit(actor=alice, evaluation=submitted)
    evaluation_approve(actor=bob, evaluation=submitted)
    submitted.refresh_from_db()
    assert submitted.status == EvaluationStatus.APPROVED


def test_a_submitted_evaluation_cannot_be_edited(submitted, alice):
    with pytest.raises(ApplicationError):
        evaluation_update(actor=alice, evaluation=submitted, attitude="x")


def test_changing_an_approved_evaluation_makes_a_new_version(submitted, alice, bob, dave):
    evaluation_approve(actor=bob, evaluation=submitted)
    with pytest.raises(ApplicationError):
        evaluation_update(actor=alice, evaluation=submitted, attitude="x")

    draft = evaluation_revise(actor=alice, evaluation=submitted)
    assert draft.version == 2 and draft.status == EvaluationStatus.DRAFT
    assert draft.progress_summary == submitted.progress_summary
    assert approved_evaluation(submitted.case_id, GuidanceStage.AWAL) == submitted

    evaluation_update(actor=alice, evaluation=draft, progress_summary="Versi baru")
    evaluation_submit(actor=alice, evaluation=draft)
    evaluation_approve(actor=dave, evaluation=draft)

    submitted.refresh_from_db()
    assert submitted.status == EvaluationStatus.SUPERSEDED
    assert submitted.progress_summary == "Klien mengikuti bimbingan dengan baik."
    assert approved_evaluation(submitted.case_id, GuidanceStage.AWAL) == draft


def test_the_author_is_told_when_it_is_returned_or_approved(submitted, alice, bob):
    from bimkemas.notifications.models import Notification

    evaluation_return(actor=bob, evaluation=submitted, note="Lengkapi")
    evaluation_submit(actor=alice, evaluation=submitted)
    evaluation_approve(actor=bob, evaluation=submitted)

    subjects = list(Notification.objects.filter(recipient=alice).values_list("subject", flat=True))
    assert any("returned" in s for s in subjects) and any("approved" in s for s in subjects)
