"""Demo litmas (see core/demo_context.py): per office, requests from the Lapas, the Rutan, the
police, the prosecutor, the court and the Bapas itself, in every status, some overdue, with
reports (content, sources, versions) for those that were started. Palembang's first request
always has the tracking code DEMO_TRACKING_CODE (BAPAS-PKR24), an acknowledged integration
litmas, so the public page /litmas/lacak/ can be shown. Bulk inserts; draws from ctx.rng.
"""

import datetime as dt
import random

from django.utils import timezone

from bimkemas.accounts.models import Office, Role, User
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.demo_context import DemoContext
from bimkemas.litmas import tracking
from bimkemas.litmas.dates import add_working_days
from bimkemas.litmas.models import (
    DEFAULT_WORKING_DAYS,
    TYPE_CODES,
    LitmasCounter,
    LitmasOutline,
    LitmasReport,
    LitmasRequest,
    LitmasRequestStep,
    LitmasType,
    LitmasVersion,
    ReportStatus,
    RequesterKind,
    RequestStatus,
    SectionKind,
    VersionReason,
)
from bimkemas.litmas.services import outline_for

DEMO_TRACKING_CODE = "BAPASPKR24"
PALEMBANG = "plg"
GUIDANCE_LITMAS_WRITTEN = 0.93  # share of cases six weeks in whose litmas pembimbingan is done
REQUESTS_PER_OFFICE = {PALEMBANG: 36}
OTHER_OFFICE_REQUESTS = 10

# The path of statuses a request walks; a request stops at a drawn point of it.
PATH = [
    RequestStatus.RECEIVED,
    RequestStatus.ASSIGNED,
    RequestStatus.IN_PROGRESS,
    RequestStatus.SUBMITTED,
    RequestStatus.REVIEWED,
    RequestStatus.ACKNOWLEDGED,
    RequestStatus.SENT,
]
WRITTEN = PATH[: PATH.index(RequestStatus.ACKNOWLEDGED) + 1]
REPORT_STATUS = {
    RequestStatus.IN_PROGRESS: ReportStatus.DRAFT,
    RequestStatus.SUBMITTED: ReportStatus.SUBMITTED,
    RequestStatus.REVIEWED: ReportStatus.REVIEWED,
    RequestStatus.ACKNOWLEDGED: ReportStatus.ACKNOWLEDGED,
    RequestStatus.SENT: ReportStatus.ACKNOWLEDGED,
}
SUBJECTS = [
    "Rahmat Hidayat",
    "Dedi Kurniawan",
    "Sri Wahyuni",
    "Andi Saputra",
    "Muhammad Rizki",
    "Yuliana Sari",
    "Agus Setiawan",
    "Bayu Pratama",
    "Dimas Anggara",
    "Fitri Handayani",
]
TEXT = {
    "riwayat_hidup": "Klien menamatkan SMP, bekerja sebagai buruh harian; tidak ada riwayat "
    "pelanggaran hukum sebelumnya.",
    "kondisi_penjamin": "Penjamin tinggal di rumah milik sendiri, semi permanen, bersama tiga "
    "anggota keluarga.",
    "lingkungan": "Lingkungan padat penduduk; masyarakat bersedia menerima klien kembali.",
    "tanggapan": "Keluarga, pemerintah setempat dan Bhabinkamtibmas tidak keberatan.",
    "evaluasi_pembinaan": "Berkelakuan baik, mengikuti pembinaan kemandirian (pertukangan).",
    "diversi": "Para pihak bersedia menempuh diversi.",
    "analisa": "Faktor pendukung: dukungan keluarga, pekerjaan tersedia. Risiko: lingkungan.",
    "kesimpulan": "Klien layak diberikan program yang dimohonkan.",
    "rekomendasi": "PK merekomendasikan program yang dimohonkan dengan bimbingan Bapas.",
}


def _requesters(office: Office) -> list[tuple[str, str]]:
    city = office.name.rsplit(" ", 1)[-1]
    return [
        (RequesterKind.LAPAS_RUTAN, f"Lapas Kelas I {city}"),
        (RequesterKind.LAPAS_RUTAN, f"Rutan Kelas I {city}"),
        (RequesterKind.POLICE, f"Polrestabes {city}"),
        (RequesterKind.PROSECUTOR, f"Kejaksaan Negeri {city}"),
        (RequesterKind.COURT, f"Pengadilan Negeri {city}"),
        (RequesterKind.INTERNAL, office.name),
    ]


def _type_for(kind: str, rng: random.Random) -> str:
    if kind == RequesterKind.LAPAS_RUTAN:
        return rng.choice([LitmasType.INTEGRASI] * 3 + [LitmasType.ASIMILASI])
    if kind in (RequesterKind.POLICE, RequesterKind.PROSECUTOR):
        return rng.choice([LitmasType.DIVERSI, LitmasType.PERAWATAN_TAHANAN])
    if kind == RequesterKind.COURT:
        return rng.choice([LitmasType.SIDANG_ANAK, LitmasType.ANAK_DI_BAWAH_12])
    return LitmasType.PEMBIMBINGAN


def _content(outline: LitmasOutline, litmas_type: str, name: str, requester: str) -> dict:
    content: dict = {
        "pendahuluan": f"Berdasarkan surat {requester} perihal permintaan penelitian "
        "kemasyarakatan, PK melakukan wawancara, kunjungan rumah dan observasi.",
    }
    for section in outline.sections_for(litmas_type):
        code = section["code"]
        if code in content:
            continue
        if section["kind"] == SectionKind.FACTS:
            content[code] = [["Nama", name if code == "identitas_klien" else "-"]]
        elif section["kind"] == SectionKind.TABLE:
            content[code] = [["Siti Aminah", "Ibu", "52", "SD", "Pedagang"]]
        else:
            content[code] = TEXT.get(code, "Data diperoleh dari wawancara dan dokumen.")
    return content


def generate(ctx: DemoContext) -> None:
    rng = ctx.rng("litmas")
    outline = outline_for(LitmasType.PEMBIMBINGAN)
    now = timezone.now()
    used: set[str] = set(LitmasRequest.objects.values_list("tracking_code", flat=True))
    for office in Office.objects.filter(pk__in=ctx.office_ids).order_by("pk"):
        _office(ctx, rng, office, outline, now, used)


def _code(rng: random.Random, used: set[str]) -> str:
    while True:
        code = "".join(rng.choice(tracking.ALPHABET) for _ in range(tracking.LENGTH))
        if code not in used:
            used.add(code)
            return code


def _office(ctx, rng, office, outline, now, used) -> None:
    staff = list(User.objects.filter(office=office, is_active=True).order_by("pk"))
    pks = [u for u in staff if u.role == Role.PK]
    registrar = next((u for u in staff if u.role == Role.REGISTRAR), None) or (
        staff[0] if staff else None
    )
    head = next((u for u in staff if u.role == Role.HEAD), None)
    section_head = next((u for u in staff if u.role == Role.SUPERVISOR), None)
    if not pks or registrar is None or head is None or section_head is None:
        return
    cases = list(
        SupervisionCase.objects.open()
        .filter(office=office)
        .select_related("client")
        .order_by("pk")[:200]
    )
    count = REQUESTS_PER_OFFICE.get(office.code, OTHER_OFFICE_REQUESTS)
    requesters = _requesters(office)
    plans = []
    for index in range(count):
        kind, requester = requesters[index % len(requesters)]
        litmas_type = _type_for(kind, rng)
        if index == 0 and office.code == PALEMBANG:
            kind, requester, litmas_type = requesters[0] + (LitmasType.INTEGRASI,)
            code = DEMO_TRACKING_CODE
            used.add(code)
            stop = PATH.index(RequestStatus.ACKNOWLEDGED)
        else:
            code = _code(rng, used)
            stop = -1 if rng.random() < 0.06 else rng.randrange(len(PATH))
        case = rng.choice(cases) if cases and kind != RequesterKind.POLICE else None
        received = ctx.day - dt.timedelta(days=rng.randint(2, 70))
        due = add_working_days(received, DEFAULT_WORKING_DAYS[litmas_type])
        request = LitmasRequest(
            office=office,
            type=litmas_type,
            requester_kind=kind,
            requester_name=requester,
            letter_number=f"W6.PAS.{rng.randint(100, 999)}-PK.01.05" if kind != "internal" else "",
            letter_date=received - dt.timedelta(days=rng.randint(0, 3)),
            client=case.client if case else None,
            case=case,
            subject_name="" if case else rng.choice(SUBJECTS),
            subject_birth_date=None
            if case
            else dt.date(rng.randint(1975, 2010), 1 + index % 12, 10),
            received_on=received,
            due_on=due,
            officer=rng.choice(pks) if stop >= 1 else None,
            status=RequestStatus.CANCELLED if stop < 0 else PATH[stop],
            tracking_code=code,
            cancel_note="Ditarik oleh peminta" if stop < 0 else "",
            registered_by=registrar,
        )
        plans.append((request, stop))
    LitmasRequest.objects.bulk_create([r for r, _stop in plans])
    _steps_and_reports(ctx, rng, office, outline, now, plans, head, section_head)
    _guidance_litmas(ctx, rng, office, outline, used, head, section_head)


def _guidance_litmas(ctx, rng, office, outline, used, head, section_head) -> None:
    """The litmas pembimbingan that bases each client's programme (DOMAIN.md §2 step 3):
    written and acknowledged for most cases whose guidance began over six weeks ago; the
    rest are due or overdue on their officers' worklists."""
    cases = (
        SupervisionCase.objects.open()
        .filter(office=office, officer__isnull=False)
        .filter(guidance_start__lte=ctx.day - dt.timedelta(days=45))
        .select_related("client", "officer")
        .order_by("pk")
    )
    counters = dict(LitmasCounter.objects.filter(office=office).values_list("year", "last"))
    requests, steps, reports, versions = [], [], [], []
    for case in cases:
        if rng.random() >= GUIDANCE_LITMAS_WRITTEN:
            continue
        received = case.guidance_start + dt.timedelta(days=rng.randint(1, 7))
        request = LitmasRequest(
            office=office, type=LitmasType.PEMBIMBINGAN, requester_kind=RequesterKind.INTERNAL,
            requester_name=office.name, client=case.client, case=case,
            received_on=received, due_on=add_working_days(received, 12),
            officer_id=case.officer_id, status=RequestStatus.ACKNOWLEDGED,
            tracking_code=_code(rng, used), registered_by=section_head,
        )  # fmt: skip
        done = received + dt.timedelta(days=rng.randint(8, 25))
        year = done.year
        counters[year] = counters.get(year, 0) + 1
        report = LitmasReport(
            request=request, outline=outline, sequence=counters[year],
            number=f"LITMAS.{counters[year]:04d}/{TYPE_CODES[request.type]}/{year}"
            f"/{office.code.upper()}",
            author=case.officer, status=ReportStatus.ACKNOWLEDGED,
            submitted_at=_at(done), reviewed_by=section_head, reviewed_at=_at(done),
            acknowledged_by=head, acknowledged_at=_at(done),
        )  # fmt: skip
        requests.append(request)
        reports.append(report)
        steps += [LitmasRequestStep(request=request, status=s, at=_at(received)) for s in WRITTEN]
        content = _content(outline, request.type, case.client.full_name, office.name)
        sources = [{"kind": "interview", "date": received.isoformat(), "note": "Klien"}]
        versions.append(
            LitmasVersion(
                report=report, number=1, content=content, sources=sources,
                reason=VersionReason.STARTED, created_by=case.officer,
                submitted_at=_at(done),
            )
        )  # fmt: skip
    LitmasRequest.objects.bulk_create(requests, batch_size=500)
    LitmasRequestStep.objects.bulk_create(steps, batch_size=2000)
    LitmasReport.objects.bulk_create(reports, batch_size=500)
    LitmasVersion.objects.bulk_create(versions, batch_size=500)
    for year, last in counters.items():
        LitmasCounter.objects.update_or_create(office=office, year=year, defaults={"last": last})


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))


def _steps_and_reports(ctx, rng, office, outline, now, plans, head, section_head) -> None:
    steps, reports, versions = [], [], []
    year = ctx.day.year
    seq = LitmasCounter.objects.filter(office=office, year=year).values_list("last", flat=True)
    last = seq.first() or 0
    for request, stop in plans:
        day = request.received_on
        path = PATH[: stop + 1] if stop >= 0 else [RequestStatus.RECEIVED]
        for status in path:
            steps.append(
                LitmasRequestStep(request=request, status=status, at=_at(min(day, ctx.day)))
            )
            day += dt.timedelta(days=rng.randint(1, 4))
        if stop < 0:
            steps.append(
                LitmasRequestStep(
                    request=request, status=RequestStatus.CANCELLED, at=_at(min(day, ctx.day))
                )
            )
        if request.status not in REPORT_STATUS:
            continue
        last += 1
        report_status: str = REPORT_STATUS[request.status]
        done = report_status != ReportStatus.DRAFT
        report = LitmasReport(
            request=request,
            outline=outline,
            number=f"LITMAS.{last:04d}/{TYPE_CODES[request.type]}/{year}/{office.code.upper()}",
            sequence=last,
            author=request.officer,
            status=report_status,
            submitted_at=_at(day) if done else None,
            reviewed_by=section_head
            if report_status in (ReportStatus.REVIEWED, ReportStatus.ACKNOWLEDGED)
            else None,
            reviewed_at=_at(day)
            if report_status in (ReportStatus.REVIEWED, ReportStatus.ACKNOWLEDGED)
            else None,
            acknowledged_by=head if report_status == ReportStatus.ACKNOWLEDGED else None,
            acknowledged_at=_at(day) if report_status == ReportStatus.ACKNOWLEDGED else None,
        )
        reports.append(report)
        content = _content(outline, request.type, request.subject_display, request.requester_name)
        sources = [
            {"kind": "interview", "date": request.received_on.isoformat(), "note": "Klien"},
            {
                "kind": "home_visit",
                "date": min(request.received_on + dt.timedelta(days=2), ctx.day).isoformat(),
                "note": "Keluarga dan penjamin",
            },
        ]
        versions.append(
            LitmasVersion(
                report=report, number=1, content=content, sources=sources,
                reason=VersionReason.STARTED, created_by=request.officer,
                submitted_at=_at(day) if done else None,
            )
        )  # fmt: skip
        if done and rng.random() < 0.3:  # returned once and corrected
            versions[-1].submitted_at = _at(day)
            versions.append(
                LitmasVersion(
                    report=report, number=2, content=content, sources=sources,
                    reason=VersionReason.RETURNED, note="Lengkapi tanggapan korban.",
                    created_by=section_head, submitted_at=_at(day),
                )
            )  # fmt: skip
    LitmasRequestStep.objects.bulk_create(steps)
    LitmasReport.objects.bulk_create(reports)
    LitmasVersion.objects.bulk_create(versions)
    LitmasCounter.objects.update_or_create(office=office, year=year, defaults={"last": last})


def remove(office_ids: list[int]) -> None:
    """Requests PROTECT their office, client and staff; their steps, reports and versions go
    with them."""
    LitmasRequest.objects.filter(office_id__in=office_ids).delete()
