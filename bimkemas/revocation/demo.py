"""Demo revocations (see core/demo_context.py).

1. Palembang's history (DOMAIN.md §8): 58 revocation proposals for re-offending between
   1 January 2020 and 27 June 2022. The demo's clients are today's 3,661, so the proposals
   sit on the past, completed PB cases that the reporting demo gives some of them (guidance
   2017–2022, before their present case): 58 of those ending in the seed's window become
   revoked, each with every step of the process recorded (bulk inserts), and their
   termination turns from completed into revoked. Against the 3,661 clients under guidance
   today, as the seed compares them, that is 1.58 per 100 (the statistics page with
   from=01/01/2020 and to=27/06/2022). The split over the years (24, 22, 12) is invented:
   the seed gives the total and a chart whose numbers the text does not state.
2. Palembang today: one revocation waiting for the Bapas head's temporary revocation
   (user `kepala`), requested through the services by the demo PK (`pk`).
3. Bapas OKU today (a neighbour, so that Palembang's 3,661 open cases stay as the seed has
   them): one revocation run end to end, the case terminated as revoked; and one asimilasi
   client (OKU's demo has none, so one is taken in) whose revocation went to the prison.
"""

import datetime as dt
import random

from django.db.models import Q

from bimkemas.accounts.models import Office, Role, User
from bimkemas.clients.models import CASE_TERMS_FIELDS, CaseStatus, Programme, SupervisionCase
from bimkemas.clients.services import case_assign, client_intake
from bimkemas.core.demo_context import DemoContext
from bimkemas.core.workdays import add_working_days
from bimkemas.revocation import services
from bimkemas.revocation.models import ASIMILASI_CODE, Revocation, RevocationStep
from bimkemas.revocation.workflow import SERVICE_STANDARD_DAYS, Route, Status, StepKind
from bimkemas.termination.models import Termination, TerminationKind
from bimkemas.violations.models import Violation, ViolationKind, ViolationSource

PALEMBANG = "plg"
NEIGHBOUR = "oku"
SEED_FROM = dt.date(2020, 1, 1)
SEED_TO = dt.date(2022, 6, 27)
SEED_PROPOSALS = {2020: 24, 2021: 22, 2022: 12}  # 58 in all (DOMAIN.md §8); split invented
SENDERS = (
    "Kapolsek Ilir Barat I",
    "Kapolsek Sukarami",
    "Kapolres Banyuasin",
    "Kapolsek Kemuning",
    "Kepala Rutan Kelas I Palembang",
    "Kasat Resnarkoba Polrestabes Palembang",
)
QUESTIONS = (
    ("Apakah saudara dalam keadaan sehat dan bersedia diperiksa?", "Ya, sehat dan bersedia."),
    ("Apakah benar saudara ditangkap oleh pihak kepolisian?", "Benar."),
    ("Apakah saudara memahami syarat pembebasan bersyarat?", "Paham."),
)


def generate(ctx: DemoContext) -> None:
    rng = ctx.rng("revocation")
    palembang = Office.objects.filter(pk__in=ctx.office_ids, code=PALEMBANG).first()
    if palembang is not None:
        made = _history(palembang, rng)
        ctx.log(f"revocation: {palembang.name}: {made} past revocations (2020 – June 2022)")
        _waiting_for_head(palembang, ctx.day)
    neighbour = Office.objects.filter(pk__in=ctx.office_ids, code=NEIGHBOUR).first()
    if neighbour is not None:
        _end_to_end(neighbour, ctx.day)
        _asimilasi(neighbour, ctx.day)
        ctx.log(f"revocation: {neighbour.name}: one revoked, one asimilasi sent to the prison")


# 1. History ---------------------------------------------------------------------------------


def _history(office: Office, rng: random.Random) -> int:
    signer = User.objects.filter(office=office, role=Role.HEAD).order_by("pk").first()
    secretary = User.objects.filter(office=office, role=Role.SUPERVISOR).order_by("pk").first()
    if signer is None or secretary is None:
        return 0
    chosen: list[SupervisionCase] = []
    for year, count in SEED_PROPOSALS.items():
        first = max(dt.date(year, 2, 15), SEED_FROM)
        last = min(dt.date(year, 12, 31), SEED_TO)
        candidates = list(
            SupervisionCase.objects.filter(
                office=office,
                status=CaseStatus.COMPLETED,
                programme__code="PB",
                guidance_end__range=(first, last),
            )
            .exclude(officer=None)
            .order_by("pk")
        )
        chosen += rng.sample(candidates, min(count, len(candidates)))
    revocations, steps = [], []
    for case in chosen:
        revocation, rows = _past_revocation(case, rng, signer, secretary)
        revocations.append(revocation)
        steps.append(rows)
    Revocation.objects.bulk_create(revocations)
    for revocation, rows in zip(revocations, steps, strict=True):
        for row in rows:
            row.revocation = revocation
    RevocationStep.objects.bulk_create([row for rows in steps for row in rows])
    _close_as_revoked(chosen, revocations)
    return len(revocations)


def _past_revocation(case, rng, head, secretary) -> tuple[Revocation, list[RevocationStep]]:
    decided = case.guidance_end
    requested = max(
        decided - dt.timedelta(days=rng.randint(20, 40)),
        dt.date(decided.year, 1, 2),
        case.guidance_start,
    )
    span = (decided - requested).days
    offsets = sorted(rng.sample(range(1, span), 5)) if span > 6 else [0] * 5
    dates = [requested + dt.timedelta(days=n) for n in offsets]
    reference = f"PAS-{rng.randint(100, 999)}.PK.05.09 TAHUN {decided.year}"
    revocation = Revocation(
        case=case,
        office_id=case.office_id,
        route=Route.INTEGRATION,
        status=Status.REVOKED,
        grounds=ViolationKind.NEW_OFFENCE,
        channel="written",
        requested_on=requested,
        sender=rng.choice(SENDERS),
        letter_number=f"B/{rng.randint(100, 999)}/{requested.month}/{requested.year}",
        service_days=SERVICE_STANDARD_DAYS,
        due_on=add_working_days(requested, SERVICE_STANDARD_DAYS),
        decision_reference=reference,
        decided_on=decided,
        closed_on=decided,
        requested_by=case.officer,
    )
    officer = case.officer
    plan = [
        (StepKind.REQUEST, requested, officer, {"channel": "written"}, Status.REQUESTED),
        (StepKind.STATEMENT, dates[0], officer,
         {"questions": [{"question": q, "answer": a} for q, a in QUESTIONS], "statement": ""},
         Status.STATEMENT_TAKEN),
        (StepKind.EXAMINATION, dates[1], officer,
         {"attended": False, "account": "Klien ditahan; keterangan dari penyidik."},
         Status.EXAMINED),
        (StepKind.TPP, dates[2], secretary,
         {"recommend": True, "members": "Kepala Bapas, Kasi BKD, Kasubsi, PK"},
         Status.RECOMMENDED),
        (StepKind.TEMPORARY, dates[3], head,
         {"decree_number": f"W6.PAS.PAS.16-{rng.randint(100, 999)}"},
         Status.TEMPORARILY_REVOKED),
        (StepKind.REPORT, dates[4], secretary,
         {"recipient": "both", "letter_number": f"W6.PAS.16-{rng.randint(100, 999)}"},
         Status.REPORTED),
        (StepKind.DECISION, decided, secretary,
         {"revoked": True, "decision_reference": reference, "authority": "Ditjenpas"},
         Status.REVOKED),
    ]  # fmt: skip
    rows = [
        RevocationStep(kind=kind, on=on, actor=actor, details=details, status_after=after)
        for kind, on, actor, details, after in plan
    ]
    return revocation, rows


def _close_as_revoked(cases: list[SupervisionCase], revocations: list[Revocation]) -> None:
    for case, revocation in zip(cases, revocations, strict=True):
        case.status = CaseStatus.REVOKED
        case.closed_on = revocation.decided_on or case.guidance_end
        case.closing_note = revocation.decision_reference
    SupervisionCase.objects.bulk_update(cases, ["status", "closed_on", "closing_note"])
    by_case = {r.case_id: r for r in revocations}
    terminations = list(Termination.objects.filter(case_id__in=by_case))
    for termination in terminations:
        revocation = by_case[termination.case_id]
        termination.kind = TerminationKind.REVOKED
        termination.on = revocation.decided_on or termination.on
        termination.decision_reference = revocation.decision_reference
        termination.certificate_seq = None
        termination.certificate_number = ""
        termination.aftercare_months = None
    Termination.objects.bulk_update(
        terminations,
        ["kind", "on", "decision_reference", "certificate_seq", "certificate_number",
         "aftercare_months"],
    )  # fmt: skip


# 2. and 3. Today, through the services --------------------------------------------------------


def _person(office: Office, role: str, username: str = "") -> User | None:
    people = User.objects.filter(office=office, role=role, is_active=True).order_by("pk")
    return people.filter(username=username).first() or people.first()


def _open_case(office: Office, officer: User | None, day: dt.date) -> SupervisionCase | None:
    cases = SupervisionCase.objects.open().filter(
        office=office, received_on__lte=day - dt.timedelta(days=60), programme__code="PB"
    )
    cases = cases.exclude(revocations__isnull=False)
    return (cases.filter(officer=officer) if officer else cases).order_by("pk").first()


def _violation(case: SupervisionCase, officer: User, on: dt.date, summary: str) -> Violation:
    return Violation.objects.create(
        case=case,
        kind=ViolationKind.NEW_OFFENCE,
        source=ViolationSource.NOTICE,
        occurred_on=on,
        summary=summary,
        opened_by=officer,
    )


def _back(day: dt.date, working_days: int) -> dt.date:
    """The working day `working_days` before `day` (for dates of steps already taken)."""
    start = day - dt.timedelta(days=working_days * 2 + 10)
    while add_working_days(start, working_days) < day:
        start += dt.timedelta(days=1)
    return start


def _walk_to_recommended(revocation, officer, secretary, day: dt.date) -> None:
    services.revocation_record_statement(
        actor=officer,
        revocation=revocation,
        on=_back(day, 5),
        questions=[{"question": q, "answer": a} for q, a in QUESTIONS],
    )
    services.revocation_record_examination(
        actor=officer,
        revocation=revocation,
        on=_back(day, 3),
        attended=True,
        account="Klien mengakui ditangkap bersama temannya dan menyesali perbuatannya.",
    )
    services.revocation_record_tpp(
        actor=secretary,
        revocation=revocation,
        on=_back(day, 1),
        recommend=True,
        members="Kepala Bapas, Kasi BKD, Kasubsi Bimkemas, PK pembimbing",
    )


def _start(case, officer, day: dt.date, sender: str) -> Revocation:
    on = _back(day, 8)
    violation = _violation(case, officer, on - dt.timedelta(days=2), f"Pemberitahuan {sender}")
    return services.revocation_request(
        actor=officer,
        case=case,
        channel="written",
        requested_on=on,
        sender=sender,
        letter_number=f"B/{case.pk % 900 + 100}/XI/{on.year}",
        violation=violation,
    )


def _waiting_for_head(office: Office, day: dt.date) -> None:
    officer = _person(office, Role.PK, "pk")
    secretary = _person(office, Role.SUPERVISOR, "kasi")
    case = _open_case(office, officer, day)
    if officer is None or secretary is None or case is None:
        return
    revocation = _start(case, officer, day, "Kapolsek Ilir Barat I")
    _walk_to_recommended(revocation, officer, secretary, day)


def _end_to_end(office: Office, day: dt.date) -> None:
    officer = _person(office, Role.PK, f"pk.{office.code}")
    secretary = _person(office, Role.SUPERVISOR, f"kasi.{office.code}")
    head = _person(office, Role.HEAD, f"kepala.{office.code}")
    case = _open_case(office, officer, day) or _open_case(office, None, day)
    if None in (officer, secretary, head) or case is None:
        return
    officer = case.officer
    assert officer is not None and secretary is not None and head is not None
    revocation = _start(case, officer, _back(day, 6), "Kapolres Ogan Komering Ulu")
    _walk_to_recommended(revocation, officer, secretary, _back(day, 6))
    services.revocation_revoke_temporarily(
        actor=head, revocation=revocation, on=_back(day, 4), decree_number="W6.PAS.PAS.17-042"
    )
    services.revocation_report(
        actor=secretary,
        revocation=revocation,
        on=_back(day, 3),
        recipient="both",
        letter_number="W6.PAS.17-118",
    )
    services.revocation_decide(
        actor=secretary,
        revocation=revocation,
        on=day,
        revoked=True,
        decision_reference=f"PAS-311.PK.05.09 TAHUN {day.year}",
        authority="Direktorat Jenderal Pemasyarakatan",
    )


def _asimilasi(office: Office, day: dt.date) -> None:
    registrar = _person(office, Role.REGISTRAR, f"registrar.{office.code}")
    secretary = _person(office, Role.SUPERVISOR, f"kasi.{office.code}")
    officer = _person(office, Role.PK, f"pk.{office.code}")
    model = _open_case(office, None, day)
    programme = Programme.objects.filter(code=ASIMILASI_CODE).first()
    if None in (registrar, secretary, officer, model, programme):
        return
    assert registrar and secretary and officer and model
    client = model.client
    identity = {
        field: getattr(client, field)
        for field in ("birth_place", "sex", "religion", "category", "street", "rt", "rw",
                      "kelurahan", "kecamatan", "work_area")
    }  # fmt: skip
    identity.update(
        full_name="Rahmat Hidayat", nik=None, birth_date=dt.date(1998, 4, 12), category="dewasa"
    )
    terms = {field: getattr(model, field) for field in CASE_TERMS_FIELDS}
    start = day - dt.timedelta(days=75)
    terms.update(
        programme=programme,
        sk_number=f"W6.PAS-ASM.{start.year}-0117",
        sk_date=start - dt.timedelta(days=5),
        guidance_start=start,
        guidance_end=start + dt.timedelta(days=240),
        received_on=start,
        special_conditions="Wajib lapor setiap minggu.",
    )
    case = client_intake(actor=registrar, identity=identity, case=terms)
    case = case_assign(actor=secretary, case=case, officer=officer)
    revocation = _start(case, officer, day, "Kapolsek Baturaja Timur")
    _walk_to_recommended(revocation, officer, secretary, day)
    services.revocation_report(
        actor=secretary, revocation=revocation, on=day, letter_number="W6.PAS.17-121"
    )


def remove(office_ids: list[int]) -> None:
    """Before the demo offices go (demo-data --reset): their revocations and steps."""
    rows = Revocation.objects.filter(
        Q(office_id__in=office_ids) | Q(case__office_id__in=office_ids)
    )
    RevocationStep.objects.filter(revocation__in=rows).delete()
    rows.delete()
