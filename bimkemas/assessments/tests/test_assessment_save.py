"""assessment_save / assessment_update: drafts are never scored, scored ones never change."""

import datetime as dt

import pytest

from bimkemas.assessments.models import Assessment, AssessmentStatus
from bimkemas.assessments.services import assessment_update, instrument_new_version
from bimkemas.assessments.tests.conftest import answers_for, highest
from bimkemas.audit.models import AuditEvent
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError


def test_it_scores_a_complete_risk_assessment(case, risk, assess):
    assessment = assess(case, risk, answers_for(risk, highest))
    assert assessment.status == AssessmentStatus.SCORED
    assert (assessment.score, assessment.band) == (17, "Sangat Tinggi")
    assert assessment.client == case.client and assessment.kind == "risk"
    event = AuditEvent.objects.get(object_id=str(assessment.public_id))
    assert event.client_pk == case.client_id and "17" in event.summary


def test_it_records_needs_levels(case, needs, assess):
    assessment = assess(case, needs, answers_for(needs, highest))
    assert assessment.band == "Tinggi"
    assert assessment.need_levels["keuangan"] == {"score": 9, "level": "tinggi"}


def test_a_missing_answer_saves_a_draft_without_score(case, risk, assess):
    answers = answers_for(risk)
    del answers["A7"]
    assessment = assess(case, risk, answers)
    assert assessment.status == AssessmentStatus.DRAFT
    assert (assessment.score, assessment.band, assessment.need_levels) == (None, "", {})
    assert assessment.answers == {code: 0 for code in answers}


def test_save_as_draft_keeps_a_complete_set_unscored(case, risk, assess):
    assessment = assess(case, risk, finish=False)
    assert assessment.is_draft and assessment.score is None


def test_a_draft_is_completed_later(case, risk, assess, alice):
    answers = answers_for(risk)
    del answers["A1"]
    draft = assess(case, risk, answers)
    done = assessment_update(
        actor=alice,
        assessment=draft,
        answers={**answers, "A1": 2},
        assessed_on=today(),
        reason="initial",
    )
    assert done.pk == draft.pk
    assert (done.status, done.score) == (AssessmentStatus.SCORED, 2)


def test_a_scored_assessment_is_never_overwritten(case, risk, assess, alice):
    scored = assess(case, risk)
    with pytest.raises(ApplicationError, match="cannot be changed"):
        assessment_update(
            actor=alice,
            assessment=scored,
            answers=answers_for(risk, highest),
            assessed_on=today(),
            reason="initial",
        )
    scored.refresh_from_db()
    assert scored.score == 0


def test_it_refuses_bad_answers_and_changes_nothing(case, risk, assess):
    with pytest.raises(ApplicationError) as refused:
        assess(case, risk, {"A1": 9})
    assert "answers.A1" in refused.value.errors
    assert not Assessment.objects.exists()


def test_it_refuses_a_future_date_an_unknown_reason_and_a_closed_case(case, risk, assess, bob):
    with pytest.raises(ApplicationError) as refused:
        assess(case, risk, assessed_on=today() + dt.timedelta(days=1), reason="whim")
    assert set(refused.value.errors) == {"assessed_on", "reason"}
    case.status = "completed"
    with pytest.raises(ApplicationError, match="closed"):
        assess(case, risk)


def test_it_refuses_a_draft_instrument_version(case, risk, assess, bob):
    draft = instrument_new_version(actor=bob, instrument=risk)
    with pytest.raises(ApplicationError, match="published"):
        assess(case, draft)


def test_it_refuses_a_date_long_before_the_case(case, risk, assess):
    with pytest.raises(ApplicationError) as refused:
        assess(case, risk, assessed_on=case.sk_date - dt.timedelta(days=366))
    assert "before the SK" in refused.value.errors["assessed_on"][0]
    assert assess(case, risk, assessed_on=case.sk_date - dt.timedelta(days=365)).score == 0
