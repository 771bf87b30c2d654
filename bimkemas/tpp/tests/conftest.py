import datetime as dt

import pytest

from bimkemas.core.dates import today
from bimkemas.guidance.models import Evaluation, EvaluationStatus
from bimkemas.tpp.services import session_schedule


@pytest.fixture
def lanjutan_case(make_case, alice):
    """alice's client whose dates put them in tahap lanjutan (started 120 days ago)."""
    start = today() - dt.timedelta(days=120)
    return make_case(officer=alice, case={"guidance_start": start})


@pytest.fixture
def session(bob, dave):
    """A session of Palembang today, chaired by dave, bob as secretary."""
    return session_schedule(
        actor=bob, held_on=today(), place="Aula Bapas Palembang", chair=dave, secretary=bob
    )


def approve_evaluation(case, stage: str = "awal"):
    """The PK's evaluation of the case's stage, approved by the section head."""
    return Evaluation.objects.create(
        case=case,
        stage=stage,
        period_start=case.guidance_start,
        period_end=case.lanjutan_from,
        status=EvaluationStatus.APPROVED,
        author=case.officer,
    )


@pytest.fixture
def evaluations_approved(lanjutan_case):
    """The lanjutan case's evaluation of tahap awal is approved."""
    return approve_evaluation(lanjutan_case)
