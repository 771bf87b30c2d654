import pytest

from bimkemas.assessments.models import ReassessmentTrigger
from bimkemas.clients.stages import Stage
from bimkemas.core.errors import ApplicationError
from bimkemas.tpp.models import AgendaKind, Decision
from bimkemas.tpp.services import agenda_add, agenda_decide, stage_override

pytestmark = pytest.mark.django_db


def test_a_pk_proposes_own_cases_only(session, alice, pat, case):
    item = agenda_add(actor=alice, session=session, case=case, kind="stage_transition")
    assert (item.from_stage, item.to_stage) == (Stage.AWAL, Stage.LANJUTAN)
    assert item.presented_by == alice
    with pytest.raises(ApplicationError):
        agenda_add(actor=pat, session=session, case=case, kind="other")


def test_another_office_cannot_propose(session, erin, case):
    with pytest.raises(ApplicationError):
        agenda_add(actor=erin, session=session, case=case, kind="other")


def test_one_pending_stage_transition_per_case(session, bob, case):
    agenda_add(actor=bob, session=session, case=case, kind="stage_transition")
    with pytest.raises(ApplicationError, match="already waits"):
        agenda_add(actor=bob, session=session, case=case, kind="stage_transition")


def test_a_case_confirmed_in_akhir_has_no_next_stage(session, bob, case):
    stage_override(actor=bob, case=case, to_stage=Stage.AKHIR, reason="Putusan TPP luar biasa 2026")
    with pytest.raises(ApplicationError, match="final stage"):
        agenda_add(actor=bob, session=session, case=case, kind="stage_transition")


def test_revocation_and_requests_trigger_reassessment(session, bob, alice, case):
    agenda_add(actor=bob, session=session, case=case, kind=AgendaKind.REVOCATION)
    agenda_add(actor=alice, session=session, case=case, kind=AgendaKind.OTHER)
    agenda_add(actor=alice, session=session, case=case, kind=AgendaKind.STAGE_TRANSITION)
    triggers = ReassessmentTrigger.objects.filter(case=case).order_by("id")
    assert [t.reason for t in triggers] == ["tpp_request", "tpp_request"]
    assert "Revocation recommendation" in triggers[0].note


def test_only_supervisors_decide(session, alice, bob, case):
    item = agenda_add(actor=alice, session=session, case=case, kind="other")
    with pytest.raises(ApplicationError):
        agenda_decide(actor=alice, item=item, decision=Decision.APPROVED)
    agenda_decide(actor=bob, item=item, decision=Decision.APPROVED, note="Lanjut")
    item.refresh_from_db()
    assert (item.decision, item.decided_by, item.decision_note) == ("approved", bob, "Lanjut")


def test_an_approved_item_is_final(session, bob, case):
    item = agenda_add(actor=bob, session=session, case=case, kind="other")
    agenda_decide(actor=bob, item=item, decision=Decision.APPROVED)
    with pytest.raises(ApplicationError, match="final"):
        agenda_decide(actor=bob, item=item, decision=Decision.REJECTED)


def test_a_deferred_item_may_be_decided_again(session, bob, case):
    item = agenda_add(actor=bob, session=session, case=case, kind="other")
    agenda_decide(actor=bob, item=item, decision=Decision.DEFERRED)
    agenda_decide(actor=bob, item=item, decision=Decision.REJECTED)
    item.refresh_from_db()
    assert item.decision == Decision.REJECTED


def test_an_unknown_decision_is_refused(session, bob, case):
    item = agenda_add(actor=bob, session=session, case=case, kind="other")
    with pytest.raises(ApplicationError) as error:
        agenda_decide(actor=bob, item=item, decision="maybe")
    assert "decision" in error.value.errors
