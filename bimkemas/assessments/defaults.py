"""The two instruments shipped as editable examples (loaded by migration 0002).

They follow the public, unverified description in DOMAIN.md §6 — RRI part A: 10 items, total
0–17, bands Rendah 0–6, Sedang 7–11, Tinggi 12–15, Sangat Tinggi 16–17; criminogenic needs in
7 domains adapted from LSI-R — but the items' wording is ours. Every office must check them
against the official text (Kepdirjen PAS-31.OT.02.02/2021) before relying on them; the admin
makes a corrected version in a few minutes.
"""

from django.utils import timezone

from bimkemas.assessments.models import EXAMPLE_NOTE, Instrument


def _item(code: str, text: str, options: list[tuple[str, int]], help_text: str = "") -> dict:
    return {
        "code": code,
        "text": text,
        "help": help_text,
        "options": [{"label": label, "score": points} for label, points in options],
    }


RISK_CODE = "RRI-A"
NEEDS_CODE = "KEBUTUHAN-KRIMINOGENIK"

RISK_DEFINITION: dict = {
    "intro": (
        f"{EXAMPLE_NOTE}. Instrumen Risiko Residivisme Indonesia (RRI) bagian A, disusun "
        "ulang dari sumber publik yang belum diverifikasi."
    ),
    "scoring": "sum",
    "items": [
        _item(
            "A1",
            "Usia klien saat ini",
            [("40 tahun atau lebih", 0), ("30–39 tahun", 1), ("di bawah 30 tahun", 2)],
        ),
        _item(
            "A2",
            "Usia saat pertama kali ditangkap atau dijatuhi pidana",
            [("25 tahun atau lebih", 0), ("18–24 tahun", 1), ("di bawah 18 tahun", 2)],
            "Termasuk perkara anak.",
        ),
        _item(
            "A3",
            "Jumlah putusan pidana sebelum perkara ini",
            [("Tidak ada", 0), ("1–2 kali", 1), ("3 kali atau lebih", 2)],
            "Lihat SDP dan Litmas terdahulu.",
        ),
        _item(
            "A4",
            "Pernah dicabut pembebasan bersyarat, cuti bersyarat, cuti menjelang bebas atau "
            "asimilasinya",
            [("Tidak pernah", 0), ("Pernah", 2)],
        ),
        _item(
            "A5",
            "Pelanggaran tata tertib selama di Lapas/Rutan (Register F)",
            [("Tidak ada", 0), ("Ada", 1)],
            "Lihat Laporan Perkembangan Pembinaan (LPP).",
        ),
        _item(
            "A6",
            "Pekerjaan sebelum ditahan",
            [("Bekerja tetap", 0), ("Bekerja tidak tetap / serabutan", 1), ("Tidak bekerja", 2)],
        ),
        _item(
            "A7",
            "Dukungan keluarga terhadap klien",
            [("Keluarga mendukung", 0), ("Kurang atau tidak ada dukungan", 1)],
        ),
        _item(
            "A8",
            "Teman dan lingkungan pergaulan",
            [
                ("Tidak ada teman yang melanggar hukum", 0),
                ("Beberapa teman melanggar hukum", 1),
                ("Sebagian besar teman melanggar hukum", 2),
            ],
        ),
        _item(
            "A9",
            "Penyalahgunaan alkohol atau narkoba",
            [
                ("Tidak pernah", 0),
                ("Pernah, tetapi tidak dalam 12 bulan terakhir", 1),
                ("Dalam 12 bulan terakhir", 2),
            ],
        ),
        _item(
            "A10",
            "Sikap terhadap tindak pidana dan pembimbingan",
            [("Menyesal dan kooperatif", 0), ("Membenarkan perbuatan atau menolak bimbingan", 1)],
        ),
    ],
    "bands": [
        {"label": "Rendah", "min": 0, "max": 6},
        {"label": "Sedang", "min": 7, "max": 11},
        {"label": "Tinggi", "min": 12, "max": 15},
        {"label": "Sangat Tinggi", "min": 16, "max": 17},
    ],
}

NEED_OPTIONS = [
    ("Tidak ada masalah", 0),
    ("Ada sedikit masalah", 1),
    ("Masalah yang cukup berarti", 2),
    ("Masalah serius, perlu penanganan", 3),
]


def _domain(
    code: str,
    label: str,
    questions: list[tuple[str, str]],
    suggestion: tuple[str, str, str, str, str],
) -> tuple[list[dict], dict]:
    kind, area, text, method, frequency = suggestion
    items = [_item(item_code, question, NEED_OPTIONS) for item_code, question in questions]
    domain = {
        "code": code,
        "label": label,
        "items": [item_code for item_code, _question in questions],
        "thresholds": {"sedang": 3, "tinggi": 6},
        "suggestion": {
            "kind": kind,
            "area": area,
            "text": text,
            "method": method,
            "frequency": frequency,
        },
    }
    return items, domain


_DOMAINS = [
    _domain(
        "pendidikan_pekerjaan",
        "Pendidikan dan pekerjaan",
        [
            ("N1", "Status pekerjaan saat ini"),
            ("N2", "Keterampilan kerja yang dimiliki"),
            ("N3", "Pendidikan terakhir dan riwayat putus sekolah"),
        ],
        (
            "kemandirian",
            "work",
            "Pelatihan keterampilan kerja dan penyaluran kerja melalui mitra Pokmas Lipas",
            "groupwork",
            "2 kali sebulan",
        ),
    ),
    _domain(
        "keuangan",
        "Keuangan",
        [
            ("N4", "Penghasilan mencukupi kebutuhan sehari-hari"),
            ("N5", "Utang atau masalah keuangan"),
            ("N6", "Ketergantungan pada bantuan orang lain"),
        ],
        (
            "kemandirian",
            "skills",
            "Bimbingan pengelolaan keuangan dan rintisan usaha mandiri",
            "groupwork",
            "1 kali sebulan",
        ),
    ),
    _domain(
        "keluarga_perkawinan",
        "Keluarga dan perkawinan",
        [
            ("N7", "Hubungan dengan pasangan atau keluarga inti"),
            ("N8", "Dukungan keluarga terhadap program bimbingan"),
            ("N9", "Konflik atau kekerasan dalam keluarga"),
        ],
        (
            "kepribadian",
            "family",
            "Konseling keluarga bersama penjamin",
            "casework",
            "1 kali sebulan",
        ),
    ),
    _domain(
        "tempat_tinggal",
        "Tempat tinggal",
        [
            ("N10", "Tempat tinggal tetap dan layak"),
            ("N11", "Sering berpindah tempat tinggal dalam 12 bulan terakhir"),
            ("N12", "Lingkungan tempat tinggal rawan kejahatan"),
        ],
        (
            "kepribadian",
            "other",
            "Pendampingan mencari tempat tinggal tetap bersama RT/RW dan penjamin",
            "casework",
            "1 kali sebulan",
        ),
    ),
    _domain(
        "teman_pergaulan",
        "Teman dan lingkungan pergaulan",
        [
            ("N13", "Bergaul dengan teman yang melanggar hukum"),
            ("N14", "Kegiatan positif di waktu luang"),
            ("N15", "Keterlibatan dalam kegiatan masyarakat atau keagamaan"),
        ],
        (
            "kepribadian",
            "religion",
            "Bimbingan keagamaan dan kegiatan positif di masyarakat",
            "groupwork",
            "2 kali sebulan",
        ),
    ),
    _domain(
        "alkohol_narkoba",
        "Alkohol dan narkoba",
        [
            ("N16", "Penggunaan alkohol"),
            ("N17", "Penggunaan narkoba"),
            ("N18", "Dampak penggunaan pada pekerjaan, keluarga atau hukum"),
        ],
        (
            "kepribadian",
            "substance",
            "Konseling adiksi dan rujukan rehabilitasi (BNN/IPWL)",
            "casework",
            "2 kali sebulan",
        ),
    ),
    _domain(
        "sikap_emosional",
        "Sikap dan orientasi emosional",
        [
            ("N19", "Sikap terhadap tindak pidana yang dilakukan"),
            ("N20", "Sikap terhadap pembimbingan dan petugas"),
            ("N21", "Pengendalian emosi dan kesehatan mental"),
        ],
        (
            "kepribadian",
            "attitude",
            "Konseling perubahan sikap dan pengendalian emosi",
            "casework",
            "2 kali sebulan",
        ),
    ),
]

NEEDS_DEFINITION: dict = {
    "intro": (
        f"{EXAMPLE_NOTE}. Kebutuhan kriminogenik dalam 7 ranah, diadaptasi dari LSI-R; setiap "
        "butir dinilai 0–3."
    ),
    "scoring": "sum",
    "items": [item for items, _domain_row in _DOMAINS for item in items],
    "bands": [
        {"label": "Rendah", "min": 0, "max": 20},
        {"label": "Sedang", "min": 21, "max": 41},
        {"label": "Tinggi", "min": 42, "max": 63},
    ],
    "domains": [domain for _items, domain in _DOMAINS],
}

DEFAULT_INSTRUMENTS = [
    {
        "code": RISK_CODE,
        "name": "Instrumen Risiko Residivisme Indonesia (RRI) bagian A",
        "kind": "risk",
        "definition": RISK_DEFINITION,
    },
    {
        "code": NEEDS_CODE,
        "name": "Kebutuhan kriminogenik (adaptasi LSI-R)",
        "kind": "needs",
        "definition": NEEDS_DEFINITION,
    },
]


def example_instrument(code: str) -> Instrument:
    """The published version of a shipped example, loaded again when it is missing (tests
    after a transactional test find the tables flushed, and a database may have lost it)."""
    found = Instrument.objects.published().filter(code=code).first()
    if found is not None:
        return found
    row = next(row for row in DEFAULT_INSTRUMENTS if row["code"] == code)
    latest = Instrument.objects.filter(code=code).order_by("-version").first()
    return Instrument.objects.create(
        **row,
        version=latest.version + 1 if latest else 1,
        status="published",
        published_at=timezone.now(),
        note=EXAMPLE_NOTE,
    )
