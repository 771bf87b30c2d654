"""The revocation's documents, in Indonesian: the statement (BAP, berita acara pemeriksaan)
and the revocation report (laporan pencabutan) as `DocumentContent`; and the export
package for the regional office / Ditjenpas (a ZIP: the report's PDF and the case as JSON)."""

import hashlib
import io
import json
import zipfile

from django.utils import translation

from bimkemas.accounts.models import User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.clients.card import office_head
from bimkemas.documents.content import DocumentContent, Section, Signature
from bimkemas.documents.formatting import tanggal
from bimkemas.documents.models import (
    DocumentFormat,
    DocumentKind,
    GeneratedDocument,
    letterhead_for,
)
from bimkemas.documents.selectors import documents_of
from bimkemas.documents.services import document_generate
from bimkemas.revocation.models import Revocation, RevocationStep
from bimkemas.revocation.workflow import StepKind

KINDS = {
    "statement": DocumentKind.REVOCATION_STATEMENT,
    "report": DocumentKind.REVOCATION_REPORT,
}
EXPORT_FORMAT = "bimkemas.revocation/1"


def _name(user: User | None) -> str:
    return (user.get_full_name() or user.username) if user is not None else ""


def _identity(revocation: Revocation) -> list[tuple[str, str]]:
    case = revocation.case
    client = case.client
    facts = [
        ("Nama", client.full_name),
        ("Tempat, tanggal lahir", f"{client.birth_place}, {tanggal(client.birth_date)}"),
    ]
    if client.nik:
        facts.append(("NIK", client.nik))
    return [
        *facts,
        ("Alamat", client.address_line),
        ("Nomor register", case.register_number),
        ("Program", f"{case.programme.name} ({case.programme.code})"),
        ("Nomor dan tanggal SK", f"{case.sk_number}, {tanggal(case.sk_date)}"),
        ("Masa bimbingan", f"{tanggal(case.guidance_start)} s.d. {tanggal(case.guidance_end)}"),
    ]


def _steps(revocation: Revocation) -> list[RevocationStep]:
    return list(revocation.steps.select_related("actor").order_by("on", "pk"))


def statement_content(revocation: Revocation) -> DocumentContent:
    statement = revocation.steps.filter(kind=StepKind.STATEMENT).select_related("actor").first()
    case = revocation.case
    with translation.override("id"):
        sections = []
        details = statement.details if statement else {}
        rows = [["No.", "Pertanyaan", "Jawaban"]] + [
            [str(n), pair["question"], pair["answer"]]
            for n, pair in enumerate(details.get("questions", []), start=1)
        ]
        intro = (
            f"Pada hari ini, {tanggal(statement.on)}, bertempat di {case.office.name}, "
            "telah dilakukan pemeriksaan terhadap klien pemasyarakatan tersebut di atas "
            f"sehubungan dengan dugaan pelanggaran: {revocation.get_grounds_display()}."
            if statement
            else "Berita acara pemeriksaan belum dicatat."
        )
        sections.append(Section(heading="", paragraphs=[intro]))
        if len(rows) > 1:
            sections.append(Section(heading="Pertanyaan dan jawaban", rows=rows, header=True))
        if details.get("statement"):
            sections.append(Section(heading="Keterangan", paragraphs=[details["statement"]]))
        sections.append(
            Section(
                heading="",
                paragraphs=[
                    "Demikian berita acara pemeriksaan ini dibuat dengan sebenarnya, dibacakan "
                    "kembali kepada yang diperiksa dan ditandatangani."
                ],
            )
        )
        examiner = statement.actor if statement else None
        return DocumentContent(
            title="BERITA ACARA PEMERIKSAAN",
            subtitle="Dalam Rangka Usulan Pencabutan",
            confidential=True,
            place=letterhead_for(case.office).city,
            date=tanggal(statement.on if statement else revocation.requested_on),
            facts=_identity(revocation),
            sections=sections,
            signatures=[
                Signature(role="Yang diperiksa", name=case.client.full_name),
                Signature(
                    role="Pemeriksa", name=_name(examiner), nip=getattr(examiner, "nip", "") or ""
                ),
            ],
        )


def _step_row(step: RevocationStep) -> list[str]:
    return [tanggal(step.on), str(step.get_kind_display()), _name(step.actor), step.note]


def report_content(revocation: Revocation) -> DocumentContent:
    case = revocation.case
    office = case.office
    head = office_head(case.office_id)
    with translation.override("id"):
        request = (
            f"Permintaan tertulis dari {revocation.sender}, nomor {revocation.letter_number}"
            if revocation.channel == "written"
            else f"Laporan lisan dari {revocation.sender}: {revocation.account}"
        )
        steps = [["Tanggal", "Tahap", "Petugas", "Catatan"]] + [
            _step_row(step) for step in _steps(revocation)
        ]
        paragraphs = [
            f"Dengan ini kami laporkan usulan pencabutan program {case.programme.name} atas "
            f"nama klien tersebut di atas, dengan alasan: {revocation.get_grounds_display()}.",
            f"Dasar: {request}, tanggal {tanggal(revocation.requested_on)}.",
            f"Standar pelayanan {revocation.service_days} hari kerja, batas waktu "
            f"{tanggal(revocation.due_on)}.",
        ]
        return DocumentContent(
            title="LAPORAN USULAN PENCABUTAN",
            subtitle=f"Program {case.programme.name}",
            confidential=True,
            place=letterhead_for(office).city,
            date=tanggal(revocation.steps.order_by("-on").values_list("on", flat=True).first()),
            facts=_identity(revocation),
            sections=[
                Section(heading="", paragraphs=paragraphs),
                Section(heading="Tahapan", rows=steps, header=True),
                Section(
                    heading="",
                    paragraphs=["Demikian laporan ini kami sampaikan untuk dapat diproses."],
                ),
            ],
            signatures=[
                Signature(
                    role=f"Kepala {office.name}", name=_name(head), nip=head.nip if head else ""
                )
            ],
        )


def letter_generate(
    *, actor: User, revocation: Revocation, which: str, fmt: str
) -> GeneratedDocument:
    content = statement_content(revocation) if which == "statement" else report_content(revocation)
    return document_generate(
        actor=actor,
        kind=KINDS[which],
        source=revocation,
        office=revocation.case.office,
        content=content,
        fmt=fmt,
        client=revocation.case.client,
    )


def letter_versions(revocation: Revocation):
    return documents_of(revocation).filter(kind__in=KINDS.values())


def case_record(revocation: Revocation, documents: list[GeneratedDocument]) -> dict:
    """The structured file of the export package."""
    case = revocation.case
    client = case.client
    steps = []
    for step in revocation.steps.select_related("actor", "agenda_item__session").prefetch_related(
        "documents"
    ):
        steps.append(
            {
                "kind": step.kind,
                "date": step.on.isoformat(),
                "actor": _name(step.actor),
                "actor_nip": step.actor.nip or "",
                "note": step.note,
                "details": step.details,
                "status_after": step.status_after,
                "tpp_session": step.agenda_item.session.number if step.agenda_item else None,
                "documents": [
                    {"name": d.original_name, "sha256": _sha256(d.file), "size": d.size}
                    for d in step.documents.all()
                ],
            }
        )
    return {
        "format": EXPORT_FORMAT,
        "office": {"code": case.office.code, "name": case.office.name},
        "client": {
            "full_name": client.full_name,
            "birth_place": client.birth_place,
            "birth_date": client.birth_date.isoformat() if client.birth_date else None,
            "sex": client.sex,
            "nik": client.nik or "",
            "address": client.address_line,
        },
        "case": {
            "register_number": case.register_number,
            "programme": case.programme.code,
            "sk_number": case.sk_number,
            "sk_date": case.sk_date.isoformat(),
            "sk_issuer": case.sk_issuer,
            "origin_facility": case.origin_facility.name,
            "offence": f"{case.offence_law} {case.offence_article}",
            "guidance_start": case.guidance_start.isoformat(),
            "guidance_end": case.guidance_end.isoformat(),
        },
        "violation": {
            "kind": revocation.violation.kind,
            "date": revocation.violation.occurred_on.isoformat(),
            "summary": revocation.violation.summary,
        }
        if revocation.violation
        else None,
        "revocation": {
            "id": str(revocation.public_id),
            "route": revocation.route,
            "status": revocation.status,
            "grounds": revocation.grounds,
            "request": {
                "channel": revocation.channel,
                "date": revocation.requested_on.isoformat(),
                "sender": revocation.sender,
                "letter_number": revocation.letter_number,
                "account": revocation.account,
            },
            "due_on": revocation.due_on.isoformat(),
            "decision_reference": revocation.decision_reference,
            "decided_on": revocation.decided_on.isoformat() if revocation.decided_on else None,
        },
        "steps": steps,
        "generated_documents": [
            {"kind": d.kind, "format": d.fmt, "version": d.version, "sha256": d.sha256}
            for d in documents
        ],
    }


def _sha256(field_file) -> str:
    digest = hashlib.sha256()
    try:
        with field_file.open("rb") as stream:
            for chunk in iter(lambda: stream.read(65536), b""):
                digest.update(chunk)
    except (OSError, ValueError):
        return ""
    return digest.hexdigest()


def export_package(*, actor: User, revocation: Revocation) -> tuple[str, bytes]:
    """(file name, ZIP bytes): a new PDF version of the report, and `kasus.json`."""
    report = letter_generate(actor=actor, revocation=revocation, which="report", fmt="pdf")
    with report.file.open("rb") as stream:
        pdf = stream.read()
    record = case_record(revocation, list(letter_versions(revocation)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(report.filename, pdf)
        package.writestr("kasus.json", json.dumps(record, ensure_ascii=False, indent=2))
    audit_record(
        actor=actor,
        action=AuditAction.DOWNLOAD,
        obj=revocation,
        client=revocation.case.client,
        summary="Export package (report PDF and case file)",
    )
    name = f"pencabutan-{revocation.case.register_number.replace('/', '-')}.zip"
    assert report.fmt == DocumentFormat.PDF
    return name, buffer.getvalue()
