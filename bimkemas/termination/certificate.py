"""The surat keterangan selesai menjalani bimbingan (completion certificate) as a
`DocumentContent`, signed by the Kepala Bapas, in Indonesian."""

from django.utils import translation

from bimkemas.accounts.models import User
from bimkemas.clients.card import office_head
from bimkemas.documents.content import DocumentContent, Section, Signature
from bimkemas.documents.formatting import tanggal
from bimkemas.documents.models import DocumentKind, GeneratedDocument, letterhead_for
from bimkemas.documents.selectors import documents_of
from bimkemas.documents.services import document_generate
from bimkemas.termination.models import Termination

TITLE = "SURAT KETERANGAN SELESAI MENJALANI BIMBINGAN"


def _name(user: User | None) -> str:
    return (user.get_full_name() or user.username) if user is not None else ""


def certificate_content(termination: Termination) -> DocumentContent:
    case = termination.case
    client = case.client
    office = case.office
    head = office_head(case.office_id)
    with translation.override("id"):
        facts = [
            ("Nama", client.full_name),
            ("Tempat, tanggal lahir", f"{client.birth_place}, {tanggal(client.birth_date)}"),
        ]
        if client.nik:
            facts.append(("NIK", client.nik))
        facts += [
            ("Alamat", client.address_line),
            ("Nomor register", case.register_number),
            ("Program", f"{case.programme.name} ({case.programme.code})"),
            ("Nomor dan tanggal SK", f"{case.sk_number}, {tanggal(case.sk_date)}"),
            ("Masa bimbingan", f"{tanggal(case.guidance_start)} s.d. {tanggal(case.guidance_end)}"),
        ]
        statement = (
            f"Kepala {office.name} menerangkan bahwa klien pemasyarakatan tersebut di atas "
            f"telah selesai menjalani masa bimbingan {case.programme.name} di {office.name} "
            f"pada tanggal {tanggal(case.guidance_end)}."
        )
        paragraphs = [statement]
        if case.aftercare_until:
            paragraphs.append(
                "Klien mengikuti bimbingan tambahan (after care) sampai dengan tanggal "
                f"{tanggal(case.aftercare_until)}."
            )
        paragraphs.append(
            "Demikian surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya."
        )
        return DocumentContent(
            title=TITLE,
            number=termination.certificate_number,
            place=letterhead_for(office).city,
            date=tanggal(termination.on),
            facts=facts,
            sections=[Section(heading="", paragraphs=paragraphs)],
            signatures=[
                Signature(
                    role=f"Kepala {office.name}", name=_name(head), nip=head.nip if head else ""
                )
            ],
        )


def certificate_generate(*, actor: User, termination: Termination, fmt: str) -> GeneratedDocument:
    case = termination.case
    return document_generate(
        actor=actor,
        kind=DocumentKind.COMPLETION_CERTIFICATE,
        source=termination,
        office=case.office,
        content=certificate_content(termination),
        fmt=fmt,
        client=case.client,
    )


def certificate_versions(termination: Termination):
    return documents_of(termination, DocumentKind.COMPLETION_CERTIFICATE)
