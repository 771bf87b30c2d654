"""The offices the demo creates: Palembang (§8), its two neighbours, and the national set.

`--scale N` means N offices in total: Palembang, Musi Rawas Utara and OKU count among them,
and N − 3 more are taken from NATIONAL (real Bapas where known) in order.
"""

import random
import re
from dataclasses import dataclass, field

from bimkemas.demo import places
from bimkemas.demo.places import KAB, KOTA, Area, Kecamatan

NATIONAL_TOTAL_CLIENTS = 350_000  # clients in total when N = 94 (DOMAIN.md §9: ~10^5–10^6)
NATIONAL_OFFICES = 94
SIZE_RANGE = (2000, 5500)


@dataclass
class OfficeSpec:
    code: str
    name: str
    office_class: str
    address: str
    areas: tuple[Area, ...]
    profile: str
    clients: int
    officers: dict[str, int]  # rank or "apk" → count
    juveniles: int
    programmes: dict[str, int] = field(default_factory=dict)  # code → count (adults+juveniles)
    facilities: tuple[tuple[str, str, float], ...] = ()
    lpka: str = ""
    women_facility: str = ""
    staff_usernames: dict[str, str] = field(default_factory=dict)  # demo role key → username
    is_palembang: bool = False


def palembang_spec() -> OfficeSpec:
    from bimkemas.demo.constants import (
        PALEMBANG,
        SUMSEL_FACILITIES,
        SUMSEL_LPKA,
        SUMSEL_WOMEN,
    )

    return OfficeSpec(
        code="plg",
        name="Bapas Kelas I Palembang",
        office_class="I",
        address="Jl. Kapten A. Rivai No. 90 Palembang",
        areas=places.PALEMBANG_AREAS,
        profile="palembang",
        clients=PALEMBANG.clients,
        officers={
            "madya": PALEMBANG.madya,
            "muda": PALEMBANG.muda,
            "pertama": PALEMBANG.pertama,
            "apk": PALEMBANG.apk,
        },
        juveniles=PALEMBANG.juveniles,
        programmes={"PB": PALEMBANG.pb, "CB": PALEMBANG.cb, "CMB": PALEMBANG.cmb},
        facilities=SUMSEL_FACILITIES,
        lpka=SUMSEL_LPKA,
        women_facility=SUMSEL_WOMEN,
        staff_usernames={
            "head": "kepala",
            "supervisor": "kasi",
            "supervisor2": "kasubsi",
            "registrar": "registrar",
            "registrar2": "registrar2",
            "pk": "pk",
            "apk": "apk",
        },
        is_palembang=True,
    )


def _neighbour_spec(code: str, name: str, address: str, areas, clients: int) -> OfficeSpec:
    from bimkemas.demo.constants import SUMSEL_FACILITIES, SUMSEL_LPKA, SUMSEL_WOMEN

    return OfficeSpec(
        code=code,
        name=name,
        office_class="II",
        address=address,
        areas=areas,
        profile="sumatra",
        clients=clients,
        officers={"madya": 1, "muda": 2, "pertama": 4, "apk": 1},
        juveniles=max(2, clients // 60),
        programmes=_programme_mix(clients, asimilasi=0.0),
        facilities=SUMSEL_FACILITIES,
        lpka=SUMSEL_LPKA,
        women_facility=SUMSEL_WOMEN,
        staff_usernames={
            "head": f"kepala.{code}",
            "supervisor": f"kasi.{code}",
            "registrar": f"registrar.{code}",
            "pk": f"pk.{code}",
        },
    )


def neighbour_specs() -> list[OfficeSpec]:
    """The two offices Palembang's seconded officers work at (DOMAIN.md §8)."""
    return [
        _neighbour_spec(
            "muratara",
            "Bapas Kelas II Musi Rawas Utara",
            "Jl. Lintas Sumatera, Muara Rupit, Musi Rawas Utara",
            places.MURATARA_AREAS,
            140,
        ),
        _neighbour_spec(
            "oku",
            "Bapas Kelas II OKU",
            "Jl. Dr. Moh. Hatta, Baturaja, Ogan Komering Ulu",
            places.OKU_AREAS,
            230,
        ),
    ]


def _programme_mix(clients: int, *, asimilasi: float) -> dict[str, int]:
    cb = round(clients * 0.08)
    cmb = max(1, round(clients * 0.01))
    asim = round(clients * asimilasi)
    return {"PB": clients - cb - cmb - asim, "CB": cb, "CMB": cmb, "ASIMILASI": asim}


# (class, kind of home area, home area, area code, profile, neighbouring kabupaten)
NATIONAL = """\
I|kota|Jakarta Selatan|3174|jakarta|
I|kota|Jakarta Pusat|3171|jakarta|
I|kota|Jakarta Timur|3175|jakarta|
I|kota|Jakarta Barat|3173|jakarta|Kepulauan Seribu
II|kota|Jakarta Utara|3172|jakarta|
I|kota|Bandung|3273|sunda|Bandung Barat, Sumedang
II|kota|Bogor|3271|sunda|Bogor, Depok
I|kota|Cirebon|3274|sunda|Cirebon, Kuningan, Indramayu, Majalengka
II|kab|Garut|3205|sunda|Tasikmalaya
II|kota|Sukabumi|3272|sunda|Sukabumi, Cianjur
II|kab|Karawang|3215|sunda|Purwakarta, Subang
II|kota|Bekasi|3275|sunda|Bekasi
I|kota|Semarang|3374|jawa|Semarang, Kendal, Demak, Salatiga
I|kota|Surakarta|3372|jawa|Sukoharjo, Karanganyar, Sragen, Boyolali
II|kab|Pati|3318|jawa|Kudus, Jepara, Rembang, Blora
II|kab|Banyumas|3302|jawa|Purbalingga, Banjarnegara, Cilacap
II|kota|Magelang|3371|jawa|Magelang, Temanggung, Wonosobo
II|kota|Pekalongan|3375|jawa|Pekalongan, Batang, Pemalang, Tegal
II|kab|Klaten|3310|jawa|Wonogiri
II|kab|Cilacap|3301|jawa|
I|kota|Yogyakarta|3471|jawa|Sleman, Bantul, Kulon Progo
II|kab|Gunungkidul|3403|jawa|
I|kota|Surabaya|3578|jawa|Sidoarjo, Gresik
I|kota|Malang|3573|jawa|Malang, Batu, Pasuruan
II|kota|Kediri|3571|jawa|Kediri, Blitar, Tulungagung, Nganjuk
II|kota|Madiun|3577|jawa|Madiun, Ngawi, Magetan, Ponorogo
II|kab|Jember|3509|jawa|Lumajang, Bondowoso, Banyuwangi
II|kab|Bojonegoro|3522|jawa|Tuban, Lamongan
II|kab|Pamekasan|3528|jawa|Sampang, Sumenep, Bangkalan
I|kota|Medan|1275|batak|Deli Serdang, Binjai, Langkat
II|kota|Pematangsiantar|1272|batak|Simalungun, Toba
II|kota|Sibolga|1273|batak|Tapanuli Tengah, Tapanuli Utara
II|kab|Labuhanbatu|1210|batak|Asahan
I|kota|Padang|1371|sumatra|Padang Pariaman, Pariaman, Pesisir Selatan
II|kota|Bukittinggi|1375|sumatra|Agam, Payakumbuh, Lima Puluh Kota
I|kota|Pekanbaru|1471|sumatra|Kampar, Siak, Pelalawan
II|kab|Bengkalis|1403|sumatra|Dumai, Rokan Hilir
I|kota|Jambi|1571|sumatra|Muaro Jambi, Batanghari
II|kab|Bungo|1509|sumatra|Tebo, Merangin
I|kota|Bengkulu|1771|sumatra|Bengkulu Tengah, Seluma
I|kota|Bandar Lampung|1871|sumatra|Lampung Selatan, Pesawaran
II|kota|Metro|1872|jawa|Lampung Tengah, Lampung Timur
II|kab|Lampung Utara|1803|sumatra|Way Kanan, Tulang Bawang
II|kab|Tanggamus|1806|sumatra|Pringsewu
II|kab|Lahat|1604|sumatra|Muara Enim, Empat Lawang, Pagar Alam
II|kota|Pangkalpinang|1971|sumatra|Bangka, Bangka Tengah
II|kota|Tanjungpinang|2172|sumatra|Bintan
II|kota|Batam|2171|sumatra|Karimun
I|kota|Serang|3673|sunda|Serang, Pandeglang, Lebak, Cilegon
I|kota|Tangerang|3671|jakarta|Tangerang, Tangerang Selatan
I|kota|Denpasar|5171|bali|Badung, Gianyar, Tabanan
II|kab|Karangasem|5107|bali|Klungkung, Bangli
II|kab|Buleleng|5108|bali|Jembrana
I|kota|Mataram|5271|sulawesi|Lombok Barat, Lombok Tengah, Lombok Timur
II|kab|Sumbawa|5204|sulawesi|Sumbawa Barat, Dompu
I|kota|Kupang|5371|timur|Kupang, Timor Tengah Selatan
II|kab|Belu|5304|timur|Malaka, Timor Tengah Utara
II|kab|Sumba Timur|5311|timur|Sumba Barat
II|kab|Ende|5308|timur|Sikka, Nagekeo
II|kab|Manggarai|5310|timur|Manggarai Barat
I|kota|Pontianak|6171|kalimantan|Kubu Raya, Mempawah
II|kota|Singkawang|6172|kalimantan|Sambas, Bengkayang
II|kab|Sintang|6105|kalimantan|Sanggau
I|kota|Palangkaraya|6271|kalimantan|Pulang Pisau, Katingan
II|kab|Kotawaringin Timur|6202|kalimantan|Seruyan
I|kota|Banjarmasin|6371|kalimantan|Banjar, Barito Kuala, Banjarbaru
II|kab|Hulu Sungai Utara|6308|kalimantan|Hulu Sungai Tengah, Tabalong
I|kota|Balikpapan|6471|kalimantan|Penajam Paser Utara, Paser
II|kota|Samarinda|6472|kalimantan|Kutai Kartanegara, Bontang
II|kota|Tarakan|6571|kalimantan|Bulungan, Nunukan
I|kota|Manado|7171|timur|Minahasa, Bitung, Tomohon
II|kota|Kotamobagu|7174|timur|Bolaang Mongondow
II|kota|Gorontalo|7571|sulawesi|Gorontalo, Bone Bolango
I|kota|Palu|7271|sulawesi|Sigi, Donggala, Parigi Moutong
II|kab|Banggai|7201|sulawesi|Banggai Kepulauan
I|kota|Makassar|7371|sulawesi|Gowa, Maros, Takalar
II|kota|Palopo|7373|sulawesi|Luwu, Luwu Utara, Tana Toraja
II|kab|Bulukumba|7302|sulawesi|Bantaeng, Sinjai, Selayar
II|kota|Parepare|7372|sulawesi|Pinrang, Sidenreng Rappang, Barru
II|kab|Bone|7308|sulawesi|Soppeng, Wajo
I|kota|Kendari|7471|sulawesi|Konawe, Konawe Selatan
II|kota|Baubau|7472|sulawesi|Buton, Muna
II|kab|Mamuju|7604|sulawesi|Majene, Polewali Mandar
I|kota|Ambon|8171|timur|Maluku Tengah, Seram Bagian Barat
II|kota|Tual|8172|timur|Maluku Tenggara
II|kota|Ternate|8271|timur|Halmahera Barat, Tidore Kepulauan
II|kota|Sorong|9171|timur|Sorong, Raja Ampat
II|kab|Manokwari|9202|timur|Teluk Bintuni
I|kota|Jayapura|9471|timur|Jayapura, Keerom
II|kab|Merauke|9401|timur|Boven Digoel
II|kab|Nabire|9404|timur|Paniai
II|kab|Jayawijaya|9402|timur|Lanny Jaya
I|kota|Banda Aceh|1171|sumatra|Aceh Besar, Sabang, Pidie
II|kab|Aceh Barat|1105|sumatra|Nagan Raya, Aceh Jaya
II|kota|Langsa|1174|sumatra|Aceh Timur, Aceh Tamiang
II|kota|Lhokseumawe|1173|sumatra|Aceh Utara, Bireuen
"""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _generated_area(kind: str, name: str, code: str, share: float, rng: random.Random) -> Area:
    suffixes = rng.sample(places.KECAMATAN_SUFFIXES, rng.randint(3, 6))
    kecamatan = tuple(
        Kecamatan(f"{i:02d}", f"{name} {suffix}", tuple(rng.sample(places.KELURAHAN_POOL, 4)))
        for i, suffix in enumerate(suffixes, start=1)
    )
    return Area(kind, name, code, share, kecamatan)


def _national_areas(row: list[str], rng: random.Random) -> tuple[Area, ...]:
    _cls, kind, home, code, _profile, neighbours = row
    others = [n for n in neighbours.split(", ") if n]
    home_share = 1.0 if not others else 0.5
    areas = [_generated_area(KOTA if kind == "kota" else KAB, home, code, home_share, rng)]
    for index, other in enumerate(others, start=1):
        # A neighbour's code: same province, a regency number not used by the home area.
        other_code = f"{code[:2]}{(int(code[2:]) + 10 * index) % 90 + 1:02d}"
        share = 0.5 / len(others)
        areas.append(_generated_area(KAB, other, other_code, share, rng))
    return tuple(areas)


def national_specs(count: int, *, seed: int) -> list[OfficeSpec]:
    """`count` generated offices whose client numbers add up as NATIONAL_TOTAL_CLIENTS
    requires at 94 offices (the base set of three is subtracted)."""
    rows = [line.split("|") for line in NATIONAL.splitlines()]
    if count > len(rows):
        raise ValueError(f"At most {len(rows) + 3} offices can be generated.")
    rng = random.Random(f"{seed}:national")
    sizes = _sizes(count, rng)
    specs = []
    for row, clients in zip(rows[:count], sizes, strict=True):
        office_class, _kind, home, _code, profile, _n = row
        code = _slug(home)
        officers_total = max(20, min(70, round(clients / rng.uniform(55, 95))))
        madya = max(1, round(officers_total * 0.1))
        muda = round(officers_total * 0.27)
        apk = rng.randint(1, 3)
        specs.append(
            OfficeSpec(
                code=code,
                name=f"Bapas Kelas {office_class} {home}",
                office_class=office_class,
                address=f"Jl. Pemasyarakatan No. {rng.randint(1, 120)}, {home}",
                areas=_national_areas(row, rng),
                profile=profile,
                clients=clients,
                officers={
                    "madya": madya,
                    "muda": muda,
                    "pertama": officers_total - madya - muda - apk,
                    "apk": apk,
                },
                juveniles=round(clients * rng.uniform(0.01, 0.03)),
                programmes=_programme_mix(clients, asimilasi=rng.uniform(0.0, 0.05)),
                facilities=(
                    ("lapas", f"Lapas Kelas {'I' if office_class == 'I' else 'IIA'} {home}", 0.5),
                    ("rutan", f"Rutan Kelas {'I' if office_class == 'I' else 'IIB'} {home}", 0.3),
                    ("lapas", f"Lapas Narkotika {home}", 0.2),
                ),
                lpka=f"LPKA {home}",
                women_facility=f"Lapas Perempuan {home}",
                staff_usernames={
                    "head": f"kepala.{code}",
                    "supervisor": f"kasi.{code}",
                    "registrar": f"registrar.{code}",
                },
            )
        )
    return specs


def _sizes(count: int, rng: random.Random) -> list[int]:
    """Office sizes in SIZE_RANGE, rescaled so that 91 of them plus the base three make
    exactly NATIONAL_TOTAL_CLIENTS; fewer offices get the same mean."""
    low, high = SIZE_RANGE
    base = 3661 + 140 + 230
    per_office = (NATIONAL_TOTAL_CLIENTS - base) / (NATIONAL_OFFICES - 3)
    target = round(per_office * count)
    sizes = [rng.triangular(low, high, 3300) for _ in range(count)]
    factor = target / sum(sizes) if sizes else 1
    sizes_int = [max(low, min(high, round(s * factor))) for s in sizes]
    # Spread the rounding and clamping remainder one client at a time.
    index = 0
    while count and sum(sizes_int) != target:
        step = 1 if sum(sizes_int) < target else -1
        if low <= sizes_int[index % count] + step <= high:
            sizes_int[index % count] += step
        index += 1
    return sizes_int
