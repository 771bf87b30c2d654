"""What the system already knows, as the first content of a litmas report: the PK edits
rather than types. Content per section code: text (str), facts ([[label, value], …]) or
table rows ([[cell, …], …]); Indonesian, as it prints."""

import datetime as dt
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import override

from bimkemas.assessments.selectors import latest_scored, needs_of
from bimkemas.clients.models import Client, SupervisionCase
from bimkemas.litmas.models import LitmasRequest


def _d(day: dt.date | None) -> str:
    return date_format(day, "j F Y") if day else "-"


def _client_facts(client: Client) -> list[list[str]]:
    return [
        ["Nama", client.full_name],
        ["Alias", client.aliases or "-"],
        ["Tempat/tanggal lahir", f"{client.birth_place}, {_d(client.birth_date)}"],
        ["Jenis kelamin", "Laki-laki" if client.sex == "L" else "Perempuan"],
        ["Agama", client.get_religion_display()],
        ["NIK", client.nik or "-"],
        ["Alamat", client.address_line],
    ]


def _subject_facts(request: LitmasRequest) -> list[list[str]]:
    facts = [["Nama", request.subject_name]]
    if request.subject_birth_date:
        facts.append(["Tanggal lahir", _d(request.subject_birth_date)])
    if request.subject_sex:
        facts.append(["Jenis kelamin", "Laki-laki" if request.subject_sex == "L" else "Perempuan"])
    if request.subject_register:
        facts.append(["Nomor registrasi", request.subject_register])
    return facts


def _introduction(request: LitmasRequest) -> str:
    letter = f"surat {request.requester_name}"
    if request.letter_number:
        letter += f" nomor {request.letter_number}"
    if request.letter_date:
        letter += f" tanggal {_d(request.letter_date)}"
    return (
        f"Berdasarkan {letter} perihal permintaan penelitian kemasyarakatan "
        f"({request.get_type_display()}), Pembimbing Kemasyarakatan melakukan penelitian "
        "dengan metode wawancara, observasi dan kunjungan rumah. Sumber data: klien, keluarga, "
        "penjamin, masyarakat dan pemerintah setempat."
    )


def _offence(case: SupervisionCase) -> str:
    return (
        f"Klien melanggar {case.offence_law} pasal {case.offence_article} "
        f"({case.get_crime_category_display()}), pidana {case.sentence_display}. "
        f"SK {case.sk_number} tanggal {_d(case.sk_date)} oleh {case.sk_issuer}; "
        f"masa bimbingan {_d(case.guidance_start)} s.d. {_d(case.guidance_end)}."
    )


def _assessment_text(client: Client) -> str:
    found = latest_scored([client.pk]).get(client.pk) or {}
    lines = []
    for label, key in (("Risiko (RRI)", "risk"), ("Kebutuhan kriminogenik", "needs")):
        assessment = found.get(key)
        if assessment is None:
            continue
        text = f"{label}: {_d(assessment.assessed_on)}"
        if getattr(assessment, "score", None) is not None:
            text += f", skor {assessment.score}"
        if getattr(assessment, "band", ""):
            text += f", {assessment.band}"
        if key == "needs":
            needs = needs_of(assessment)
            if needs:
                text += " (" + ", ".join(f"{n.label}: {n.level}" for n in needs) + ")"
        lines.append(text + ".")
    return "\n".join(lines)


def prefill(request: LitmasRequest) -> dict[str, Any]:
    with override("id"):  # the report's words are Indonesian, whoever starts it
        return _prefill(request)


def _prefill(request: LitmasRequest) -> dict[str, Any]:
    content: dict[str, Any] = {"pendahuluan": _introduction(request)}
    client = request.client
    if client is None:
        content["identitas_klien"] = _subject_facts(request)
        return content
    content["identitas_klien"] = _client_facts(client)
    guarantor = client.guarantors.order_by("pk").first()
    if guarantor is not None:
        content["identitas_penjamin"] = [
            ["Nama", guarantor.name],
            ["Hubungan dengan klien", guarantor.relation],
            ["Alamat", guarantor.address or "-"],
            ["Telepon", guarantor.phone or "-"],
        ]
    contacts = list(client.local_contacts.order_by("kind", "pk"))
    if contacts:
        content["tanggapan"] = "\n".join(f"{c.get_kind_display()} ({c.name}): …" for c in contacts)
    case = request.case or client.cases.order_by("-guidance_start").first()
    if case is not None:
        content["tindak_pidana"] = _offence(case)
    assessed = _assessment_text(client)
    if assessed:
        content["hasil_asesmen"] = assessed
    return content
