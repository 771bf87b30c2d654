"""Demo assessments (see core/demo_context.py), with the shipped example instruments.

1. Each open, assigned case whose guidance began at least a week ago draws a latent risk r
   (Beta(2, 4): mostly low): each item's option is Binomial(options − 1, r), so the risk bands
   come out mostly Rendah and Sedang, some Tinggi, rarely Sangat Tinggi; each need domain
   varies around r.
2. Most cases (about 85%) have a scored risk and a scored needs assessment some days after
   guidance began, and each year after it was reassessed with a chance of 88% (the others
   are overdue since that year). About 5% were never assessed (the first assessment is due
   or overdue), about 4% have only a draft with answers missing, and about 4%
   of the assessed have an open reassessment trigger (a TPP request or other new information).
Bulk inserts only; every draw from `ctx.rng`.
"""

import datetime as dt
import random
import uuid
from typing import Any

from django.db import connection, models
from django.utils import timezone

from bimkemas.assessments.defaults import NEEDS_CODE, RISK_CODE, example_instrument
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
NEVER, DRAFT_ONLY, TRIGGERED, REASSESSED = 0.05, 0.04, 0.04, 0.88
SOURCES = (
    "Wawancara klien, kunjungan rumah",
    "Wawancara klien dan penjamin, Litmas terdahulu",
    "Wawancara, LPP dari Lapas, keterangan RT",
    "Video call dengan klien dan keluarga",
)


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _shape(instrument: Instrument) -> tuple[tuple[str, int, str], ...]:
    """Each item's code, number of options and need domain, worked out once per instance."""
    cached = instrument.__dict__.get("_demo_shape")
    if cached is None:
        domain_of = {
            code: domain["code"]
            for domain in instrument.definition.get("domains", [])
            for code in domain["items"]
        }
        cached = tuple(
            (item["code"], len(item["options"]), domain_of.get(item["code"], ""))
            for item in instrument.items
        )
        instrument.__dict__["_demo_shape"] = cached
    return cached


def _answers(instrument: Instrument, risk: float, rng: random.Random) -> dict[str, int]:
    shape = _shape(instrument)
    shift = {domain: rng.gauss(0, 0.15) for domain in sorted({d for _c, _n, d in shape if d})}
    answers = {}
    for code, options, domain in shape:
        p = min(max(risk + shift.get(domain, 0.0), 0.02), 0.98)
        answers[code] = sum(rng.random() < p for _ in range(options - 1))
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
    last_on, later = first_on, risk
    while (yearly_on := add_months(last_on, 12) + dt.timedelta(days=rng.randint(-20, 10))) <= day:
        if rng.random() >= REASSESSED:
            break  # not reassessed this year: overdue
        later = min(max(later + rng.gauss(-0.05, 0.08), 0.02), 0.98)  # guidance helps a little
        for instrument in (risk_i, needs_i):
            rows.append(
                _assessment(instrument, case, on=yearly_on, risk=later, reason="yearly", rng=rng)
            )
        last_on = yearly_on
    return rows


FIELDS = (
    "public_id", "created_at", "updated_at", "client", "case", "instrument", "kind", "assessor",
    "assessed_on", "answers", "status", "score", "band", "need_levels", "reason", "note",
    "sources", "scored_at",
)  # fmt: skip
PLAIN = (models.IntegerField, models.CharField, models.TextField, models.ForeignKey)


def _fields() -> list[models.Field]:
    fields = [Assessment._meta.get_field(name) for name in FIELDS]
    return [field for field in fields if isinstance(field, models.Field)]


def _insert(rows: list[Assessment]) -> None:
    """One prepared INSERT run for every row: bulk_create's per-value preparation costs
    seconds for ten thousand assessments. Numbers, text and keys go in as they are; dates,
    times, UUIDs and JSON through their field's own conversion."""
    fields = _fields()
    now = timezone.now()
    for row in rows:
        row.created_at = row.updated_at = now
    table = connection.ops.quote_name(Assessment._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    plain = [isinstance(f, PLAIN) for f in fields]
    values = [
        tuple(
            getattr(row, f.attname)
            if is_plain
            else f.get_db_prep_save(getattr(row, f.attname), connection)
            for f, is_plain in zip(fields, plain, strict=True)
        )
        for row in rows
    ]
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608
    with connection.cursor() as cursor:
        for first in range(0, len(values), BATCH):
            cursor.executemany(sql, values[first : first + BATCH])


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
    risk_i, needs_i = example_instrument(RISK_CODE), example_instrument(NEEDS_CODE)
    cases: list[dict[str, Any]] = [
        dict(row)
        for row in SupervisionCase.objects.open()
        .filter(
            office_id__in=ctx.office_ids,
            officer__isnull=False,
            guidance_start__lte=ctx.day - dt.timedelta(days=7),
            guidance_end__gte=ctx.day,
        )
        .order_by("pk")
        .values("pk", "client_id", "officer_id", "guidance_start")
    ]
    rows: list[Assessment] = []
    triggered: list[dict] = []
    for case in cases:
        made = _for_case(case, ctx.day, risk_i, needs_i, rng)
        rows += made
        if any(a.status == AssessmentStatus.SCORED for a in made) and rng.random() < TRIGGERED:
            triggered.append(case)
    _insert(rows)
    _triggers(triggered, rng)
    ctx.log(
        f"assessments: {len(rows)} for {len(cases)} cases, {len(triggered)} reassessment triggers"
    )


def remove(office_ids: list[int]) -> None:
    """Assessments PROTECT their client, case and assessor (triggers go with their case)."""
    Assessment.objects.filter(case__office_id__in=office_ids).delete()
