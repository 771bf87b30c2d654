"""The violation letter (Surat Teguran, Surat Peringatan I, II …) as a `DocumentContent`:
the violation, the rung, what the next rung would be, signed by the officer and known to
the Kepala Bapas. In Indonesian, like every official letter."""

from django.utils import translation
from django.utils.translation import gettext as _

from bimkemas.accounts.models import User
from bimkemas.clients.card import office_head
from bimkemas.core.errors import ApplicationError
from bimkemas.documents.content import DocumentContent, Section, Signature
from bimkemas.documents.formatting import tanggal
from bimkemas.documents.models import DocumentKind, GeneratedDocument, letterhead_for
from bimkemas.documents.selectors import documents_of
from bimkemas.documents.services import document_generate
from bimkemas.violations.access import can_generate_letter
from bimkemas.violations.ladder import next_rung_after, office_ladder
from bimkemas.violations.models import (
    GENERAL_KINDS,
    ViolationDecision,
    ViolationKind,
    ViolationSource,
)

# Official letters are in Indonesian whatever the UI language or the catalogue's state.
KIND_ID: dict[str, str] = {
    ViolationKind.SUSPECT: "Melakukan tindak pidana baru (ditetapkan sebagai tersangka)",
    ViolationKind.NEW_OFFENCE: "Melakukan tindak pidana baru (dijatuhi pidana)",
    ViolationKind.PUBLIC_UNREST: "Menimbulkan keresahan dalam masyarakat",
    ViolationKind.THREE_MISSES: "Tidak wajib lapor tiga kali berturut-turut",
    ViolationKind.ADDRESS_CHANGE: "Tidak melaporkan perubahan alamat atau tempat tinggal",
    ViolationKind.PROGRAMME: "Tidak mengikuti program bimbingan",
}
SOURCE_ID: dict[str, str] = {
    ViolationSource.REPORTING: "Catatan wajib lapor",
    ViolationSource.COMPLAINT: "Pengaduan",
    ViolationSource.HOME_VISIT: "Kunjungan rumah",
    ViolationSource.NOTICE: "Pemberitahuan kepolisian atau lembaga pemasyarakatan",
    ViolationSource.MATCH: "Pencocokan data lembaga pemasyarakatan atau pengadilan",
    ViolationSource.OFFICER: "Temuan Pembimbing Kemasyarakatan",
}


def _name(user: User | None) -> str:
    return (user.get_full_name() or user.username) if user is not None else ""


def _consequence(decision: ViolationDecision) -> str:
    rungs = office_ladder(decision.case.office_id)
    following = next_rung_after(decision.rung, rungs)
    if following is None:
        return ""
    if following.proposes_revocation:
        return (
            "Apabila Saudara kembali melanggar syarat-syarat bimbingan, Pembimbing "
            "Kemasyarakatan akan mengusulkan pencabutan program pembinaan Saudara "
            f"({following.name})."
        )
    return (
        "Apabila Saudara kembali melanggar syarat-syarat bimbingan, kepada Saudara akan "
        f"diberikan {following.name}."
    )


def letter_content(decision: ViolationDecision) -> DocumentContent:
    violation = decision.violation
    case = decision.case
    client = case.client
    office = case.office
    head = office_head(case.office_id)
    officer = decision.by
    with translation.override("id"):
        condition = "syarat umum" if violation.kind in GENERAL_KINDS else "syarat khusus"
        facts = [
            ("Nama", client.full_name),
            ("Tempat, tanggal lahir", f"{client.birth_place}, {tanggal(client.birth_date)}"),
            ("Alamat", client.address_line),
            ("Nomor register", case.register_number),
            ("Program", f"{case.programme.name} ({case.programme.code})"),
            ("Masa bimbingan", f"{tanggal(case.guidance_start)} s.d. {tanggal(case.guidance_end)}"),
        ]
        violation_facts = [
            ("Jenis pelanggaran", f"{KIND_ID.get(violation.kind, violation.kind)} ({condition})"),
            ("Tanggal", tanggal(violation.occurred_on)),
            ("Sumber", SOURCE_ID.get(violation.source, violation.source)),
            ("Uraian", violation.summary),
        ]
        if violation.evidence:
            violation_facts.append(("Bukti", violation.evidence))
        opening = (
            f"Berdasarkan hasil pengawasan {office.name}, Saudara telah melanggar "
            f"{condition} program {case.programme.name} sebagaimana diuraikan di bawah ini."
        )
        response = [
            f"Atas pelanggaran tersebut, kepada Saudara diberikan {decision.rung_name} "
            f"pada tanggal {tanggal(decision.decided_on)}."
        ]
        if decision.note:
            response.append(decision.note)
        consequence = _consequence(decision)
        if consequence:
            response.append(consequence)
        response.append(
            "Demikian surat ini disampaikan untuk diperhatikan dan dipatuhi sebagaimana mestinya."
        )
        signatures = [
            Signature(
                role="Pembimbing Kemasyarakatan",
                name=_name(officer),
                nip=officer.nip if officer else "",
            ),
            Signature(
                role=f"Kepala {office.name}",
                name=_name(head),
                nip=head.nip if head else "",
                label="Mengetahui",
            ),
        ]
        return DocumentContent(
            title=decision.rung_title,
            number=decision.letter_number,
            confidential=True,
            place=letterhead_for(office).city,
            date=tanggal(decision.decided_on),
            facts=facts,
            sections=[
                Section(heading="", paragraphs=[opening]),
                Section(heading="Pelanggaran", facts=violation_facts),
                Section(heading="Tindakan", paragraphs=response),
            ],
            signatures=signatures,
            extra={"rung": decision.rung_name},
        )


def letter_generate(*, actor: User, decision: ViolationDecision, fmt: str) -> GeneratedDocument:
    """A new version of the decision's letter (DOCX or PDF), numbered when decided."""
    case = decision.case
    if not can_generate_letter(actor, case):
        raise ApplicationError(
            _("Only the client's officer or a section or Bapas head of the office may do this.")
        )
    if not decision.produces_letter:
        raise ApplicationError(_("This response has no letter."))
    return document_generate(
        actor=actor,
        kind=DocumentKind.VIOLATION_LETTER,
        source=decision,
        office=case.office,
        content=letter_content(decision),
        fmt=fmt,
        client=case.client,
    )


def letter_versions(decision: ViolationDecision | None):
    if decision is None:
        return GeneratedDocument.objects.none()
    return documents_of(decision, DocumentKind.VIOLATION_LETTER)
