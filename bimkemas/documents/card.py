"""The kartu bimbingan (guidance card) as a document kind: the content of `clients.card`'s
card (identity, SK, stages, PK, reporting duty, obligations, signatures) as a
`DocumentContent`, so it is generated as DOCX and PDF versions like every other document."""

import datetime as dt

from django.utils import translation

from bimkemas.accounts.models import User
from bimkemas.clients.card import office_head, reporting_duty_text
from bimkemas.clients.models import CaseDocument, SupervisionCase
from bimkemas.clients.stages import Stage
from bimkemas.documents.content import DocumentContent, Section, Signature
from bimkemas.documents.formatting import tanggal, tanggal_pendek
from bimkemas.documents.models import letterhead_for

STAGE_NAMES = {
    Stage.AWAL: "Tahap awal",
    Stage.LANJUTAN: "Tahap lanjutan",
    Stage.AKHIR: "Tahap akhir",
    Stage.AFTERCARE: "Bimbingan tambahan (after care)",
}
OBLIGATIONS = [
    "1. Melapor ke Bapas sesuai jadwal wajib lapor.",
    "2. Melaporkan setiap perubahan alamat atau nomor telepon kepada PK.",
    "3. Tidak melakukan tindak pidana.",
    "4. Mengikuti program bimbingan dan arahan PK.",
    "Pelanggaran atas syarat tersebut, termasuk tidak melapor tiga kali berturut-turut, dapat "
    "mengakibatkan pencabutan program.",
]


def _name(user: User | None) -> str:
    return (user.get_full_name() or user.username) if user is not None else ""


def _identity(case: SupervisionCase) -> list[tuple[str, str]]:
    client = case.client
    name = client.full_name + (f" (alias {client.aliases})" if client.aliases else "")
    facts = [
        ("Nomor register", case.register_number),
        ("Nama", name),
        ("Tempat, tanggal lahir", f"{client.birth_place}, {tanggal(client.birth_date)}"),
    ]
    if client.nik:
        facts.append(("NIK", client.nik))
    period = f"{tanggal(case.guidance_start)} – {tanggal(case.guidance_end)}"
    facts += [
        ("Alamat", client.address_line),
        ("Program", f"{case.programme.name} ({case.programme.code})"),
        ("SK", f"{case.sk_number}, {tanggal(case.sk_date)}"),
        ("Masa bimbingan", period),
    ]
    return facts


def _stages(case: SupervisionCase) -> Section:
    rows = [["Tahap", "Dari", "Sampai"]] + [
        [
            STAGE_NAMES.get(span.stage, str(span.stage)),
            tanggal_pendek(span.first_day),
            tanggal_pendek(span.last_day),
        ]
        for span in case.timeline()
    ]
    return Section(heading="TAHAP BIMBINGAN", rows=rows, header=True)


def _officer(case: SupervisionCase) -> Section:
    officer = case.officer
    if officer is None:
        return Section(heading="PEMBIMBING KEMASYARAKATAN (PK)", facts=[("Nama", "-")])
    name = _name(officer) + (f" · NIP {officer.nip}" if officer.nip else "")
    phone = officer.phone or case.office.phone or "-"
    facts = [("Nama", name), ("Jabatan", officer.title), ("Telepon", phone)]
    return Section(heading="PEMBIMBING KEMASYARAKATAN (PK)", facts=facts)


def guidance_card_content(case: SupervisionCase, day: dt.date) -> DocumentContent:
    """The card's content in Indonesian, whatever the reader's language."""
    with translation.override("id"):
        return _content(case, day)


def _photo(document: CaseDocument | None) -> bytes:
    """The client's front photo from the handover file, b"" when there is none."""
    if document is None or not document.is_image:
        return b""
    try:
        with document.file.open("rb") as photo:
            return photo.read()
    except OSError:
        return b""


def _content(case: SupervisionCase, day: dt.date) -> DocumentContent:
    head = office_head(case.office_id)
    officer = case.officer
    return DocumentContent(
        title="KARTU BIMBINGAN KLIEN PEMASYARAKATAN",
        number=case.register_number,
        place=letterhead_for(case.office).city,
        date=tanggal(day),
        facts=_identity(case),
        photo=_photo(case.client.photo),
        sections=[
            _stages(case),
            _officer(case),
            Section(heading="WAJIB LAPOR", paragraphs=[reporting_duty_text(case, day)]),
            Section(heading="KEWAJIBAN KLIEN", paragraphs=OBLIGATIONS),
        ],
        signatures=[
            Signature(role="Klien", name=case.client.full_name),
            Signature(
                role="Pembimbing Kemasyarakatan",
                name=_name(officer),
                nip=officer.nip if officer else "",
            ),
            Signature(
                label="Mengetahui",
                role=f"Kepala {case.office.name}",
                name=_name(head),
                nip=head.nip if head else "",
            ),
        ],
    )
