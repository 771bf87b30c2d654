"""The litmas report as a generated document (DocumentKind.LITMAS): RAHASIA, the register
number, every section in the outline's order, the data sources, the recommendation citing the
TPP session, the PK's signature and the Bapas head's "Mengetahui"."""

from django.utils.formats import date_format
from django.utils.translation import override

from bimkemas.accounts.models import Role, User
from bimkemas.documents.content import DocumentContent, Section, Signature
from bimkemas.litmas.models import LitmasReport, LitmasVersion, SectionKind, SourceKind

SOURCE_LABELS = {
    SourceKind.INTERVIEW: "Wawancara",
    SourceKind.HOME_VISIT: "Kunjungan rumah",
    SourceKind.VIDEO_CALL: "Panggilan video",
    SourceKind.DOCUMENTS: "Dokumen",
    SourceKind.LOCAL_GOVERNMENT: "Pemerintah setempat",
    SourceKind.BHABINKAMTIBMAS: "Bhabinkamtibmas",
}

TYPE_TITLES = {
    "integrasi": "Untuk Program Integrasi (PB/CB/CMB)",
    "asimilasi": "Untuk Program Asimilasi",
    "pembimbingan": "Untuk Pembimbingan Klien",
    "pembinaan_awal": "Untuk Pembinaan Awal",
    "penempatan_awal": "Untuk Penempatan Awal",
    "perawatan_tahanan": "Untuk Perawatan Tahanan",
    "pemindahan": "Untuk Pemindahan",
    "cuti_mengunjungi_keluarga": "Untuk Cuti Mengunjungi Keluarga",
    "diversi": "Untuk Diversi",
    "sidang_anak": "Untuk Sidang Anak",
    "anak_di_bawah_12": "Untuk Anak yang Belum Berumur 12 Tahun",
    "saksi_korban": "Untuk Anak Saksi/Korban",
}


def _d(day) -> str:
    with override("id"):
        return date_format(day, "j F Y")


def _section(heading: str, kind: str, value) -> Section:
    if kind == SectionKind.FACTS:
        return Section(heading, facts=[(label, text) for label, text in value or []])
    if kind == SectionKind.TABLE:
        return Section(heading, rows=[list(row) for row in value or []])
    paragraphs = [p.strip() for p in str(value or "").split("\n") if p.strip()]
    return Section(heading, paragraphs=paragraphs or ["-"])


def _tpp_citation(report: LitmasReport) -> str:
    session = getattr(report, "tpp_session", None)
    if session is None:
        return ""
    return f"Sesuai hasil Sidang TPP nomor {session.number} tanggal {_d(session.held_on)}."


def _head(report: LitmasReport) -> User | None:
    if report.acknowledged_by_id:
        return report.acknowledged_by
    return User.objects.filter(office_id=report.request.office_id, role=Role.HEAD).first()


def litmas_content(report: LitmasReport, version: LitmasVersion | None = None) -> DocumentContent:
    version = version or report.current
    request = report.request
    office = request.office
    sections = []
    for index, section in enumerate(report.outline.sections_for(request.type), start=1):
        heading = f"{index}. {section['heading'].upper()}"
        built = _section(
            heading, section.get("kind", SectionKind.TEXT), version.content.get(section["code"])
        )
        if section["code"] == "rekomendasi" and _tpp_citation(report):
            built.paragraphs.append(_tpp_citation(report))
        sections.append(built)
    if version.sources:
        sections.append(
            Section(
                "SUMBER DATA",
                rows=[["Sumber", "Tanggal", "Keterangan"]]
                + [
                    [SOURCE_LABELS.get(s["kind"], s["kind"]), _d(_date(s["date"])), s["note"]]
                    for s in version.sources
                ],
                header=True,
            )
        )
    author = report.author
    head = _head(report)
    signatures = [Signature("Pembimbing Kemasyarakatan", str(author), author.nip)]
    if head is not None:
        signatures.append(Signature(f"Kepala {office.name}", str(head), head.nip, "Mengetahui"))
    place = office.name.rsplit(" ", 1)[-1]
    return DocumentContent(
        title="LAPORAN PENELITIAN KEMASYARAKATAN",
        number=report.number,
        subtitle=TYPE_TITLES.get(request.type, ""),
        confidential=True,
        place=place,
        date=_d((report.submitted_at or version.created_at).date()),
        facts=[
            ("Nama", request.subject_display),
            ("Permintaan dari", request.requester_name),
            ("Nomor surat", request.letter_number or "-"),
        ],
        sections=sections,
        signatures=signatures,
        extra={"version": version.number, "tpp": _tpp_citation(report)},
    )


def _date(text: str):
    import datetime as dt

    return dt.date.fromisoformat(text)
