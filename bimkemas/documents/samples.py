"""A realistic sample `DocumentContent` of each kind: what an uploaded template must render
before it is accepted, and what the tests and the benchmark print."""

from collections.abc import Callable

from bimkemas.documents.content import DocumentContent, Section, Signature
from bimkemas.documents.models import DocumentKind

IDENTITY = [
    ("Nama", "Budi Santoso bin Ahmad"),
    ("Tempat, tanggal lahir", "Palembang, 17 Agustus 1990"),
    ("NIK", "1671011708900001"),
    ("Agama", "Islam"),
    ("Alamat", "Jl. Merdeka No. 5 RT 01 RW 02, Kel. 20 Ilir D-IV, Kec. Ilir Timur I, Palembang"),
    ("Nomor register", "0001/PB/D/2026/PLG"),
]

SIGNATURES = [
    Signature(
        role="Pembimbing Kemasyarakatan", name="Alice Rahmawati, S.Sos.", nip="198501012010012001"
    ),
    Signature(
        label="Mengetahui",
        role="Kepala Bapas Kelas I Palembang",
        name="Dr. Dave Hidayat, S.H., M.H.",
        nip="197203152000031001",
    ),
]

PARAGRAPH = (
    "Berdasarkan hasil wawancara dengan klien, keluarga dan masyarakat sekitar, klien "
    "menunjukkan sikap kooperatif dan bersedia mengikuti program bimbingan. Keluarga & "
    "penjamin menyatakan sanggup membantu pengawasan; nilai < 7 pada instrumen RRI."
)


def litmas(sections: int = 12) -> DocumentContent:
    """A litmas-sized report: identity, `sections` chapters of text, facts and tables."""
    chapters = []
    for number in range(1, sections + 1):
        chapter = Section(heading=f"{number}. BAB {number}: RIWAYAT DAN KEADAAN KLIEN")
        chapter.paragraphs = [PARAGRAPH] * 3
        if number % 3 == 1:
            chapter.facts = [("Pekerjaan", "Buruh harian"), ("Pendidikan", "SMA")]
        if number % 3 == 2:
            chapter.header = True
            chapter.rows = [["No.", "Nama", "Hubungan", "Umur"]] + [
                [str(row), f"Anggota keluarga {row}", "Saudara kandung", str(20 + row)]
                for row in range(1, 7)
            ]
        chapters.append(chapter)
    return DocumentContent(
        title="LAPORAN PENELITIAN KEMASYARAKATAN",
        number="W6.PAS.PAS.1-PK.01.05.02-0123",
        subtitle="Untuk Pembebasan Bersyarat",
        confidential=True,
        place="Palembang",
        date="2 Desember 2026",
        facts=list(IDENTITY),
        sections=chapters,
        signatures=list(SIGNATURES),
    )


def progress_report() -> DocumentContent:
    return DocumentContent(
        title="LAPORAN PERKEMBANGAN PEMBIMBINGAN KLIEN",
        number="0001/PB/D/2026/PLG",
        subtitle="Tahap Awal",
        confidential=True,
        place="Palembang",
        date="2 Desember 2026",
        facts=list(IDENTITY),
        sections=[
            Section(heading="A. PELAKSANAAN BIMBINGAN", paragraphs=[PARAGRAPH]),
            Section(
                heading="B. KEHADIRAN WAJIB LAPOR",
                header=True,
                rows=[["Bulan", "Lapor", "Tidak lapor"], ["Oktober 2026", "1", "0"]],
            ),
            Section(heading="C. KESIMPULAN", paragraphs=["Klien dapat lanjut ke tahap lanjutan."]),
        ],
        signatures=list(SIGNATURES),
    )


def tpp_minutes() -> DocumentContent:
    return DocumentContent(
        title="RISALAH SIDANG TIM PENGAMAT PEMASYARAKATAN",
        number="W6.PAS.PAS.1-PK.01.01-045",
        place="Palembang",
        date="2 Desember 2026",
        facts=[("Hari, tanggal", "Rabu, 2 Desember 2026"), ("Tempat", "Aula Bapas")],
        sections=[
            Section(
                heading="DAFTAR KLIEN YANG DISIDANGKAN",
                header=True,
                rows=[
                    ["No.", "Nama", "Nomor register", "Keputusan"],
                    ["1", "Budi Santoso", "0001/PB/D/2026/PLG", "Lanjut ke tahap lanjutan"],
                ],
            )
        ],
        signatures=[
            Signature(role="Ketua TPP", name="Bob Saputra, S.H.", nip="198001012005011001"),
            Signature(role="Sekretaris TPP", name="Carol Lestari", nip="199001012015032001"),
        ],
    )


def guidance_card() -> DocumentContent:
    return DocumentContent(
        title="KARTU BIMBINGAN KLIEN PEMASYARAKATAN",
        number="0001/PB/D/2026/PLG",
        place="Palembang",
        date="2 Desember 2026",
        facts=list(IDENTITY),
        sections=[
            Section(
                heading="TAHAP BIMBINGAN",
                header=True,
                rows=[["Tahap", "Dari", "Sampai"], ["Tahap awal", "1 Des 2026", "28 Feb 2027"]],
            ),
            Section(heading="WAJIB LAPOR", paragraphs=["Sebulan sekali"]),
        ],
        signatures=[Signature(role="Klien", name="Budi Santoso"), *SIGNATURES],
    )


def completion_certificate() -> DocumentContent:
    return DocumentContent(
        title="SURAT KETERANGAN SELESAI MENJALANI BIMBINGAN",
        number="W6.PAS.PAS.1-PK.01.05.06-0007",
        place="Palembang",
        date="2 Desember 2026",
        facts=list(IDENTITY),
        sections=[Section(heading="", paragraphs=["Telah selesai menjalani masa bimbingan."])],
        signatures=[SIGNATURES[1]],
    )


SAMPLES: dict[DocumentKind, Callable[[], DocumentContent]] = {
    DocumentKind.LITMAS: litmas,
    DocumentKind.PROGRESS_REPORT: progress_report,
    DocumentKind.TPP_MINUTES: tpp_minutes,
    DocumentKind.GUIDANCE_CARD: guidance_card,
    DocumentKind.COMPLETION_CERTIFICATE: completion_certificate,
}


def sample_content(kind: str) -> DocumentContent:
    return SAMPLES[DocumentKind(kind)]()
