"""Fixed facts of the demo: programmes, facilities, offences, and the Palembang figures."""

from dataclasses import dataclass
from decimal import Decimal

DEMO_PASSWORD = "bapas-demo-2026"  # noqa: S105 (published demo logins)
DEMO_MARKER_SUMMARY = "Demo data loaded"

PROGRAMMES = (
    ("PB", "Pembebasan Bersyarat"),
    ("CB", "Cuti Bersyarat"),
    ("CMB", "Cuti Menjelang Bebas"),
    ("ASIMILASI", "Asimilasi di rumah"),
)
PROGRAMME_WEIGHT = Decimal("1.00")

# Facilities that hand clients over to the South Sumatra offices: (kind, name, share).
SUMSEL_FACILITIES = (
    ("lapas", "Lapas Kelas I Palembang", 0.30),
    ("rutan", "Rutan Kelas I Palembang", 0.14),
    ("lapas", "Lapas Narkotika Kelas IIA Banyuasin", 0.16),
    ("lapas", "Lapas Perempuan Kelas IIA Palembang", 0.0),  # women only
    ("lapas", "Lapas Kelas IIB Sekayu", 0.08),
    ("lapas", "Lapas Kelas IIB Muara Enim", 0.05),
    ("rutan", "Rutan Kelas IIB Kayuagung", 0.08),
    ("rutan", "Rutan Kelas IIB Pangkalan Balai", 0.07),
    ("rutan", "Rutan Kelas IIB Prabumulih", 0.06),
    ("lapas", "Lapas Kelas IIA Lubuklinggau", 0.03),
    ("lapas", "Lapas Kelas IIB Baturaja", 0.03),
)
SUMSEL_WOMEN = "Lapas Perempuan Kelas IIA Palembang"
SUMSEL_LPKA = "LPKA Kelas I Palembang"


@dataclass(frozen=True)
class Offence:
    law: str
    article: str
    category: str
    share: float
    months: tuple[int, int]  # typical sentence range


ADULT_OFFENCES = (
    Offence("UU 35/2009 tentang Narkotika", "Pasal 112 ayat (1)", "narkotika", 0.27, (48, 96)),
    Offence("UU 35/2009 tentang Narkotika", "Pasal 114 ayat (1)", "narkotika", 0.20, (60, 120)),
    Offence("UU 35/2009 tentang Narkotika", "Pasal 127 ayat (1)", "narkotika", 0.08, (12, 36)),
    Offence("KUHP", "Pasal 362", "pencurian", 0.07, (10, 48)),
    Offence("KUHP", "Pasal 363 ayat (1)", "pencurian", 0.08, (18, 60)),
    Offence("KUHP", "Pasal 365 ayat (1)", "pencurian", 0.03, (36, 96)),
    Offence("KUHP", "Pasal 378", "penipuan", 0.035, (12, 42)),
    Offence("KUHP", "Pasal 372", "penipuan", 0.03, (12, 42)),
    Offence("KUHP", "Pasal 351 ayat (1)", "kekerasan", 0.035, (8, 30)),
    Offence("KUHP", "Pasal 170 ayat (1)", "kekerasan", 0.02, (12, 60)),
    Offence("KUHP", "Pasal 338", "pembunuhan", 0.015, (84, 144)),
    Offence(
        "UU 35/2014 tentang Perlindungan Anak",
        "Pasal 81 ayat (1)",
        "perlindungan_anak",
        0.025,
        (60, 144),
    ),
    Offence(
        "UU 35/2014 tentang Perlindungan Anak",
        "Pasal 82 ayat (1)",
        "perlindungan_anak",
        0.015,
        (60, 120),
    ),
    Offence("KUHP", "Pasal 285", "asusila", 0.005, (60, 144)),
    Offence("UU 31/1999 jo. UU 20/2001 (Tipikor)", "Pasal 3", "korupsi", 0.015, (12, 60)),
    Offence("KUHP", "Pasal 303 ayat (1)", "perjudian", 0.015, (6, 24)),
    Offence("UU Darurat 12/1951", "Pasal 2 ayat (1)", "senjata", 0.015, (12, 36)),
    Offence("UU 22/2009 tentang LLAJ", "Pasal 310 ayat (4)", "lalu_lintas", 0.01, (12, 48)),
    Offence("KUHP", "Pasal 480", "lainnya", 0.01, (6, 30)),
)
JUVENILE_OFFENCES = (
    Offence("KUHP jo. UU 11/2012 SPPA", "Pasal 363 ayat (1)", "pencurian", 0.35, (8, 30)),
    Offence("KUHP jo. UU 11/2012 SPPA", "Pasal 365 ayat (1)", "pencurian", 0.10, (18, 48)),
    Offence(
        "UU 35/2014 jo. UU 11/2012 SPPA", "Pasal 81 ayat (2)", "perlindungan_anak", 0.22, (24, 60)
    ),
    Offence("UU 35/2009 jo. UU 11/2012 SPPA", "Pasal 112 ayat (1)", "narkotika", 0.13, (18, 48)),
    Offence("KUHP jo. UU 11/2012 SPPA", "Pasal 170 ayat (2)", "kekerasan", 0.12, (12, 36)),
    Offence("KUHP jo. UU 11/2012 SPPA", "Pasal 351 ayat (1)", "kekerasan", 0.08, (6, 24)),
)

SK_ISSUER = "Direktorat Jenderal Pemasyarakatan"
GENERAL_CONDITIONS = (
    "Tidak melakukan pelanggaran hukum; wajib lapor sesuai jadwal; mengikuti program "
    "bimbingan; melaporkan perubahan alamat kepada Bapas."
)
SPECIAL_CONDITIONS = (
    "",
    "",
    "Mengikuti rehabilitasi rawat jalan di BNNK.",
    "Wajib lapor dua kali sebulan.",
    "Tidak mendekati korban dan keluarganya.",
    "Mengikuti pelatihan kemandirian di Pokmas Lipas.",
)


@dataclass(frozen=True)
class PalembangFigures:
    """DOMAIN.md §8: what office_overview must report for Bapas Kelas I Palembang."""

    adults: int = 3594
    juveniles: int = 67
    pb: int = 3368
    cb: int = 288
    cmb: int = 5
    juvenile_pb: int = 55  # our choice: the 67 children are all on PB or CB
    madya: int = 8
    muda: int = 20
    pertama: int = 43
    apk: int = 2
    seconded_muratara: int = 2
    seconded_oku: int = 4
    rotating: int = 4

    @property
    def clients(self) -> int:
        return self.adults + self.juveniles


PALEMBANG = PalembangFigures()
