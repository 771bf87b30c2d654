"""Demo violations (see core/demo_context.py), Palembang only: violations learnt from
complaints, home visits, police and prison notices and the officers' own findings, answered
along the default ladder (counselling, Surat Peringatan I and II, a revocation proposal) with
numbered letters, some dismissed, and a few still open on the demo PK's worklist ("pk").
Written through the services, so every row is audited as in real use; two letters are
rendered as DOCX (a PDF at demo time would be slow)."""

import datetime as dt
import random

from bimkemas.accounts.models import Office, Role, User
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.dates import today
from bimkemas.core.demo_context import DemoContext
from bimkemas.core.errors import ApplicationError
from bimkemas.documents.models import DocumentFormat
from bimkemas.violations.access import can_act
from bimkemas.violations.ladder import office_ladder
from bimkemas.violations.letters import letter_generate
from bimkemas.violations.models import (
    LadderRung,
    Violation,
    ViolationAttachment,
    ViolationDecision,
    ViolationKind,
    ViolationSource,
)
from bimkemas.violations.services import violation_decide, violation_dismiss, violation_record

# A rung's index into the ladder, "dismiss", or None for a violation left open.
Step = int | str | None
DEMO_OFFICE = "plg"
DEMO_OFFICER = "pk"
OTHER_CASES = 10  # other officers' clients with violations
LETTERS = 2

# (kind, source, summary, evidence)
EVENTS = [
    (
        ViolationKind.ADDRESS_CHANGE,
        ViolationSource.HOME_VISIT,
        "Klien tidak lagi tinggal di alamat yang dilaporkan",
        "Kunjungan rumah: ketua RT menyatakan klien pindah ke rumah saudara sejak sebulan.",
    ),
    (
        ViolationKind.PUBLIC_UNREST,
        ViolationSource.COMPLAINT,
        "Pengaduan warga: klien terlibat keributan di warung",
        "Pengaduan lisan ketua RW kepada PK; dua saksi warga.",
    ),
    (
        ViolationKind.SUSPECT,
        ViolationSource.NOTICE,
        "Klien ditangkap Polsek Ilir Timur I dalam perkara pencurian",
        "Surat pemberitahuan penangkapan dari Polsek Ilir Timur I.",
    ),
    (
        ViolationKind.PROGRAMME,
        ViolationSource.OFFICER,
        "Tidak mengikuti bimbingan kelompok dua kali berturut-turut",
        "Daftar hadir bimbingan kelompok.",
    ),
    (
        ViolationKind.NEW_OFFENCE,
        ViolationSource.NOTICE,
        "Putusan Pengadilan Negeri Palembang dalam perkara baru",
        "Pemberitahuan Lapas Kelas I Palembang: klien diterima sebagai narapidana.",
    ),
]


def generate(ctx: DemoContext) -> None:
    office = Office.objects.filter(pk__in=ctx.office_ids, code=DEMO_OFFICE).first()
    if office is None:
        return
    rng = ctx.rng("violations")
    counts = _office(rng, office, min(ctx.day, today()))
    ctx.log(
        f"violations: {office.name}: {counts['recorded']} recorded, {counts['decided']} "
        f"decided, {counts['dismissed']} dismissed, {counts['letters']} letters"
    )


def _office(rng: random.Random, office: Office, day: dt.date) -> dict[str, int]:
    counts = {"recorded": 0, "decided": 0, "dismissed": 0, "letters": 0}
    head = (
        User.objects.filter(office=office, role__in=[Role.SUPERVISOR, Role.HEAD], is_active=True)
        .order_by("role", "pk")
        .first()
    )
    if head is None:
        return counts
    rungs = office_ladder(office.pk)
    cases = (
        SupervisionCase.objects.open()
        .filter(office=office, officer__isnull=False, guidance_start__lte=day - dt.timedelta(60))
        .select_related("client", "office", "officer")
        .order_by("pk")
    )
    officer = User.objects.filter(username=DEMO_OFFICER, office=office).first()
    mine = list(cases.filter(officer=officer)[:5]) if officer else []
    others = list(cases.exclude(officer=officer)[: OTHER_CASES * 4])
    others = rng.sample(others, min(OTHER_CASES, len(others)))
    letters: list[ViolationDecision] = []
    plan: list[tuple[SupervisionCase, list[Step]]] = []
    # The demo PK: one client climbing the ladder (two letters), three open, one dismissed.
    if mine:
        plan.append((mine[0], [0, 1, None]))  # counselling, then SP I, then an open one
        plan += [(case, [None]) for case in mine[1:3]]
        plan += [(case, ["dismiss"]) for case in mine[3:4]]
    for case, steps in plan:
        letters += _history(rng, case, steps, rungs, head, day, counts)
    # Other officers' clients: one to three violations each, answered up the ladder; one
    # reaches the revocation proposal.
    for index, case in enumerate(others):
        climb: list[Step] = [rng.choice([0, 1, 1, 2])] if index else [1, 2, 3]
        if rng.random() < 0.4:
            climb.append(None if rng.random() < 0.6 else "dismiss")
        _history(rng, case, climb, rungs, head, day, counts)
    for decision in letters[:LETTERS]:
        letter_generate(actor=decision.by, decision=decision, fmt=DocumentFormat.DOCX)
        counts["letters"] += 1
    return counts


def _actor(case: SupervisionCase, head: User) -> User:
    return case.officer if case.officer and can_act(case.officer, case) else head


def _history(
    rng: random.Random,
    case: SupervisionCase,
    steps: list[Step],
    rungs: list[LadderRung],
    head: User,
    day: dt.date,
    counts: dict[str, int],
) -> list[ViolationDecision]:
    """A case's violations, oldest first, each answered by `steps` (a rung's index into the
    ladder, "dismiss", or None for still open)."""
    actor = _actor(case, head)
    span = max((day - case.guidance_start).days - 2, len(steps) * 10)
    first = max(case.guidance_start, day - dt.timedelta(days=span))
    gap = max((day - first).days // (len(steps) + 1), 1)
    decisions: list[ViolationDecision] = []
    for number, step in enumerate(steps):
        on = first + dt.timedelta(days=gap * number + rng.randint(0, max(gap // 3, 0)))
        if step is None:  # the open ones happened lately
            on = day - dt.timedelta(days=rng.randint(1, 12))
        on = min(max(on, case.guidance_start), day)
        kind, source, summary, evidence = rng.choice(EVENTS)
        try:
            violation = violation_record(
                actor=actor,
                case=case,
                kind=kind,
                source=source,
                occurred_on=on,
                summary=summary,
                evidence=evidence,
            )
        except ApplicationError:
            continue
        counts["recorded"] += 1
        decided_on = min(on + dt.timedelta(days=rng.randint(1, 6)), day)
        # Recorded a day after it happened: the response time counts from then.
        recorded = dt.datetime.combine(
            min(on + dt.timedelta(days=1), day), dt.time(9), tzinfo=dt.UTC
        )
        Violation.objects.filter(pk=violation.pk).update(created_at=recorded)
        if step is None:
            continue
        if step == "dismiss":
            violation_dismiss(
                actor=actor,
                violation=violation,
                reason="Setelah klarifikasi, klien dapat menunjukkan bukti yang sah.",
            )
            counts["dismissed"] += 1
            continue
        rung = rungs[min(int(step), len(rungs) - 1)]
        decisions.append(
            violation_decide(
                actor=actor,
                violation=violation,
                rung=rung,
                decided_on=decided_on,
                note="Klien dipanggil dan diberi penjelasan tentang syarat bimbingan.",
            )
        )
        counts["decided"] += 1
    return [d for d in decisions if d.produces_letter]


def remove(office_ids: list[int]) -> None:
    """Before the demo offices go (demo-data --reset): evidence files, decisions, violations
    and the offices' ladders."""
    for attachment in ViolationAttachment.objects.filter(violation__case__office_id__in=office_ids):
        attachment.file.delete(save=False)
    ViolationDecision.objects.filter(case__office_id__in=office_ids).delete()
    Violation.objects.filter(case__office_id__in=office_ids).delete()
    LadderRung.objects.filter(office_id__in=office_ids).delete()
