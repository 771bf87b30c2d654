import datetime as dt

import pytest

from bimkemas.clients.models import CaseStatus, SupervisionCase
from bimkemas.core.dates import today
from bimkemas.core.demo_context import DemoContext
from bimkemas.termination.demo import generate
from bimkemas.termination.models import Termination

pytestmark = pytest.mark.django_db


def test_the_demo_records_completed_cases(bob, ended_case, case, office):
    SupervisionCase.objects.filter(pk=ended_case.pk).update(
        status=CaseStatus.COMPLETED, closed_on=today() - dt.timedelta(days=1)
    )
    generate(DemoContext(seed=1, day=today(), office_ids=[office.pk], log=lambda _: None))
    termination = Termination.objects.get()
    assert termination.case_id == ended_case.pk
    assert termination.certificate_number.startswith("001/SKB/")
    generate(DemoContext(seed=1, day=today(), office_ids=[office.pk], log=lambda _: None))
    assert Termination.objects.count() == 1


def test_remove_clears_the_office(bob, ended_case, office):
    from bimkemas.termination.demo import remove
    from bimkemas.termination.services import case_complete

    case_complete(actor=bob, case=ended_case, on=today())
    remove([office.pk])
    assert not Termination.objects.exists()
