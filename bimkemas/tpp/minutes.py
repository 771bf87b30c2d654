"""The berita acara of a sidang TPP as a `DocumentContent` (DOCX and PDF through the
documents app), in Indonesian whatever the reader's language."""

import datetime as dt

from django.utils import translation

from bimkemas.accounts.models import User
from bimkemas.clients.stages import Stage
from bimkemas.documents.content import DocumentContent, Section, Signature
from bimkemas.documents.formatting import hari_tanggal, tanggal
from bimkemas.documents.models import DocumentKind, GeneratedDocument, letterhead_for
from bimkemas.documents.selectors import documents_of
from bimkemas.documents.services import document_generate
from bimkemas.tpp.models import AgendaKind, Decision, MemberRole, TppSession

TITLE = "BERITA ACARA SIDANG TIM PENGAMAT PEMASYARAKATAN"
STAGES = {Stage.AWAL: "tahap awal", Stage.LANJUTAN: "tahap lanjutan", Stage.AKHIR: "tahap akhir"}
KINDS = {
    AgendaKind.STAGE_TRANSITION: "Peralihan tahap bimbingan",
    AgendaKind.PLAN_APPROVAL: "Persetujuan rencana program bimbingan",
    AgendaKind.REVOCATION: "Rekomendasi pencabutan",
    AgendaKind.LITMAS: "Rekomendasi Litmas",
    AgendaKind.OTHER: "Lain-lain",
}
DECISIONS = {
    Decision.APPROVED: "Disetujui",
    Decision.REJECTED: "Ditolak",
    Decision.DEFERRED: "Ditunda",
    "": "Belum diputuskan",
}
ROLES = {
    MemberRole.CHAIR: "Ketua",
    MemberRole.SECRETARY: "Sekretaris",
    MemberRole.MEMBER: "Anggota",
    MemberRole.GUEST: "Undangan",
}


def _name(user: User | None) -> str:
    return (user.get_full_name() or user.username) if user is not None else ""


def _attendance(session: TppSession) -> Section:
    rows = [["No.", "Nama", "NIP / Instansi", "Jabatan dalam sidang", "Hadir"]]
    for number, member in enumerate(session.members.select_related("user"), start=1):
        detail = member.user.nip if member.user else member.institution
        rows.append(
            [
                str(number),
                _name(member.user) if member.user else member.name,
                detail or "-",
                ROLES[MemberRole(member.role)],
                "Hadir" if member.present else "Tidak hadir",
            ]
        )
    return Section(heading="DAFTAR HADIR", rows=rows, header=True)


def _kind(item) -> str:
    kind = KINDS[AgendaKind(item.kind)]
    if item.kind == AgendaKind.STAGE_TRANSITION and item.to_stage:
        kind += f" ({STAGES[Stage(item.from_stage)]} ke {STAGES[Stage(item.to_stage)]})"
    return kind


def _agenda(session: TppSession) -> list[Section]:
    items = session.items.select_related("case__client", "presented_by").order_by("id")
    overview = [["No.", "Nama klien", "Nomor register", "Perihal", "Keputusan"]]
    details = []
    for number, item in enumerate(items, start=1):
        case = item.case
        decision = DECISIONS[item.decision]
        overview.append(
            [str(number), case.client.full_name, case.register_number, _kind(item), decision]
        )
        details.append(
            Section(
                heading=f"{number}. {case.client.full_name} ({case.register_number})",
                facts=[
                    ("Perihal", _kind(item)),
                    ("Disampaikan oleh", _name(item.presented_by) or "-"),
                    ("Uraian", item.summary or "-"),
                    ("Rekomendasi", item.recommendation or "-"),
                    (
                        "Keputusan",
                        decision + (f": {item.decision_note}" if item.decision_note else ""),
                    ),
                ],
            )
        )
    return [Section(heading="KLIEN YANG DISIDANGKAN", rows=overview, header=True), *details]


def minutes_content(session: TppSession, day: dt.date | None = None) -> DocumentContent:
    with translation.override("id"):
        return DocumentContent(
            title=TITLE,
            number=session.number,
            place=letterhead_for(session.office).city,
            date=tanggal(day or session.held_on),
            facts=[
                ("Nomor", session.number),
                ("Hari, tanggal", hari_tanggal(session.held_on)),
                ("Tempat", session.place),
                ("Ketua sidang", _name(session.chair)),
                ("Sekretaris", _name(session.secretary)),
            ],
            sections=[
                Section(
                    heading="PEMBUKAAN",
                    paragraphs=[
                        f"Pada {hari_tanggal(session.held_on)} bertempat di {session.place} "
                        f"telah dilaksanakan sidang Tim Pengamat Pemasyarakatan "
                        f"{session.office.name} dengan hasil sebagai berikut."
                    ],
                ),
                _attendance(session),
                *_agenda(session),
                *(
                    [Section(heading="CATATAN", paragraphs=[session.notes])]
                    if session.notes
                    else []
                ),
            ],
            signatures=[
                Signature(
                    role="Sekretaris TPP", name=_name(session.secretary), nip=session.secretary.nip
                ),
                Signature(role="Ketua TPP", name=_name(session.chair), nip=session.chair.nip),
            ],
        )


def minutes_generate(*, actor: User, session: TppSession, fmt: str) -> GeneratedDocument:
    """A new version of the session's minutes (an office document: no client)."""
    return document_generate(
        actor=actor,
        kind=DocumentKind.TPP_MINUTES,
        source=session,
        office=session.office,
        content=minutes_content(session),
        fmt=fmt,
        client=None,
    )


def minutes_versions(session: TppSession):
    return documents_of(session, DocumentKind.TPP_MINUTES)
