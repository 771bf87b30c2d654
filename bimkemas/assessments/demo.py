"""Demo assessments (see core/demo_context.py), with the shipped example instruments.

1. Each open, assigned case whose guidance began at least a week ago draws a latent risk r
   (Beta(2, 4): mostly low): each item's option is Binomial(options − 1, r), so the risk bands
   come out mostly Rendah and Sedang, some Tinggi, rarely Sangat Tinggi; each need domain
   varies around r.
2. Most cases (about 85%) have a scored risk and a scored needs assessment some days after
   guidance began; of those under guidance for more than a year, about two in three were
   reassessed a year later and the rest are overdue. About 7% were never assessed (the first
   assessment is due or overdue), about 5% have only a draft with answers missing, and about 4%
   of the assessed have an open reassessment trigger (a TPP request or other new information).
Bulk inserts only; every draw from `ctx.rng`.
"""

import datetime as dt
import random
import uuid

from django.utils import timezone

from bimkemas.assessments.defaults import NEEDS_CODE, RISK_CODE
from bimkemas.assessments.due import add_months
from bimkemas.assessments.models import (
    Assessment,
    AssessmentReason,
    AssessmentStatus,
    Instrument,
    ReassessmentTrigger,
    TriggerReason,
)
from bimkemas.assessments.scoring import score
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.demo_context import DemoContext

BATCH = 2000
NEVER, DRAFT_ONLY, TRIGGERED, REASSESSED = 0.07, 0.05, 0.04, 0.66
SOURCES = (
    "Wawancara klien, kunjungan rumah",
    "Wawancara klien dan penjamin, Litmas terdahulu",
    "Wawancara, LPP dari Lapas, keterangan RT",
    "Video call dengan klien dan keluarga",
)


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _answers(instrument: Instrument, risk: float, rng: random.Random) -> dict[str, int]:
    answers = {}
    domain_of = {
        code: domain["code"]
        for domain in instrument.definition.get("domains", [])
        for code in domain["items"]
    }
    shift = {d: rng.gauss(0, 0.15) for d in set(domain_of.values())}
    for item in instrument.items:
        p = min(max(risk + shift.get(domain_of.get(item["code"], ""), 0.0), 0.02), 0.98)
        answers[item["code"]] = sum(rng.random() < p for _ in range(len(item["options"]) - 1))
    return answers


def _assessment(
    instrument: Instrument,
    case: dict,
    *,
    on: dt.date,
    risk: float,
    reason: str,
    rng: random.Random,
    missing: int = 0,
) -> Assessment:
    answers = _answers(instrument, risk, rng)
    for code in rng.sample(sorted(answers), missing):
        del answers[code]
    result = score(instrument.definition, answers)
    scored = result.complete
    return Assessment(
        public_id=_uuid(rng),
        client_id=case["client_id"],
        case_id=case["pk"],
        instrument=instrument,
        kind=instrument.kind,
        assessor_id=case["officer_id"],
        assessed_on=on,
        answers=answers,
        status=AssessmentStatus.SCORED if scored else AssessmentStatus.DRAFT,
        score=result.total,
        band=result.band,
        need_levels=result.needs,
        reason=reason,
        sources=rng.choice(SOURCES),
        scored_at=timezone.now() if scored else None,
    )


def _for_case(case: dict, day: dt.date, risk_i, needs_i, rng: random.Random) -> list[Assessment]:
    risk = rng.betavariate(2, 4)
    draw = rng.random()
    if draw < NEVER:
        return []
    first_on = min(case["guidance_start"] + dt.timedelta(days=rng.randint(5, 40)), day)
    if draw < NEVER + DRAFT_ONLY:
        return [
            _assessment(
                risk_i,
                case,
                on=first_on,
                risk=risk,
                reason=AssessmentReason.INITIAL,
                rng=rng,
                missing=rng.randint(1, 3),
            )
        ]
    rows = [
        _assessment(risk_i, case, on=first_on, risk=risk, reason="initial", rng=rng),
        _assessment(needs_i, case, on=first_on, risk=risk, reason="initial", rng=rng),
    ]
    yearly_on = add_months(first_on, 12) + dt.timedelta(days=rng.randint(-20, 10))
    if yearly_on <= day and rng.random() < REASSESSED:
        later = min(max(risk + rng.gauss(-0.05, 0.08), 0.02), 0.98)  # guidance helps a little
        for instrument in (risk_i, needs_i):
            rows.append(
                _assessment(instrument, case, on=yearly_on, risk=later, reason="yearly", rng=rng)
            )
    return rows


def _triggers(cases: list[dict], rng: random.Random) -> None:
    rows = [
        ReassessmentTrigger(
            public_id=_uuid(rng),
            case_id=case["pk"],
            reason=rng.choice([TriggerReason.TPP_REQUEST, TriggerReason.OTHER]),
            note=rng.choice(
                [
                    "Permintaan sidang TPP untuk asesmen ulang",
                    "Klien pindah alamat dan berganti pekerjaan",
                    "Informasi keluarga: klien kembali bergaul dengan teman lama",
                ]
            ),
            created_by_id=case["officer_id"],
        )
        for case in cases
    ]
    ReassessmentTrigger.objects.bulk_create(rows, batch_size=BATCH)
    now = timezone.now()
    for row in rows:  # a few rows: raised 1–30 days ago, so some are overdue
        ReassessmentTrigger.objects.filter(pk=row.pk).update(
            created_at=now - dt.timedelta(days=rng.randint(1, 30))
        )


def generate(ctx: DemoContext) -> None:
    rng = ctx.rng("assessments")
    instruments = {i.code: i for i in Instrument.objects.published()}
    risk_i, needs_i = instruments.get(RISK_CODE), instruments.get(NEEDS_CODE)
    if risk_i is None or needs_i is None:
        ctx.log("assessments: the example instruments are not published; skipped")
        return
    cases = list(
        SupervisionCase.objects.open()
        .filter(
            office_id__in=ctx.office_ids,
            officer__isnull=False,
            guidance_start__lte=ctx.day - dt.timedelta(days=7),
            guidance_end__gte=ctx.day,
        )
        .order_by("pk")
        .values("pk", "client_id", "officer_id", "guidance_start")
    )
    rows: list[Assessment] = []
    triggered: list[dict] = []
    for case in cases:
        made = _for_case(case, ctx.day, risk_i, needs_i, rng)
        rows += made
        if any(a.status == AssessmentStatus.SCORED for a in made) and rng.random() < TRIGGERED:
            triggered.append(case)
    Assessment.objects.bulk_create(rows, batch_size=BATCH)
    _triggers(triggered, rng)
    ctx.log(
        f"assessments: {len(rows)} for {len(cases)} cases, {len(triggered)} reassessment triggers"
    )
