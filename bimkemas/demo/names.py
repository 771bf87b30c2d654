"""Indonesian personal names by naming tradition, and how to draw a realistic full name.

Names are written as a registry clerk would: single names, "bin/binti <father>", an alias
after "als", old spellings (Soe-, Dj-), Palembang nobility titles (Kms., Kgs., Mgs., Nyimas),
and the many spellings of Muhammad (DOMAIN.md §11).
"""

import random
import re
from dataclasses import dataclass


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


MUSLIM_MALE = _split(
    "Ahmad Abdul Agus Andi Anton Ardiansyah Arif Bayu Budi Darmawan Dedi Deni Doni Edi Eko "
    "Fajar Fahmi Faisal Firman Hadi Hamid Hasan Hendra Heri Ilham Imam Indra Irfan Iwan Jaya "
    "Junaidi Khairul Lukman Mahmud Mansyur Masri Rahmat Rian Ridwan Rizal Rizki Robi Rudi "
    "Sahrul Saipul Samsul Sandi Syahrial Syamsul Taufik Umar Wahyu Yusuf Zainal Zulkifli "
    "Hermansyah Herman Kurniawan Feri Yudi Apriadi Erwin Hasbi Holil Jumadi Kiki Mulyadi "
    "Nopri Ramli Romi Sukri Tarmizi Usman Yadi Zulkarnain Alamsyah Amri Arpan Azhari Bahri "
    "Dodi Efendi Gusti Harun Husin Ismail Jamaludin Kadir Komar Marzuki Nasir Rosidi Saleh"
)
MUHAMMAD = ("Muhammad", "Muhammad", "Muhammad", "Mohammad", "Muhamad", "M.", "M.", "Muh.")
MUSLIM_FEMALE = _split(
    "Siti Nur Nurhayati Aminah Fatimah Maryam Rina Rini Yanti Yuliana Dewi Desi Dian Eka "
    "Fitri Hartini Herlina Indah Intan Juliana Kartini Lestari Linda Maya Mega Nia Novi "
    "Nurul Puspita Ratna Reni Rosmawati Sari Sri Susanti Wati Yuni Zubaidah Asmawati "
    "Erlina Halimah Jamilah Khadijah Masitoh Rohani Salamah Zaitun Aisyah Anisa"
)
MALAY_SURNAMES = _split(
    "Saputra Pratama Syahputra Hidayat Firmansyah Kurniawan Irawan Gunawan Setiawan Hermawan "
    "Ramadhan Rahman Hakim Hasibuan Wijaya Putra Effendi Maulana Nugraha Alamsyah Ansori "
    "Anwar Arifin Azis Bakri Daud Fauzi Ghani Hamzah Harahap Ibrahim Idris Iskandar Jalil "
    "Karim Latif Malik Mansur Muslim Nawawi Rasyid Rosyid Salim Sulaiman Thamrin Yunus "
    "Zakaria Zulfikar"
)
FEMALE_SURNAMES = _split("Saputri Lestari Anggraini Wulandari Sari Rahmawati Handayani Yanti")
JAVANESE_MALE = _split(
    "Agus Bambang Budi Darmanto Djoko Joko Eko Gatot Hadi Heru Joko Kusno Mulyono Paijo "
    "Priyanto Purwanto Sarwono Slamet Sugeng Sugiarto Suharto Sukarno Sumarno Sunarto "
    "Supardi Suparman Supriyadi Suroso Sutrisno Teguh Tri Wahyudi Widodo Yanto Soeparno "
    "Soekarman Warsito Giyanto Tukiman Legiman Parman Ngadimin"
)
JAVANESE_FEMALE = _split(
    "Sri Suwarni Sumiati Sulastri Tumini Wagiyem Rahayu Suprapti Endang Sutini Ngatini "
    "Purwanti Sumarni Lestari Wahyuni Kusmiati Yuliani"
)
JAVANESE_SURNAMES = _split(
    "Santoso Susanto Setiawan Wibowo Prasetyo Saputro Nugroho Purnomo Hartono Gunawan "
    "Riyadi Sugiharto Wahyudi Utomo Kuncoro Pranoto Raharjo Sudarsono Wicaksono Suryadi"
)
SUNDANESE_MALE = _split(
    "Asep Ujang Dadang Dede Cecep Encep Ade Yayat Aang Deden Entis Iwan Ucup Rahmat Jajang"
)
SUNDANESE_FEMALE = _split("Euis Neng Imas Cucu Enok Iis Popon Yati Rini Siti Elis")
SUNDANESE_SURNAMES = _split(
    "Suryana Hidayat Sutisna Permana Ruhiyat Gunawan Kusnadi Setiadi Supriatna Rustandi"
)
CHINESE_MALE = _split(
    "Hendra Suwandi Budi Andi Hartono Sutanto Kurniadi Johan Wilson Rudy Erik Kelvin Steven "
    "Tjandra Lie Tan Ong Liem Kwee Gouw"
)
CHINESE_FEMALE = _split("Lily Linda Meiliana Susan Jessica Vivi Lenny Yenny Mei Lanny")
CHINESE_SURNAMES = _split(
    "Wijaya Tanoto Halim Gunawan Santoso Salim Kusuma Tanuwijaya Lim Setiadi Hartanto Sugianto"
)
CHINESE_FULL = (
    "Tan Kok Liang",
    "Lie Siong Hwa",
    "Ong Tjie Hok",
    "Liem Swie King",
    "Kwee Tjin Hoei",
    "Gouw Han Sen",
    "Tjia Ah Kiong",
    "Ang Boen Seng",
)
BATAK_MALE = _split(
    "Jhonson Roy Parulian Maruli Tigor Hotman Bonar Togar Sahat Poltak Robert Jefri Rinto "
    "Daniel Hisar Gomgom Horas Martin Fernando Andreas"
)
BATAK_FEMALE = _split("Rosmaida Tiurma Lasma Romauli Nurmala Sondang Ria Roslina Debora")
BATAK_SURNAMES = _split(
    "Simanjuntak Siregar Nainggolan Sitorus Hutagalung Pardede Sinaga Manurung Situmorang "
    "Panjaitan Simatupang Sihombing Silalahi Tambunan Hutapea Napitupulu Pasaribu Sianturi"
)
MANDAILING_SURNAMES = _split("Lubis Nasution Harahap Hasibuan Pulungan Daulay Rangkuti")
BALINESE_MALE = _split("I_Wayan I_Made I_Nyoman I_Ketut I_Gede I_Putu I_Komang Ida_Bagus")
BALINESE_FEMALE = _split("Ni_Wayan Ni_Made Ni_Nyoman Ni_Ketut Ni_Putu Ni_Komang Ni_Luh")
BALINESE_NAMES = _split("Suarta Sudarma Artana Budiarta Suardana Wirawan Sukadana Astawa Merta")
EASTERN_MALE = _split(
    "Yohanes Petrus Markus Yosep Fransiskus Agustinus Stefanus Yakobus Marthen Frans Melkianus "
    "Obed Yeremias Kornelis Aloysius Simon Lukas"
)
EASTERN_FEMALE = _split("Maria Yuliana Margaretha Agustina Theresia Regina Elisabeth Yosefina")
EASTERN_SURNAMES = _split(
    "Ndun Manafe Tanono Kause Lakapu Fanggidae Sinaga Wenda Kogoya Wonda Rumbiak Mandacan "
    "Latuheru Pattinama Sahetapy Rumthe Pelupessy Tamaela Lumenta Sondakh Rompas Wowor"
)
BUGIS_MALE = _split(
    "Andi Muhammad Baso Haris Syamsuddin Ilham Rusdi Arfan Nasrul Sahabuddin Mappiare Amiruddin"
)
BUGIS_SURNAMES = _split("Daeng Mappiasse Lamuru Tompo Pallawa Rahim Bakri Sulle Nompo Beddu")
NICKNAMES = _split(
    "Gepeng Kribo Gondrong Item Botak Cungkring Bedul Pendek Kancil Codet Kumis Jabrik "
    "Ucok Keling Tembong Gendut Cepot Tole Bujang Kecik"
)
PALEMBANG_TITLES_MALE = ("Kms.", "Kgs.", "Mgs.", "Raden")
PALEMBANG_TITLES_FEMALE = ("Nyimas", "Nyayu", "Cek Ayu")


@dataclass(frozen=True)
class Tradition:
    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[str, ...]
    religions: tuple[tuple[str, float], ...]
    patronymic: bool = True  # "bin/binti" is used


MUSLIM = (("islam", 1.0),)
TRADITIONS = {
    "malay": Tradition(MUSLIM_MALE, MUSLIM_FEMALE, MALAY_SURNAMES, MUSLIM),
    "javanese": Tradition(
        JAVANESE_MALE, JAVANESE_FEMALE, JAVANESE_SURNAMES, (("islam", 0.95), ("kristen", 0.05))
    ),
    "sundanese": Tradition(SUNDANESE_MALE, SUNDANESE_FEMALE, SUNDANESE_SURNAMES, MUSLIM),
    "chinese": Tradition(
        CHINESE_MALE,
        CHINESE_FEMALE,
        CHINESE_SURNAMES,
        (("buddha", 0.45), ("kristen", 0.25), ("katolik", 0.15), ("khonghucu", 0.15)),
        patronymic=False,
    ),
    "batak": Tradition(
        BATAK_MALE,
        BATAK_FEMALE,
        BATAK_SURNAMES,
        (("kristen", 0.8), ("katolik", 0.2)),
        patronymic=False,
    ),
    "mandailing": Tradition(MUSLIM_MALE, MUSLIM_FEMALE, MANDAILING_SURNAMES, MUSLIM),
    "balinese": Tradition(
        BALINESE_MALE,
        BALINESE_FEMALE,
        BALINESE_NAMES,
        (("hindu", 0.92), ("islam", 0.08)),
        patronymic=False,
    ),
    "eastern": Tradition(
        EASTERN_MALE,
        EASTERN_FEMALE,
        EASTERN_SURNAMES,
        (("kristen", 0.6), ("katolik", 0.38), ("islam", 0.02)),
        patronymic=False,
    ),
    "bugis": Tradition(BUGIS_MALE, MUSLIM_FEMALE, BUGIS_SURNAMES, MUSLIM),
}
# Mix of naming traditions per region profile.
PROFILES: dict[str, tuple[tuple[str, float], ...]] = {
    "palembang": (
        ("malay", 0.72),
        ("javanese", 0.15),
        ("sundanese", 0.02),
        ("chinese", 0.04),
        ("batak", 0.03),
        ("mandailing", 0.04),
    ),
    "sumatra": (("malay", 0.6), ("javanese", 0.2), ("batak", 0.1), ("mandailing", 0.1)),
    "batak": (("batak", 0.55), ("mandailing", 0.2), ("malay", 0.15), ("javanese", 0.1)),
    "jawa": (("javanese", 0.85), ("malay", 0.08), ("chinese", 0.04), ("sundanese", 0.03)),
    "sunda": (("sundanese", 0.75), ("javanese", 0.15), ("malay", 0.05), ("chinese", 0.05)),
    "jakarta": (
        ("javanese", 0.35),
        ("malay", 0.25),
        ("sundanese", 0.15),
        ("batak", 0.1),
        ("chinese", 0.1),
        ("eastern", 0.05),
    ),
    "bali": (("balinese", 0.8), ("javanese", 0.15), ("malay", 0.05)),
    "timur": (("eastern", 0.8), ("bugis", 0.1), ("malay", 0.1)),
    "sulawesi": (("bugis", 0.7), ("eastern", 0.15), ("malay", 0.15)),
    "kalimantan": (("malay", 0.55), ("javanese", 0.25), ("chinese", 0.1), ("eastern", 0.1)),
}


def weighted(rng: random.Random, options: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([o for o, _w in options], [w for _o, w in options])[0]


def _given(rng: random.Random, tradition: Tradition, female: bool) -> str:
    name = rng.choice(tradition.female if female else tradition.male).replace("_", " ")
    if not female and tradition.religions == MUSLIM and rng.random() < 0.18:
        name = f"{rng.choice(MUHAMMAD)} {rng.choice(tradition.male)}"
    return name


@dataclass(frozen=True)
class DrawnName:
    full_name: str
    aliases: str
    religion: str
    father: str


def draw_name(rng: random.Random, profile: str, *, female: bool) -> DrawnName:
    """A client's name as written in the SK, the alias if any, and the religion."""
    tradition_key = weighted(rng, PROFILES[profile])
    tradition = TRADITIONS[tradition_key]
    religion = weighted(rng, tradition.religions)
    father = f"{rng.choice(tradition.male)} {rng.choice(tradition.surnames)}".replace("_", " ")
    if tradition_key == "chinese" and rng.random() < 0.2:
        return DrawnName(rng.choice(CHINESE_FULL), "", religion, father)
    given = _given(rng, tradition, female)
    roll = rng.random()
    if roll < 0.08 and tradition.patronymic:
        name = given.split()[-1]  # a single name
    elif roll < 0.30:
        name = f"{given} {rng.choice(tradition.male if not female else tradition.female)}"
        name = f"{name} {rng.choice(tradition.surnames)}" if rng.random() < 0.4 else name
    else:
        surnames = FEMALE_SURNAMES if female and tradition_key == "malay" else tradition.surnames
        name = f"{given} {rng.choice(surnames)}"
    name = name.replace("_", " ")
    if profile == "palembang" and tradition_key == "malay" and rng.random() < 0.04:
        titles = PALEMBANG_TITLES_FEMALE if female else PALEMBANG_TITLES_MALE
        name = f"{rng.choice(titles)} {name}"
    if tradition.patronymic and rng.random() < 0.12:
        name = f"{name} {'binti' if female else 'bin'} {father.split()[0]}"
    aliases = ""
    if not female and rng.random() < 0.05:
        aliases = rng.choice(NICKNAMES)
        name = f"{name} als {aliases}"
    return DrawnName(name, aliases, religion, father)


def plain_name(rng: random.Random, profile: str, *, female: bool) -> str:
    """A name without alias or patronymic, as given for a relative or a local contact."""
    name = draw_name(rng, profile, female=female).full_name
    return re.split(r" (?:als|bin|binti) ", name)[0]


DEGREES = ("S.H.", "S.Sos.", "S.Psi.", "S.Ag.", "S.Pd.", "A.Md.IP.", "S.Tr.Pas.", "S.E.")
SENIOR_DEGREES = ("M.H.", "M.Si.", "M.Psi.", "M.Pd.")


def draw_officer_name(rng: random.Random, profile: str, *, female: bool, senior: bool) -> tuple:
    """(first_name, last_name) of a civil servant, degrees after the surname."""
    tradition = TRADITIONS[weighted(rng, PROFILES[profile])]
    given = _given(rng, tradition, female).replace("M. ", "Muhammad ")
    surname = rng.choice(FEMALE_SURNAMES if female else tradition.surnames)
    degree = rng.choice(DEGREES)
    if senior and rng.random() < 0.6:
        degree = f"{degree}, {rng.choice(SENIOR_DEGREES)}"
    return given, f"{surname}, {degree}"
