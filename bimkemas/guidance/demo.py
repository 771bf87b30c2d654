"""Demo guidance (see core/demo_context.py): the seed's picture of plans and evaluations.

Palembang's survey (DOMAIN.md §8): 15% of officers write stage plans for all their clients
and 5.85% comprehensive evaluations. So, per office:
1. About 15% of the officers with clients (never the demo `pk` login, whose worklist must
   show plans and evaluations due) have an agreed plan for the current stage of every
   client; the others for 20–70% of them; a few drafts wait for the client's agreement.
2. About 6% (chosen among those) have approved evaluations for every ended stage of every
   client; the others for 0–30% of their clients. Where an evaluation is missing, some are
   drafts, some submitted and waiting for the section head, a few returned.
3. Activities over the past months: individual sessions linked to plan items, and a few
   group sessions per officer.
Bulk inserts; every draw from `ctx.rng`; the evaluations' pre-fill is a light snapshot (the
period and its reporting outcomes) except for the demo PK's cases, which get the real one.
"""

import datetime as dt
import random
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.utils import timezone

from bimkemas.accounts.models import Office, Role, User
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.demo_context import DemoContext
from bimkemas.guidance.models import (
    AgreementMethod,
    Attendance,
    AttendanceStatus,
    Evaluation,
    EvaluationStatus,
    GuidanceArea,
    GuidanceKind,
    GuidanceMethod,
    GuidanceSession,
    PlanItem,
    PlanStatus,
    Recommendation,
    SessionKind,
    StagePlan,
)
from bimkemas.guidance.prefill import evaluation_prefill
from bimkemas.guidance.proposal import STANDARD_ITEMS
from bimkemas.guidance.stages import Span, spans_of
from bimkemas.reporting.models import PeriodOutcome

PLAN_FULL_SHARE = 0.15
EVALUATION_FULL_SHARE = 0.06
DEMO_PK = "pk"
ATTENDED: str = AttendanceStatus.ATTENDED
BATCH = 2000

KEP, KEM = GuidanceKind.KEPRIBADIAN, GuidanceKind.KEMANDIRIAN
EXTRA_ITEMS = [
    (KEP, GuidanceArea.RELIGION, "Pembinaan keagamaan di masjid/gereja terdekat"),
    (KEP, GuidanceArea.LEGAL, "Penyuluhan hukum bersama Pokmas Lipas"),
    (KEP, GuidanceArea.SUBSTANCE, "Konseling pencegahan penyalahgunaan narkoba"),
    (KEM, GuidanceArea.WORK, "Pendampingan mencari pekerjaan"),
    (KEM, GuidanceArea.SKILLS, "Pelatihan keterampilan (las, menjahit, tata boga)"),
    (KEP, GuidanceArea.FAMILY, "Konseling keluarga bersama penjamin"),
]
GROUP_TITLES = [
    ("Penyuluhan hukum dan HAM", GuidanceArea.LEGAL),
    ("Pengajian bersama klien", GuidanceArea.RELIGION),
    ("Pelatihan kewirausahaan", GuidanceArea.SKILLS),
    ("Sosialisasi bahaya narkoba", GuidanceArea.SUBSTANCE),
]
SUMMARIES = [
    "Klien kooperatif, rutin wajib lapor dan mengikuti kegiatan bimbingan.",
    "Klien mengikuti bimbingan, namun beberapa kali terlambat wajib lapor.",
    "Klien bekerja sebagai buruh harian dan menunjukkan perkembangan sikap yang baik.",
]


@dataclass
class Row:
    pk: int
    officer_id: int
    spans: list[Span]
    current: Span


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _cases(office: Office, day: dt.date) -> dict[int, list[Row]]:
    rows = (
        SupervisionCase.objects.open()
        .filter(
            office=office, officer__isnull=False, guidance_start__lte=day, guidance_end__gte=day
        )
        .order_by("pk")
        .values_list(
            "pk", "officer_id", "guidance_start", "lanjutan_from", "akhir_from", "guidance_end"
        )
    )
    per_officer: dict[int, list[Row]] = defaultdict(list)
    for pk, officer_id, start, lanjutan_from, akhir_from, end in rows:
        spans = spans_of(start, lanjutan_from, akhir_from, end)
        current = next(s for s in spans if s.first_day <= day <= s.last_day)
        per_officer[officer_id].append(Row(pk, officer_id, spans, current))
    return per_officer


class Writer:
    def __init__(self, rng: random.Random, day: dt.date) -> None:
        self.rng, self.day = rng, day
        self.plans: list[StagePlan] = []
        self.items: list[tuple[int, list[dict]]] = []  # (index of the plan, its items)
        self.evaluations: list[Evaluation] = []

    def plan(self, row: Row, span: Span, officer_id: int, status: str) -> None:
        rng = self.rng
        agreed_on = min(span.first_day + dt.timedelta(days=rng.randint(0, 20)), self.day)
        agreed = status == PlanStatus.AGREED
        self.plans.append(
            StagePlan(
                public_id=_uuid(rng),
                case_id=row.pk,
                stage=span.stage,
                version=1,
                status=status,
                client_agreed_on=agreed_on if agreed else None,
                agreement_method=rng.choice(AgreementMethod.values) if agreed else "",
                author_id=officer_id,
                agreed_recorded_by_id=officer_id if agreed else None,
            )
        )
        extra = rng.sample(EXTRA_ITEMS, rng.randint(1, 3))
        items = [
            {
                "kind": kind,
                "area": area,
                "description": text,
                "method": rng.choice(GuidanceMethod.values),
                "frequency": "1 kali sebulan",
                "per_month": 1,
                "need_codes": [],
            }
            for kind, area, text in extra
        ] + [{**item, "standard": True} for item in STANDARD_ITEMS[span.stage]]
        self.items.append((len(self.plans) - 1, items))

    def evaluation(self, row: Row, span: Span, status: str, approver_id: int | None) -> None:
        rng = self.rng
        now = timezone.now()
        written = status != EvaluationStatus.DRAFT
        self.evaluations.append(
            Evaluation(
                public_id=_uuid(rng),
                case_id=row.pk,
                stage=span.stage,
                period_start=span.first_day,
                period_end=span.last_day,
                version=1,
                status=status,
                progress_summary=rng.choice(SUMMARIES) if written else "",
                attitude="Sopan dan kooperatif" if written else "",
                compliance_judgement="Mematuhi syarat umum dan khusus" if written else "",
                recommendation=Recommendation.CONTINUE if written else "",
                author_id=row.officer_id,
                submitted_at=now if written else None,
                approved_by_id=approver_id if status == EvaluationStatus.APPROVED else None,
                approved_at=now if status == EvaluationStatus.APPROVED else None,
                returned_by_id=approver_id if status == EvaluationStatus.RETURNED else None,
                returned_at=now if status == EvaluationStatus.RETURNED else None,
                return_note="Lengkapi uraian perkembangan dan hasil kunjungan rumah."
                if status == EvaluationStatus.RETURNED
                else "",
            )
        )

    def flush(self) -> list[StagePlan]:
        plans = StagePlan.objects.bulk_create(self.plans, batch_size=BATCH)
        PlanItem.objects.bulk_create(
            [
                PlanItem(public_id=_uuid(self.rng), plan=plans[index], position=n, **item)
                for index, items in self.items
                for n, item in enumerate(items)
            ],
            batch_size=BATCH,
        )
        Evaluation.objects.bulk_create(self.evaluations, batch_size=BATCH)
        return plans


def _chosen(rng: random.Random, officers: list[int], share: float, among: list[int]) -> set[int]:
    count = max(1, round(share * len(officers))) if officers else 0
    return set(rng.sample(among, min(count, len(among))))


def _plans(writer: Writer, rows: list[Row], officer_id: int, share: float) -> None:
    rng = writer.rng
    for row in rows:
        if rng.random() < share:
            writer.plan(row, row.current, officer_id, PlanStatus.AGREED)
        elif rng.random() < 0.15:
            writer.plan(row, row.current, officer_id, PlanStatus.DRAFT)
        for span in row.spans:  # earlier stages: agreed plans, often
            if span.last_day < row.current.first_day and rng.random() < share + 0.2:
                writer.plan(row, span, officer_id, PlanStatus.AGREED)


def _evaluations(writer: Writer, rows: list[Row], share: float, approvers: list[int]) -> None:
    rng = writer.rng
    for row in rows:
        ended = [s for s in row.spans if s.last_day < writer.day]
        if not ended:
            continue
        approver = rng.choice(approvers) if approvers else None
        if rng.random() < share and approver is not None:
            for span in ended:
                writer.evaluation(row, span, EvaluationStatus.APPROVED, approver)
            continue
        missing = rng.randrange(len(ended))  # the stages before it are approved
        for span in ended[:missing]:
            if approver is not None:
                writer.evaluation(row, span, EvaluationStatus.APPROVED, approver)
        draw = rng.random()
        status = (
            EvaluationStatus.DRAFT
            if draw < 0.12
            else EvaluationStatus.SUBMITTED
            if draw < 0.2
            else EvaluationStatus.RETURNED
            if draw < 0.23
            else None
        )
        if status is not None:
            writer.evaluation(row, ended[missing], status, approver)


def _light_prefill(office: Office, evaluations: list[Evaluation]) -> None:
    """The period and its reporting outcomes (stored by the compliance scan), per evaluation."""
    outcomes: dict[int, list[tuple[dt.date, str]]] = defaultdict(list)
    for case_id, starts_on, outcome in PeriodOutcome.objects.filter(
        case__office=office
    ).values_list("case_id", "starts_on", "outcome"):
        outcomes[case_id].append((starts_on, outcome))
    for e in evaluations:
        counts = Counter(
            outcome
            for starts_on, outcome in outcomes.get(e.case_id, [])
            if e.period_start <= starts_on <= e.period_end
        )
        e.prefill = {
            "period": {"start": e.period_start.isoformat(), "end": e.period_end.isoformat()},
            "gathered_on": e.period_end.isoformat(),
            "reporting": {"counts": dict(counts), "periods": []},
            "activities": [],
            "plan": None,
            "assessments": [],
            "violations": [],
            "home_visits": [],
        }


def _sessions(
    rng: random.Random, office: Office, day: dt.date, per_officer: dict[int, list[Row]]
) -> None:
    """Individual sessions for clients with an agreed plan, linked to its first items, and a
    few group sessions per officer, over the past four months."""
    items = defaultdict(list)
    for case_id, item_id, area in PlanItem.objects.filter(
        plan__case__office=office, plan__status=PlanStatus.AGREED
    ).values_list("plan__case_id", "pk", "area"):
        items[case_id].append((item_id, area))
    sessions: list[GuidanceSession] = []
    attendances: list[tuple[int, Attendance]] = []
    for officer_id, rows in per_officer.items():
        for row in rows:
            for item_id, area in items.get(row.pk, [])[: rng.randint(0, 3)]:
                held_on = day - dt.timedelta(days=rng.randint(1, 120))
                if held_on < row.spans[0].first_day:
                    continue
                sessions.append(
                    _session(rng, office, held_on, SessionKind.INDIVIDUAL, area, officer_id)
                )
                status = (
                    AttendanceStatus.ATTENDED if rng.random() < 0.9 else AttendanceStatus.ABSENT
                )
                attendances.append(
                    (
                        len(sessions) - 1,
                        Attendance(case_id=row.pk, status=status, plan_item_id=item_id),
                    )
                )
        for _ in range(rng.randint(0, 3)):
            title, area = rng.choice(GROUP_TITLES)
            held_on = day - dt.timedelta(days=rng.randint(1, 120))
            present = [r for r in rows if r.spans[0].first_day <= held_on]
            if len(present) < 3:
                continue
            sessions.append(
                _session(rng, office, held_on, SessionKind.GROUP, area, officer_id, title)
            )
            for row in rng.sample(present, min(len(present), rng.randint(4, 12))):
                came = rng.choice([str(ATTENDED)] * 8 + list(AttendanceStatus.values))
                attendances.append((len(sessions) - 1, Attendance(case_id=row.pk, status=came)))
    created = GuidanceSession.objects.bulk_create(sessions, batch_size=BATCH)
    for index, attendance in attendances:
        attendance.session = created[index]
    Attendance.objects.bulk_create([a for _i, a in attendances], batch_size=BATCH)


def _session(rng, office, held_on, kind, area, officer_id, title="") -> GuidanceSession:
    group = kind == SessionKind.GROUP
    return GuidanceSession(
        public_id=_uuid(rng),
        office=office,
        held_on=held_on,
        kind=kind,
        method=GuidanceMethod.GROUPWORK if group else GuidanceMethod.CASEWORK,
        area=area,
        title=title or "Bimbingan individu (konseling)",
        place="Aula Bapas" if group else rng.choice(["Kantor Bapas", "Rumah klien", "Video call"]),
        partner="Pokmas Lipas" if group and rng.random() < 0.5 else "",
        led_by_id=officer_id,
        recorded_by_id=officer_id,
    )


def _office(ctx: DemoContext, office: Office) -> None:
    rng = ctx.rng(f"guidance:{office.code}")
    per_officer = _cases(office, ctx.day)
    officers = sorted(per_officer)
    demo_pk = User.objects.filter(username=DEMO_PK, office=office).values_list("pk", flat=True)
    eligible = [o for o in officers if o not in set(demo_pk)]
    plan_full = _chosen(rng, officers, PLAN_FULL_SHARE, eligible)
    evaluation_full = _chosen(rng, officers, EVALUATION_FULL_SHARE, sorted(plan_full))
    approvers = list(
        User.objects.filter(office=office, role__in=[Role.SUPERVISOR, Role.HEAD], is_active=True)
        .order_by("role", "pk")
        .values_list("pk", flat=True)
    )
    writer = Writer(rng, ctx.day)
    for officer_id in officers:
        rows = per_officer[officer_id]
        plan_share = 1.0 if officer_id in plan_full else rng.uniform(0.2, 0.7)
        evaluation_share = 1.0 if officer_id in evaluation_full else rng.uniform(0.0, 0.3)
        _plans(writer, rows, officer_id, plan_share)
        _evaluations(writer, rows, evaluation_share, approvers)
    _light_prefill(office, writer.evaluations)
    writer.flush()
    _real_prefill(set(demo_pk), ctx.day)
    _sessions(rng, office, ctx.day, per_officer)
    ctx.log(
        f"guidance: {office.name}: {len(writer.plans)} plans, {len(writer.evaluations)} "
        f"evaluations; {len(plan_full)} of {len(officers)} officers with every plan, "
        f"{len(evaluation_full)} with every evaluation"
    )


def _real_prefill(officer_ids: set[int], day: dt.date) -> None:
    """The demo PK's evaluations carry the real pre-fill, as one written today would."""
    for evaluation in Evaluation.objects.filter(case__officer_id__in=officer_ids).select_related(
        "case__office", "case__client"
    ):
        evaluation.prefill = evaluation_prefill(evaluation.case, evaluation.stage)
        evaluation.save(update_fields=["prefill"])


def generate(ctx: DemoContext) -> None:
    for office in Office.objects.filter(pk__in=ctx.office_ids).order_by("pk"):
        _office(ctx, office)
