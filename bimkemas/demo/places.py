"""Work areas of South Sumatra with real kecamatan (and their Kemendagri codes, which are
the first six digits of a resident's NIK) and a few kelurahan/desa each."""

from dataclasses import dataclass

KOTA, KAB = "kota", "kabupaten"


@dataclass(frozen=True)
class Kecamatan:
    code: str  # two digits, appended to the area code in a NIK
    name: str
    villages: tuple[str, ...]


@dataclass(frozen=True)
class Area:
    kind: str
    name: str
    code: str  # four digits: province + kabupaten/kota
    share: float  # share of the office's clients living here
    kecamatan: tuple[Kecamatan, ...]
    town: str = ""  # the seat of a kabupaten, used as a place of birth

    @property
    def label(self) -> str:
        return f"{'Kota' if self.kind == KOTA else 'Kab.'} {self.name}"


def _items(text: str) -> tuple[str, ...]:
    return tuple(text.split(", "))


def _kec(*rows: tuple[str, str, str]) -> tuple[Kecamatan, ...]:
    return tuple(Kecamatan(code, name, tuple(v.split(", "))) for code, name, v in rows)


PALEMBANG = Area(
    KOTA,
    "Palembang",
    "1671",
    0.52,
    _kec(
        ("01", "Ilir Barat II", "27 Ilir, 28 Ilir, 29 Ilir, 30 Ilir, 32 Ilir, Kemang Manis"),
        ("02", "Seberang Ulu I", "1 Ulu, 2 Ulu, 3-4 Ulu, 5 Ulu, 7 Ulu, 9-10 Ulu"),
        ("03", "Seberang Ulu II", "11 Ulu, 12 Ulu, 13 Ulu, 14 Ulu, 16 Ulu, Tangga Takat, Sentosa"),
        ("04", "Ilir Barat I", "Bukit Lama, Demang Lebar Daun, Lorok Pakjo, Siring Agung"),
        ("05", "Ilir Timur I", "13 Ilir, 14 Ilir, 15 Ilir, 17 Ilir, Sungai Pangeran, 20 Ilir D-I"),
        ("06", "Ilir Timur II", "2 Ilir, 3 Ilir, Sungai Buah, Kuto Batu, Lawang Kidul"),
        ("07", "Sukarami", "Sukarami, Sukabangun, Kebun Bunga, Talang Betutu, Sukajaya"),
        ("08", "Sako", "Sako, Sako Baru, Sialang, Sukamaju"),
        ("09", "Kemuning", "Ario Kemuning, Sekip Jaya, 20 Ilir D-II, Pipa Reja, Talang Aman"),
        ("10", "Kalidoni", "Kalidoni, Bukit Sangkal, Sei Selayur, Sei Lais, Sei Selincah"),
        ("11", "Bukit Kecil", "19 Ilir, 22 Ilir, 23 Ilir, 24 Ilir, 26 Ilir, Talang Semut"),
        ("12", "Gandus", "Gandus, Karang Jaya, Pulokerto, 36 Ilir, Karang Anyar"),
        ("13", "Kertapati", "Kertapati, Kemas Rindo, Karya Jaya, Kemang Agung, Ogan Baru"),
        ("14", "Plaju", "Plaju Ulu, Plaju Ilir, Plaju Darat, Bagus Kuning, Talang Bubuk"),
        ("15", "Alang-Alang Lebar", "Alang-Alang Lebar, Srijaya, Talang Kelapa, Karya Baru"),
        ("16", "Sematang Borang", "Lebung Gajah, Srimulya, Suka Mulya, Karya Mulya"),
        ("17", "Jakabaring", "8 Ulu, 15 Ulu, Silaberanti, Tuan Kentang"),
        ("18", "Ilir Timur III", "5 Ilir, 8 Ilir, 9 Ilir, 10 Ilir, 11 Ilir, Duku"),
    ),
)
PRABUMULIH = Area(
    KOTA,
    "Prabumulih",
    "1674",
    0.06,
    _kec(
        ("01", "Prabumulih Barat", "Gunung Ibul, Gunung Ibul Barat, Muntang Tapus, Patih Galung"),
        ("02", "Prabumulih Timur", "Prabujaya, Muara Dua, Wonosari, Gunung Kemala"),
        ("03", "Cambai", "Cambai, Sindur, Muara Sungai, Sungai Medang"),
        ("04", "Rambang Kapak Tengah", "Karya Mulya, Jungai, Rambang Senuling, Tanjung Telang"),
        ("05", "Prabumulih Utara", "Sukaraja, Pasar I, Pasar II, Mangga Besar"),
        ("06", "Prabumulih Selatan", "Sukajadi, Tanjung Raman, Majasari, Gunung Kemala"),
    ),
)
BANYUASIN = Area(
    KAB,
    "Banyuasin",
    "1607",
    0.14,
    _kec(
        ("01", "Banyuasin I", "Mariana, Mariana Ilir, Duren Ijo, Perambahan"),
        ("02", "Banyuasin II", "Sungsang I, Sungsang II, Sungsang IV, Teluk Payo"),
        ("03", "Banyuasin III", "Pangkalan Balai, Kayuara Kuning, Lubuk Saung, Seterio"),
        ("04", "Betung", "Betung, Rimba Asam, Taja Raya, Suka Mulya"),
        ("05", "Makarti Jaya", "Makarti Jaya, Tanjung Sari, Upang, Pendowo Harjo"),
        ("06", "Muara Padang", "Muara Padang, Sumber Mekar Mukti, Tirta Harja"),
        ("07", "Pulau Rimau", "Tabuan Asri, Sumber Rejeki, Rimau Sungsang"),
        ("08", "Rambutan", "Rambutan, Sungai Pinang, Pulau Harapan, Tanjung Merbu"),
        ("09", "Rantau Bayur", "Rantau Bayur, Tebing Abang, Sungai Lilin"),
        ("10", "Talang Kelapa", "Sukajadi, Kenten, Air Batu, Sungai Rengit, Tanah Mas"),
        ("11", "Tanjung Lago", "Tanjung Lago, Sumber Mekar, Bangun Sari"),
        ("12", "Sembawa", "Sembawa, Pulau Harapan, Lalang Sembawa, Mainan"),
    ),
    town="Pangkalan Balai",
)
MUSI_BANYUASIN = Area(
    KAB,
    "Musi Banyuasin",
    "1606",
    0.10,
    _kec(
        ("01", "Sekayu", "Balai Agung, Serasan Jaya, Kayuara, Soak Baru, Kramat Jaya"),
        ("02", "Lais", "Lais, Petaling, Teluk Kijing, Epil"),
        ("03", "Sungai Keruh", "Tebing Bulang, Gajah Mati, Jirak"),
        ("04", "Batanghari Leko", "Sungai Angit, Pangkalan Bulian, Bukit Pangkuasan"),
        ("05", "Sanga Desa", "Ngulak, Keban I, Terusan, Air Balui"),
        ("06", "Babat Toman", "Babat, Mangun Jaya, Toman, Sugi Waras"),
        ("07", "Sungai Lilin", "Sungai Lilin, Bumi Kencana, Linggosari, Berlian Makmur"),
        ("08", "Bayung Lencir", "Bayung Lencir, Pangkalan Bayat, Muara Merang, Simpang Bayat"),
        ("09", "Plakat Tinggi", "Sindang Marga, Tanjung Kerang, Pinggap"),
        ("10", "Keluang", "Keluang, Mulyo Asih, Karya Maju, Sido Mukti"),
    ),
    town="Sekayu",
)
OGAN_ILIR = Area(
    KAB,
    "Ogan Ilir",
    "1610",
    0.08,
    _kec(
        ("01", "Indralaya", "Indralaya Mulya, Indralaya Raya, Indralaya Indah, Sakatiga"),
        ("02", "Indralaya Utara", "Timbangan, Tanjung Pering, Pulau Semambu, Palem Raya"),
        ("03", "Indralaya Selatan", "Meranjat I, Meranjat Ilir, Tanjung Dayang"),
        ("04", "Tanjung Raja", "Tanjung Raja, Tanjung Raja Barat, Tanjung Raja Utara"),
        ("05", "Tanjung Batu", "Tanjung Batu, Tanjung Atap, Burai, Limbang Jaya"),
        ("06", "Pemulutan", "Pemulutan Ilir, Pelabuhan Dalam, Sungai Rambutan, Ibul Besar"),
        ("07", "Muara Kuang", "Muara Kuang, Kasah, Tanjung Miring"),
        ("08", "Rantau Alai", "Rantau Alai, Kertamulya, Sanding Marga"),
        ("09", "Payaraman", "Payaraman Barat, Payaraman Timur, Talang Seleman"),
        ("10", "Lubuk Keliat", "Lubuk Keliat, Ketiau, Talang Tengah Laut"),
    ),
    town="Indralaya",
)
OGAN_KOMERING_ILIR = Area(
    KAB,
    "Ogan Komering Ilir",
    "1602",
    0.10,
    _kec(
        ("01", "Kayu Agung", "Jua-Jua, Sidakersa, Perigi, Kutaraya, Cintaraja, Paku"),
        ("02", "Lempuing", "Tugumulyo, Kepayang, Bumi Agung, Sumber Agung"),
        ("03", "Mesuji", "Pematang Panggang, Sumber Makmur, Embacang Permai"),
        ("04", "Tanjung Lubuk", "Tanjung Lubuk, Tanjung Rancing, Tanjung Merindu"),
        ("05", "Pedamaran", "Pedamaran I, Pedamaran II, Pedamaran III, Menang Raya"),
        ("06", "Tulung Selapan", "Tulung Selapan Ilir, Tulung Selapan Timur, Ujung Tanjung"),
        ("07", "Pampangan", "Pampangan, Serdang, Secondong, Menggeris"),
        ("08", "Sirah Pulau Padang", "Serdang Menang, Pantai, Terate, Bungin Tinggi"),
        ("09", "Air Sugihan", "Sungai Batang, Tirta Mulya, Bukit Batu"),
        ("10", "Cengal", "Cengal, Sungai Somor, Pantai Harapan"),
    ),
    town="Kayuagung",
)
PALEMBANG_AREAS = (
    PALEMBANG,
    PRABUMULIH,
    BANYUASIN,
    MUSI_BANYUASIN,
    OGAN_ILIR,
    OGAN_KOMERING_ILIR,
)

MURATARA_AREAS = (
    Area(
        KAB,
        "Musi Rawas Utara",
        "1613",
        0.55,
        _kec(
            ("01", "Rupit", "Muara Rupit, Maur Baru, Lawang Agung"),
            ("02", "Rawas Ulu", "Surulangun, Lesung Batu, Pauh"),
            ("03", "Nibung", "Nibung, Tebing Tinggi, Jadi Mulya"),
            ("04", "Rawas Ilir", "Bingin Teluk, Beringin Makmur, Lubuk Kumbung"),
            ("05", "Karang Dapo", "Karang Dapo, Biaro Baru, Setia Marga"),
        ),
        town="Muara Rupit",
    ),
    Area(
        KAB,
        "Musi Rawas",
        "1605",
        0.45,
        _kec(
            ("01", "Muara Beliti", "Muara Beliti Baru, Pedang, Tanjung Beringin"),
            ("02", "Tugumulyo", "Tugumulyo, Wonokerto, Trikoyo"),
            ("03", "Muara Kelingi", "Muara Kelingi, Beliti Jaya, Lubuk Muda"),
            ("04", "Jayaloka", "Jayaloka, Sukamerindu, Lubuk Rumbai"),
        ),
        town="Muara Beliti",
    ),
)
OKU_AREAS = (
    Area(
        KAB,
        "Ogan Komering Ulu",
        "1601",
        0.45,
        _kec(
            ("01", "Baturaja Timur", "Sukaraya, Kemalaraja, Baturaja Lama, Sekar Jaya"),
            ("02", "Baturaja Barat", "Air Gading, Batu Kuning, Talang Jawa"),
            ("03", "Peninjauan", "Peninjauan, Lubuk Batang, Kampai"),
            ("04", "Lengkiti", "Tanjung Lengkayap, Sukajaya, Ulak Pandan"),
        ),
        town="Baturaja",
    ),
    Area(
        KAB,
        "Ogan Komering Ulu Timur",
        "1608",
        0.35,
        _kec(
            ("01", "Martapura", "Pasar Martapura, Veteran Jaya, Tanjung Kemala"),
            ("02", "Belitang", "Gumawang, Sidogede, Tegal Rejo"),
            ("03", "Buay Madang", "Tanjung Kemuning, Kurungan Nyawa, Sukajaya"),
        ),
        town="Martapura",
    ),
    Area(
        KAB,
        "Ogan Komering Ulu Selatan",
        "1609",
        0.20,
        _kec(
            ("01", "Muaradua", "Pasar Muaradua, Bumi Agung, Batu Belang Jaya"),
            ("02", "Simpang", "Simpang, Tanjung Agung, Sukajadi"),
        ),
        town="Muaradua",
    ),
)

KELURAHAN_POOL = _items(
    "Sukamaju, Sukajadi, Karang Anyar, Sidorejo, Mekarsari, Tanjungsari, Kebonsari, "
    "Sumberejo, Margomulyo, Sukarame, Kampung Baru, Pasar Baru, Tanjung Harapan, Gunung Sari, "
    "Suka Damai, Bukit Indah, Sungai Raya, Tegal Sari, Karang Rejo, Kota Baru, Jati Mulya, "
    "Harapan Jaya, Purwodadi, Sidomulyo, Wonorejo, Cempaka, Kenanga, Melati, Sri Mulya"
)
KECAMATAN_SUFFIXES = ("Kota", "Barat", "Timur", "Utara", "Selatan", "Tengah", "Baru", "Ilir")
STREETS = _items(
    "Jl. Kapten A. Rivai, Jl. Jenderal Sudirman, Jl. Demang Lebar Daun, Jl. Veteran, "
    "Jl. Merdeka, Jl. Kolonel Atmo, Jl. Angkatan 45, Jl. Basuki Rahmat, Jl. R. Sukamto, "
    "Jl. Mayor Ruslan, Jl. Letda A. Rozak, Jl. Ki Merogan, Jl. K.H. Wahid Hasyim, "
    "Jl. Pangeran Ratu, Jl. Perintis Kemerdekaan, Jl. Sultan Mahmud Badaruddin II, "
    "Jl. Mayjen Yusuf Singadekane, Jl. Tembok Baru, Jl. Bungaran, Jl. Pelita, Jl. Masjid, "
    "Jl. Pendidikan, Jl. Lintas Timur, Jl. Poros Desa, Lrg. Sepakat, Lrg. Rukun, "
    "Lrg. Swadaya, Lrg. Mandiri, Lrg. Pinang, Lrg. Kenanga, Lrg. Melati, Lrg. Famili, "
    "Lrg. Sukarela, Lrg. Tanjung Sari, Gg. Mawar, Gg. Masjid, Gg. Damai, Komplek Perumnas"
)
