import datetime as dt

import pytest

from bimkemas.clients.models import SupervisionCase
from bimkemas.core.dates import today
from bimkemas.core.demo_context import DemoContext
from bimkemas.core.due import dues_for
from bimkemas.testing import make_user
from bimkemas.tpp.demo import generate
from bimkemas.tpp.models import AgendaItem, SessionStatus, StageTransition, TppSession
from bimkemas.tpp.selectors import confirmed_stages

pytestmark = pytest.mark.django_db


def test_the_demo_holds_sessions_and_confirms_most_stages(make_case, alice, bob, dave, office):
    cases = [
        make_case(
            officer=alice,
            identity={"full_name": f"Klien {n}"},
            case={"guidance_start": today() - dt.timedelta(days=100 + 5 * n)},
        )
        for n in range(40)
    ]
    make_user("kasi2", office, "supervisor")
    ctx = DemoContext(seed=3, day=today(), office_ids=[office.pk], log=lambda _: None)
    generate(ctx)
    sessions = TppSession.objects.filter(office=office)
    assert sessions.filter(status=SessionStatus.CLOSED).count() == 26
    upcoming = sessions.get(status=SessionStatus.PLANNED)
    assert upcoming.held_on > today()
    stages = confirmed_stages([c.pk for c in cases])
    confirmed = sum(stage != "awal" for stage in stages.values())
    assert 25 <= confirmed < 40
    assert StageTransition.objects.filter(agenda_item__isnull=False).count() >= confirmed
    waiting = dues_for(SupervisionCase.objects.all(), today(), ["tpp.stage_decision"])
    assert 40 - confirmed <= len(waiting) <= 12  # some wait for tahap akhir
    assert AgendaItem.objects.filter(session=upcoming, decision="").count() == len(waiting)
    # Every transition follows the beginning of the stage it confirms.
    for transition in StageTransition.objects.select_related("case"):
        began = {"lanjutan": transition.case.lanjutan_from, "akhir": transition.case.akhir_from}
        assert transition.effective_on >= began[transition.to_stage]


def test_remove_clears_the_office(make_case, alice, bob, dave, office):
    from bimkemas.tpp.demo import remove

    make_case(officer=alice, case={"guidance_start": today() - dt.timedelta(days=150)})
    generate(DemoContext(seed=3, day=today(), office_ids=[office.pk], log=lambda _: None))
    remove([office.pk])
    assert not TppSession.objects.exists()
    assert not AgendaItem.objects.exists() and not StageTransition.objects.exists()
