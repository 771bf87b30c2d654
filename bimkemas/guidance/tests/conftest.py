"""Guidance fixtures: cases at a chosen stage, an agreed plan, a submitted evaluation."""

import datetime as dt

import pytest

from bimkemas.core.dates import today
from bimkemas.guidance.models import AgreementMethod, GuidanceStage
from bimkemas.guidance.services.evaluations import (
    evaluation_create,
    evaluation_submit,
    evaluation_update,
)
from bimkemas.guidance.services.plans import plan_agree, plan_propose


def days_ago(n: int) -> dt.date:
    return today() - dt.timedelta(days=n)


@pytest.fixture
def lanjutan_case(make_case, alice):
    """alice's client, a year's period begun 120 days ago: tahap awal ended (day 92)."""
    return make_case(
        officer=alice,
        identity={"full_name": "Rahmat Hidayat", "birth_date": dt.date(1985, 3, 2)},
        case={"guidance_start": days_ago(120)},
    )


@pytest.fixture
def agreed_plan(case, alice):
    plan = plan_propose(actor=alice, case=case, stage=GuidanceStage.AWAL)
    return plan_agree(
        actor=alice, plan=plan, agreed_on=today(), method=AgreementMethod.PAPER, note=""
    )


def write_evaluation(case, actor, stage=GuidanceStage.AWAL, *, submit=True):
    evaluation = evaluation_create(actor=actor, case=case, stage=stage)
    evaluation = evaluation_update(
        actor=actor,
        evaluation=evaluation,
        progress_summary="Klien mengikuti bimbingan dengan baik.",
        attitude="Kooperatif",
        compliance_judgement="Patuh wajib lapor",
        recommendation="continue",
    )
    return evaluation_submit(actor=actor, evaluation=evaluation) if submit else evaluation


@pytest.fixture
def submitted(lanjutan_case, alice):
    return write_evaluation(lanjutan_case, alice)
