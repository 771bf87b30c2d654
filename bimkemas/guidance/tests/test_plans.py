import datetime as dt

import pytest

from bimkemas.assessments.defaults import NEEDS_CODE, example_instrument
from bimkemas.assessments.selectors import current_needs
from bimkemas.assessments.services import assessment_save
from bimkemas.audit.models import AuditEvent
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.guidance.models import (
    AgreementMethod,
    GuidanceStage,
    PlanItem,
    PlanStatus,
    StagePlan,
)
from bimkemas.guidance.proposal import STANDARD_ITEMS, per_month_of
from bimkemas.guidance.selectors import current_plan
from bimkemas.guidance.services.plans import plan_agree, plan_propose, plan_revise, plan_update

pytestmark = pytest.mark.django_db


def item(**overrides) -> dict:
    return {
        "kind": "kemandirian",
        "area": "work",
        "description": "Pelatihan las di BLK",
        "method": "groupwork",
        "frequency": "2 kali sebulan",
        "responsible": "Pokmas Lipas Sriwijaya",
        **overrides,
    }


def assess_high_needs(case, actor):
    instrument = example_instrument(NEEDS_CODE)
    answers = {i["code"]: len(i["options"]) - 1 for i in instrument.definition["items"]}
    return assessment_save(
        actor=actor,
        case=case,
        instrument=instrument,
        answers=answers,
        assessed_on=today() - dt.timedelta(days=1),
    )


def test_it_proposes_items_from_the_needs_highest_first_then_the_standard_ones(case, alice):
    assess_high_needs(case, alice)
    needs = [n for n in current_needs(case.client) if n.level != "rendah"]
    assert needs

    plan = plan_propose(actor=alice, case=case, stage=GuidanceStage.AWAL)

    items = list(plan.items.all())
    assert plan.status == PlanStatus.DRAFT and plan.version == 1
    assert items[0].need_codes[0] == needs[0].code
    linked = {code for i in items for code in i.need_codes}
    assert linked == {n.code for n in needs}
    standard = [i.description for i in items if i.standard]
    assert standard == [s["description"] for s in STANDARD_ITEMS[GuidanceStage.AWAL]]
    assert all(i.responsible == str(alice) for i in items)


def test_without_an_assessment_it_proposes_the_stage_standard_items(case, alice):
    plan = plan_propose(actor=alice, case=case, stage=GuidanceStage.AKHIR)

    descriptions = list(plan.items.values_list("description", flat=True))
    assert any("Kunjungan rumah akhir" in d for d in descriptions)


def test_it_refuses_a_second_plan_for_the_stage(case, alice):
    plan_propose(actor=alice, case=case, stage=GuidanceStage.AWAL)

    with pytest.raises(ApplicationError, match="already has a plan"):
        plan_propose(actor=alice, case=case, stage=GuidanceStage.AWAL)


def test_another_officer_cannot_propose(case, pat):
    with pytest.raises(ApplicationError):
        plan_propose(actor=pat, case=case, stage=GuidanceStage.AWAL)
    assert not StagePlan.objects.exists()


def test_it_edits_a_draft_and_counts_sessions_per_month(case, alice):
    plan = plan_propose(actor=alice, case=case, stage=GuidanceStage.AWAL)

    plan_update(actor=alice, plan=plan, items=[item(), item(frequency="1 kali seminggu")])

    items = list(plan.items.all())
    assert [i.per_month for i in items] == [2, 4]
    assert items[0].responsible == "Pokmas Lipas Sriwijaya"
    assert AuditEvent.objects.filter(object_id=str(plan.public_id), action="update").exists()


def test_bad_items_are_named_and_nothing_changes(case, alice):
    plan = plan_propose(actor=alice, case=case, stage=GuidanceStage.AWAL)
    before = list(plan.items.values_list("description", flat=True))

    with pytest.raises(ApplicationError) as error:
        plan_update(actor=alice, plan=plan, items=[item(), item(area="astrology", description="")])

    assert "items.2" in error.value.errors
    assert list(plan.items.values_list("description", flat=True)) == before


def test_agreement_records_when_and_how(case, alice):
    plan = plan_propose(actor=alice, case=case, stage=GuidanceStage.AWAL)

    plan_agree(actor=alice, plan=plan, agreed_on=today(), method=AgreementMethod.VERBAL)

    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED
    assert plan.client_agreed_on == today()
    assert plan.agreement_method == AgreementMethod.VERBAL
    assert current_plan(case.pk, GuidanceStage.AWAL) == plan


def test_agreement_in_the_future_is_refused(case, alice):
    plan = plan_propose(actor=alice, case=case, stage=GuidanceStage.AWAL)

    with pytest.raises(ApplicationError) as error:
        plan_agree(
            actor=alice,
            plan=plan,
            agreed_on=today() + dt.timedelta(days=1),
            method=AgreementMethod.PAPER,
        )
    assert "agreed_on" in error.value.errors


def test_an_agreed_plan_is_never_edited(agreed_plan, alice):
    with pytest.raises(ApplicationError, match="Only a draft"):
        plan_update(actor=alice, plan=agreed_plan, items=[item()])


def test_revising_an_agreed_plan_makes_a_new_version_and_keeps_the_old(agreed_plan, alice):
    old_items = list(agreed_plan.items.values_list("description", flat=True))

    draft = plan_revise(actor=alice, plan=agreed_plan)
    assert draft.version == 2 and draft.status == PlanStatus.DRAFT
    # Until the client agrees to the new version, the old one stays in force.
    assert current_plan(agreed_plan.case_id, GuidanceStage.AWAL) == agreed_plan

    plan_update(actor=alice, plan=draft, items=[item()])
    plan_agree(actor=alice, plan=draft, agreed_on=today(), method=AgreementMethod.APP)

    agreed_plan.refresh_from_db()
    assert agreed_plan.status == PlanStatus.SUPERSEDED
    assert list(agreed_plan.items.values_list("description", flat=True)) == old_items
    assert current_plan(agreed_plan.case_id, GuidanceStage.AWAL).version == 2
    assert PlanItem.objects.filter(plan__case=agreed_plan.case).count() == len(old_items) + 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1 kali seminggu", 4), ("2 kali sebulan", 2), ("2x seminggu", 8), ("sesuai kebutuhan", 1)],
)
def test_frequency_text_gives_sessions_per_month(text, expected):
    assert per_month_of(text) == expected


def test_a_supervisor_approves_an_agreed_plan_but_not_a_pk_or_the_author(agreed_plan, bob, pat):
    from bimkemas.guidance.services.plans import plan_approve

    with pytest.raises(ApplicationError):
        plan_approve(actor=pat, plan=agreed_plan)
    plan_approve(actor=bob, plan=agreed_plan)
    agreed_plan.refresh_from_db()
    assert agreed_plan.approved_by == bob and agreed_plan.approved_at

    with pytest.raises(ApplicationError, match="approved already"):
        plan_approve(actor=bob, plan=agreed_plan)


def test_the_author_cannot_approve_their_own_plan(case, bob):
    from bimkemas.guidance.services.plans import plan_approve

    plan = plan_propose(actor=bob, case=case, stage=GuidanceStage.AWAL)
    plan_agree(actor=bob, plan=plan, agreed_on=today(), method=AgreementMethod.PAPER)
    with pytest.raises(ApplicationError, match="author"):
        plan_approve(actor=bob, plan=plan)
