import pytest

from bimkemas.clients.stages import Stage
from bimkemas.core.errors import ApplicationError
from bimkemas.tpp.models import Decision, StageTransition
from bimkemas.tpp.selectors import confirmed_stage, confirmed_stages
from bimkemas.tpp.services import agenda_add, agenda_decide, stage_override

pytestmark = pytest.mark.django_db

REASON = "Evaluasi tertunda karena PK sakit, klien patuh"


def _transition_item(session, bob, case):
    return agenda_add(actor=bob, session=session, case=case, kind="stage_transition")


def test_a_case_starts_confirmed_in_awal(case, lanjutan_case):
    assert confirmed_stages([case.pk, lanjutan_case.pk]) == {
        case.pk: Stage.AWAL,
        lanjutan_case.pk: Stage.AWAL,
    }


def test_approval_with_an_approved_evaluation_confirms_the_next_stage(
    session, bob, lanjutan_case, evaluations_approved
):
    item = _transition_item(session, bob, lanjutan_case)
    agenda_decide(actor=bob, item=item, decision=Decision.APPROVED)
    transition = StageTransition.objects.get(case=lanjutan_case)
    assert (transition.from_stage, transition.to_stage) == (Stage.AWAL, Stage.LANJUTAN)
    assert transition.agenda_item == item and transition.effective_on == session.held_on
    assert transition.override_reason == ""
    assert confirmed_stage(lanjutan_case) == Stage.LANJUTAN


def test_approval_without_an_approved_evaluation_is_refused(session, bob, lanjutan_case):
    item = _transition_item(session, bob, lanjutan_case)
    with pytest.raises(ApplicationError, match="evaluation"):
        agenda_decide(actor=bob, item=item, decision=Decision.APPROVED)
    item.refresh_from_db()
    assert item.decision == ""
    assert not StageTransition.objects.exists()


def test_a_supervisor_overrides_with_a_reason(session, bob, lanjutan_case):
    item = _transition_item(session, bob, lanjutan_case)
    with pytest.raises(ApplicationError, match="at least"):
        agenda_decide(actor=bob, item=item, decision="approved", override_reason="karena")
    agenda_decide(actor=bob, item=item, decision="approved", override_reason=REASON)
    assert StageTransition.objects.get().override_reason == REASON


def test_rejecting_does_not_move_the_stage(session, bob, lanjutan_case):
    item = _transition_item(session, bob, lanjutan_case)
    agenda_decide(actor=bob, item=item, decision=Decision.REJECTED)
    assert confirmed_stage(lanjutan_case) == Stage.AWAL


def test_a_stale_item_is_refused(session, bob, lanjutan_case, evaluations_approved):
    item = _transition_item(session, bob, lanjutan_case)
    stage_override(actor=bob, case=lanjutan_case, to_stage=Stage.LANJUTAN, reason=REASON)
    with pytest.raises(ApplicationError, match="changed"):
        agenda_decide(actor=bob, item=item, decision=Decision.APPROVED)


def test_override_outside_a_session(bob, dave, lanjutan_case):
    stage_override(actor=dave, case=lanjutan_case, to_stage=Stage.LANJUTAN, reason=REASON)
    stage_override(actor=bob, case=lanjutan_case, to_stage=Stage.AKHIR, reason=REASON)
    assert confirmed_stage(lanjutan_case) == Stage.AKHIR
    assert list(lanjutan_case.stage_transitions.values_list("to_stage", flat=True)) == [
        "lanjutan",
        "akhir",
    ]


@pytest.mark.parametrize("persona", ["alice", "carol", "erin", "nina"])
def test_only_supervisors_of_the_office_override(request, persona, lanjutan_case):
    user = request.getfixturevalue(persona)
    with pytest.raises(ApplicationError):
        stage_override(actor=user, case=lanjutan_case, to_stage=Stage.LANJUTAN, reason=REASON)
    assert not StageTransition.objects.exists()


def test_override_needs_a_reason_and_a_later_stage(bob, lanjutan_case):
    with pytest.raises(ApplicationError, match="at least"):
        stage_override(actor=bob, case=lanjutan_case, to_stage=Stage.LANJUTAN, reason="  ")
    with pytest.raises(ApplicationError) as error:
        stage_override(actor=bob, case=lanjutan_case, to_stage=Stage.AWAL, reason=REASON)
    assert "to_stage" in error.value.errors
