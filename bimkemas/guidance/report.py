"""The progress report (laporan perkembangan pembimbingan) of an evaluation as a
`DocumentContent`: the client's identity, the stage and its period, every pre-filled fact as
sections and tables, the PK's judgement, and the signatures of the PK and, "Mengetahui", the
section head who approved it. Content is Indonesian, as official letters are."""

import datetime as dt
from typing import Any

from bimkemas.accounts.models import Role, User
from bimkemas.documents.content import DocumentContent, Section, Signature
from bimkemas.documents.formatting import tanggal, tanggal_pendek
from bimkemas.documents.models import letterhead_for
from bimkemas.guidance.models import Evaluation

STAGES = {"awal": "Tahap Awal", "lanjutan": "Tahap Lanjutan", "akhir": "Tahap Akhir"}
AREAS = {
    "religion": "Keagamaan",
    "legal": "Kesadaran hukum",
    "health": "Kesehatan",
    "attitude": "Sikap dan perilaku",
    "skills": "Keterampilan",
    "work": "Pekerjaan",
    "family": "Keluarga",
    "substance": "Penyalahgunaan zat",
    "other": "Lainnya",
}
METHODS = {"casework": "Casework (individu)", "groupwork": "Groupwork (kelompok)"}
ATTENDANCE = {"attended": "Hadir", "absent": "Tidak hadir", "excused": "Izin"}
REPORTING = {
    "reported": "Lapor",
    "missed": "Tidak lapor",
    "excused": "Dimaafkan",
    "open": "Berjalan",
}
RECOMMENDATIONS = {
    "continue": "Dilanjutkan ke tahap berikutnya",
    "extend": "Diperpanjang pada tahap ini",
    "revoke": "Diusulkan pencabutan",
    "complete": "Bimbingan diakhiri (selesai)",
    "": "-",
}


def _day(text: str) -> str:
    return tanggal_pendek(dt.date.fromisoformat(text)) if text else "-"


def _name(user: User | None) -> str:
    return (user.get_full_name() or user.username) if user is not None else ""


def _identity(evaluation: Evaluation) -> list[tuple[str, str]]:
    case, client = evaluation.case, evaluation.case.client
    return [
        ("Nomor register", case.register_number),
        ("Nama", client.full_name),
        ("Tempat, tanggal lahir", f"{client.birth_place}, {tanggal(client.birth_date)}"),
        ("Alamat", client.address_line),
        ("Program", f"{case.programme.name} ({case.programme.code})"),
        ("Masa bimbingan", f"{tanggal(case.guidance_start)} – {tanggal(case.guidance_end)}"),
        ("Tahap", STAGES.get(evaluation.stage, evaluation.stage)),
        (
            "Periode laporan",
            f"{tanggal(evaluation.period_start)} – {tanggal(evaluation.period_end)}",
        ),
    ]


def _reporting(facts: dict[str, Any]) -> Section:
    reporting = facts.get("reporting") or {}
    counts = reporting.get("counts") or {}
    summary = ", ".join(f"{REPORTING.get(k, k)}: {v}" for k, v in counts.items()) or "-"
    rows = [["Periode", "Status"]] + [
        [f"{_day(p['start'])} – {_day(p['end'])}", REPORTING.get(p["status"], p["status"])]
        for p in reporting.get("periods", [])
    ]
    return Section(
        heading="I. PELAKSANAAN WAJIB LAPOR",
        paragraphs=[f"Rekapitulasi: {summary}."],
        rows=rows if len(rows) > 1 else [],
        header=True,
    )


def _plan(facts: dict[str, Any]) -> Section:
    plan = facts.get("plan")
    if not plan:
        return Section(
            heading="II. RENCANA PROGRAM BIMBINGAN",
            paragraphs=["Belum ada rencana program yang disepakati untuk tahap ini."],
        )
    rows = [["Bidang", "Kegiatan", "Metode", "Frekuensi", "Terlaksana"]] + [
        [
            AREAS.get(item["area"], item["area"]),
            item["description"],
            METHODS.get(item["method"], item["method"]),
            item["frequency"] or "-",
            f"{'Ya' if item['done'] else 'Belum'} ({item['attended']}/{item['expected']})",
        ]
        for item in plan["items"]
    ]
    agreed = f"disepakati klien {_day(plan['agreed_on'])}" if plan.get("agreed_on") else ""
    return Section(
        heading="II. RENCANA PROGRAM BIMBINGAN",
        paragraphs=[f"Versi {plan['version']}, {agreed}."],
        rows=rows,
        header=True,
    )


def _table(heading: str, empty: str, header: list[str], rows: list[list[str]]) -> Section:
    if not rows:
        return Section(heading=heading, paragraphs=[empty])
    return Section(heading=heading, rows=[header, *rows], header=True)


def _facts_sections(facts: dict[str, Any]) -> list[Section]:
    activities = [
        [
            _day(a["date"]),
            a["title"],
            AREAS.get(a["area"], a["area"]),
            METHODS.get(a["method"], a["method"]),
            ATTENDANCE.get(a["status"], a["status"]),
        ]
        for a in facts.get("activities", [])
    ]
    assessments = [
        [
            _day(a["date"]),
            a["instrument"],
            str(a["score"] if a["score"] is not None else "-"),
            a["band"] or "-",
        ]
        for a in facts.get("assessments", [])
    ]
    violations = [
        [_day(v["date"]), v["kind"], v["summary"], v["status"]] for v in facts.get("violations", [])
    ]
    visits = [
        [_day(v["date"]), v["officer"], v["persons_met"] or "-", v["findings"] or "-"]
        for v in facts.get("home_visits", [])
    ]
    return [
        _reporting(facts),
        _plan(facts),
        _table(
            "III. KEGIATAN BIMBINGAN",
            "Tidak ada kegiatan bimbingan tercatat pada periode ini.",
            ["Tanggal", "Kegiatan", "Bidang", "Metode", "Kehadiran"],
            activities,
        ),
        _table(
            "IV. ASESMEN RISIKO DAN KEBUTUHAN",
            "Tidak ada asesmen pada periode ini.",
            ["Tanggal", "Instrumen", "Skor", "Kategori"],
            assessments,
        ),
        _table(
            "V. PELANGGARAN",
            "Tidak ada pelanggaran tercatat pada periode ini.",
            ["Tanggal", "Jenis", "Uraian", "Status"],
            violations,
        ),
        _table(
            "VI. KUNJUNGAN RUMAH",
            "Tidak ada kunjungan rumah pada periode ini.",
            ["Tanggal", "Petugas", "Yang ditemui", "Temuan"],
            visits,
        ),
    ]


def _judgement(evaluation: Evaluation) -> Section:
    return Section(
        heading="VII. EVALUASI DAN REKOMENDASI PK",
        facts=[
            ("Perkembangan klien", evaluation.progress_summary or "-"),
            ("Sikap dan perilaku", evaluation.attitude or "-"),
            ("Kepatuhan terhadap syarat", evaluation.compliance_judgement or "-"),
            ("Rekomendasi", RECOMMENDATIONS.get(evaluation.recommendation, "-")),
        ],
    )


def _approver(evaluation: Evaluation) -> Signature:
    approver = evaluation.approved_by
    if approver is not None:
        role = "Kepala Bapas" if approver.role == Role.HEAD else "Kepala Seksi Bimbingan Klien"
        return Signature(label="Mengetahui", role=role, name=_name(approver), nip=approver.nip)
    return Signature(label="Mengetahui", role="Kepala Seksi Bimbingan Klien", name="")


def progress_report_content(evaluation: Evaluation, day: dt.date) -> DocumentContent:
    author = evaluation.author
    status = "" if evaluation.status == "approved" else " (belum disetujui)"
    return DocumentContent(
        title="LAPORAN PERKEMBANGAN PEMBIMBINGAN KLIEN",
        number=evaluation.case.register_number,
        subtitle=f"{STAGES.get(evaluation.stage, evaluation.stage)}, versi "
        f"{evaluation.version}{status}",
        place=letterhead_for(evaluation.case.office).city,
        date=tanggal(day),
        facts=_identity(evaluation),
        sections=[*_facts_sections(evaluation.prefill or {}), _judgement(evaluation)],
        signatures=[
            Signature(role="Pembimbing Kemasyarakatan", name=_name(author), nip=author.nip),
            _approver(evaluation),
        ],
        extra={"stage": STAGES.get(evaluation.stage, ""), "version": evaluation.version},
    )
