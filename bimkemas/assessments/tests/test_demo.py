"""The demo's assessments: plausible bands, some overdue, some drafts, some triggers."""

import datetime as dt
import random
from collections import Counter

from bimkemas.assessments import demo
from bimkemas.assessments.defaults import RISK_DEFINITION
from bimkemas.assessments.due import KIND
from bimkemas.assessments.models import Assessment, Instrument
from bimkemas.assessments.scoring import score
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.dates import today
from bimkemas.core.demo_context import DemoContext
from bimkemas.core.due import dues_for


def test_the_drawn_risk_bands_are_mostly_low_and_medium(risk):
    rng = random.Random(1)
    bands = Counter(
        score(RISK_DEFINITION, demo._answers(risk, rng.betavariate(2, 4), rng)).band
        for _ in range(2000)
    )
    assert (bands["Rendah"] + bands["Sedang"]) / 2000 > 0.8
    assert bands["Rendah"] > bands["Sedang"] > bands["Tinggi"] > 0


def test_the_demo_runs_and_its_assessments_are_real(make_case, alice, risk, needs, monkeypatch):
    monkeypatch.setattr(demo, "TRIGGERED", 0.3)  # enough triggers among a few cases
    start = today() - dt.timedelta(days=500)
    for n in range(40):
        make_case(
            officer=alice,
            identity={
                "full_name": f"Klien Demo {n}",
                "birth_date": dt.date(1980, 1, 1) + dt.timedelta(days=n),
            },
            case={
                "guidance_start": start + dt.timedelta(days=10 * n),
                "guidance_end": today() + dt.timedelta(days=400),
            },
        )
    office_id = SupervisionCase.objects.first().office_id
    ctx = DemoContext(seed=7, day=today(), office_ids=[office_id], log=lambda _: None)
    demo.generate(ctx)
    rows = Assessment.objects.all()
    assert rows.filter(status="scored", kind="risk").count() >= 25
    assert rows.filter(status="scored", kind="needs").exists()
    for assessment in rows.filter(status="scored")[:10]:
        again = score(assessment.instrument.definition, assessment.answers)
        assert (again.total, again.band) == (assessment.score, assessment.band)
    dues = dues_for(SupervisionCase.objects.all(), today(), [KIND])
    assert any(d.is_overdue(today()) for per_case in dues.values() for d in per_case)
    assert Instrument.objects.published().count() == 2
    assert rows.filter(status="draft", score__isnull=True).exists()
    triggers = demo.ReassessmentTrigger.objects.all()
    assert triggers.exists()
    assert all(t.resolved_by_assessment_id is None for t in triggers)
