"""The demo's revocations on a small office: past ones in the seed's window (closed as
revoked, every step recorded), one waiting for the Bapas head; remove() clears them."""

import datetime as dt

import pytest

from bimkemas.clients.models import CaseStatus, SupervisionCase
from bimkemas.core.dates import today
from bimkemas.core.demo_context import DemoContext
from bimkemas.revocation.demo import generate, remove
from bimkemas.revocation.models import Revocation
from bimkemas.revocation.workflow import Status
from bimkemas.termination.models import Termination, TerminationKind

pytestmark = pytest.mark.django_db


def test_the_demo_revokes_past_cases_and_leaves_one_for_the_head(
    alice, bob, dave, make_case, office
):
    past = make_case(
        officer=alice,
        identity={"full_name": "Hendra Gunawan", "nik": None},
        case={"guidance_start": dt.date(2020, 5, 4), "guidance_end": dt.date(2021, 8, 20)},
    )
    SupervisionCase.objects.filter(pk=past.pk).update(
        status=CaseStatus.COMPLETED, closed_on=dt.date(2021, 8, 20)
    )
    Termination.objects.create(case=past, kind=TerminationKind.COMPLETED, on=past.guidance_end,
                               by=bob, certificate_number="001/SKB/VIII/2021/PLG")  # fmt: skip
    current = make_case(
        officer=alice,
        identity={"full_name": "Yusuf Maulana", "nik": None},
        case={"guidance_start": today() - dt.timedelta(days=120)},
    )
    generate(DemoContext(seed=1, day=today(), office_ids=[office.pk], log=lambda _: None))

    old = Revocation.objects.get(case=past)
    assert old.status == Status.REVOKED and old.requested_on.year == 2021
    assert len(old.steps.all()) == 7
    past.refresh_from_db()
    assert past.status == CaseStatus.REVOKED
    assert Termination.objects.get(case=past).kind == TerminationKind.REVOKED
    waiting = Revocation.objects.get(case=current)
    assert waiting.status == Status.RECOMMENDED
    remove([office.pk])
    assert not Revocation.objects.exists()
