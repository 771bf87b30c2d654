"""Synthetic Indonesian identities with ground truth, for the matcher's tests, bench and demo.

`generate(n_clients, n_records, seed=...)` makes a register of clients and a set of prison
admissions in which about `reappear` of the records are clients again, written the way a
different office writes them: typos, pre-1972 spellings (Soeharto, Djoko, Tjahjono),
Muhammad variants, dropped, added and reordered words, titles, "bin/binti" father names,
aliases, day/month swaps and near dates, missing NIK, one wrong NIK digit, another address.
The other records are other people, among them people with a client's name (some also born
in the same town, on another day) and many common single names (Budi, Sutrisno …).

`alter_identity(identity, rng)` writes one given identity the way another institution
might (the demo's Palembang clients re-appearing in prison under altered names).

Both return dict rows or pyarrow tables with IDENTITY_COLUMNS plus `person_id` (the truth).
Fast: names are drawn from pre-made pools with numpy, corruption is applied only to the
re-appearing records.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

IDENTITY_COLUMNS = ("id", "full_name", "birth_date", "birth_place", "sex", "nik", "address")


def _split(text: str) -> tuple[str, ...]:
    """A pool written compactly: comma-separated (some entries are two words)."""
    return tuple(text.split(","))


MALE_GIVEN = _split(
    "Budi,Agus,Joko,Slamet,Bambang,Sutrisno,Hendra,Dedi,Eko,Andi,Rudi,Heru,Iwan,Arif,Yudi,"
    "Wahyu,Rahmat,Hidayat,Setiawan,Kurniawan,Gunawan,Santoso,Susanto,Saputra,Firmansyah,"
    "Ramadhan,Rizki,Fauzi,Hasan,Husein,Ali,Umar,Yusuf,Ibrahim,Ismail,Ahmad,Abdul,Rahman,Aziz,"
    "Hakim,Imam,Syaiful,Syahrir,Cahyono,Suharto,Sukarno,Suyono,Sucipto,Suparman,Sugianto,"
    "Suryadi,Purnomo,Prasetyo,Nugroho,Wibowo,Kusuma,Hartono,Haryanto,Mulyadi,Supriyadi,"
    "Sumarno,Darmawan,Irawan,Gilang,Bayu,Dimas,Fajar,Galih,Reza,Fikri,Yoga,Ilham,Taufik,"
    "Hendro,Yanto,Jaya,Yohanes,Yosef,Cahya,Jamal,Junaidi,Jumadi,Zulkifli,Zainal,Nasution,"
    "Harahap,Siregar,Lubis,Simanjuntak,Panjaitan,Sinaga,Pohan,Tanjung,Ginting,Sembiring,"
    "Tarigan,Manurung,Situmorang,Daulay,Rangkuti,Effendi,Syamsul,Samsudin,Hasanudin,Nurdin,"
    "Kamaludin,Burhan,Sofyan,Safrudin,Yulianto,Dwi,Tri,Adi,Hadi,Yadi,Sudirman,Sutomo,Suwarno,"
    "Sujatmiko,Subagyo,Sunarto,Surya,Indra,Putra,Wijaya,Permana,Saputro"
)
FEMALE_GIVEN = _split(
    "Siti,Sri,Dewi,Rina,Ani,Yanti,Wahyuni,Lestari,Kurniawati,Rahayu,Fitri,Nur,Nurul,Aminah,"
    "Aisyah,Fatimah,Khadijah,Yuliani,Yulia,Ratna,Maya,Indah,Putri,Ayu,Dian,Eka,Tuti,Sumarni,"
    "Suryani,Rohani,Jamilah,Zubaidah,Cahyani,Handayani,Susanti,Novita,Puspita,Melati,Mawar"
)
PLACES = _split(
    "Palembang,Palembang,Palembang,Palembang,Palembang,Prabumulih,Lahat,Baturaja,Muara Enim,"
    "Lubuklinggau,Pagar Alam,Kayuagung,Sekayu,Jakarta,Jakarta,Bandung,Surabaya,Semarang,"
    "Medan,Medan,Makassar,Padang,Pekanbaru,Jambi,Bengkulu,Lampung,Pontianak,Banjarmasin,"
    "Samarinda,Manado,Denpasar,Mataram,Kupang,Ambon,Jayapura,Yogyakarta,Solo,Malang,Kediri,"
    "Madiun,Cirebon,Tegal,Bogor,Bekasi,Tangerang,Serang,Garut,Tasikmalaya,Pangkal Pinang,"
    "Tanjung Pinang,Batam,Cilacap,Purwokerto,Jember,Banyuwangi,Probolinggo,Pasuruan,Sidoarjo,"
    "Gresik,Tuban,Kudus,Pati,Magelang,Klaten,Sukabumi,Cianjur,Karawang,Subang,Indramayu,"
    "Kuningan,Majalengka,Sumedang"
)
STREETS = _split(
    "Merdeka,Sudirman,Ahmad Yani,Diponegoro,Gatot Subroto,Kartini,Pahlawan,Veteran,Mawar,"
    "Melati,Kenanga,Cempaka,Anggrek,Kebun Jeruk,Pasar Lama,Sukarame,Talang Betutu,"
    "Demang Lebar Daun,Kolonel Atmo,Basuki Rahmat,Kapten Rivai,Letkol Iskandar,Mayor Ruslan,"
    "Radial,Macan Lindungan"
)
KELURAHAN = _split(
    "Sukajaya,Sukabangun,Ilir Timur,Seberang Ulu,Kemuning,Kalidoni,Plaju,Sako,Gandus,"
    "Alang-Alang,Kertapati,Bukit Kecil,Sematang Borang,Talang Kelapa,Lorok Pakjo,"
    "Siring Agung,Karya Baru"
)
TITLES = ("H.", "Hj.", "Ir.", "Drs.", "H. Ir.", "Dr.", "KH.")
DEGREES = (", S.H.", ", S.E.", ", S.Pd.", ", S.T.", ", A.Md.")
MUHAMMAD_VARIANTS = ("Muhammad", "Mohammad", "Muhamad", "Moh.", "Muh.", "M.", "Mochammad", "Mhd.")
ALIASES = ("Ucok", "Tompel", "Gondrong", "Kribo", "Botak", "Item", "Cepot", "Bule", "Codet")
COMMON_SINGLE = ("Budi", "Sutrisno", "Slamet", "Agus", "Joko", "Bambang", "Suparman", "Sri")

_REGION = {place: f"16{(i % 17) + 1:02d}{(i % 9) + 1:02d}" for i, place in enumerate(PLACES)}


@dataclass
class Dataset:
    clients: pa.Table  # IDENTITY_COLUMNS + person_id
    records: pa.Table  # IDENTITY_COLUMNS + person_id
    true_pairs: set[tuple[str, str]]  # (client id, record id)


def _zipf_weights(n: int, a: float = 0.7) -> np.ndarray:
    w = 1.0 / np.arange(1, n + 1) ** a
    return w / w.sum()


def _people(n: int, rng: np.random.Generator) -> dict[str, list]:
    """n distinct base identities (clean, modern spelling)."""
    female = rng.random(n) < 0.1
    male_w, female_w = _zipf_weights(len(MALE_GIVEN)), _zipf_weights(len(FEMALE_GIVEN))
    male_idx = rng.choice(len(MALE_GIVEN), size=(n, 3), p=male_w)
    female_idx = rng.choice(len(FEMALE_GIVEN), size=(n, 3), p=female_w)
    # 1, 2 or 3 words; some men start with Muhammad; some people carry only a common name.
    n_words = rng.choice([1, 2, 3], size=n, p=[0.15, 0.6, 0.25])
    muhammad = (rng.random(n) < 0.12) & ~female
    single_common = rng.random(n) < 0.03
    names = []
    for i in range(n):
        pool = FEMALE_GIVEN if female[i] else MALE_GIVEN
        idx = female_idx[i] if female[i] else male_idx[i]
        if single_common[i] and not female[i]:
            names.append(COMMON_SINGLE[int(idx[0]) % len(COMMON_SINGLE)])
            continue
        words = []
        for w in idx[: n_words[i]]:
            if pool[w] not in words:
                words.append(pool[w])
        if muhammad[i]:
            words.insert(0, "Muhammad")
        names.append(" ".join(words))
    base = dt.date(1950, 1, 1).toordinal()
    days = rng.integers(0, (dt.date(2006, 12, 31).toordinal() - base), size=n) + base
    births = [dt.date.fromordinal(int(d)) for d in days]
    place_idx = rng.integers(0, len(PLACES), size=n)
    places = [PLACES[i] for i in place_idx]
    # The last four digits count the people registered in one district with one birth date
    # and sex (0001, 0002 …): a NIK is unique, but neighbours differ by one digit.
    seen: dict[str, int] = {}
    niks = []
    for i in range(n):
        prefix = (
            f"{_REGION[places[i]]}{births[i].day + (40 if female[i] else 0):02d}"
            f"{births[i].month:02d}{births[i].year % 100:02d}"
        )
        seen[prefix] = seen.get(prefix, 0) + 1
        niks.append(f"{prefix}{seen[prefix]:04d}")
    street = rng.integers(0, len(STREETS), size=n)
    number = rng.integers(1, 200, size=n)
    rt = rng.integers(1, 20, size=n)
    rw = rng.integers(1, 12, size=n)
    kel = rng.integers(0, len(KELURAHAN), size=n)
    addresses = [
        f"Jl. {STREETS[street[i]]} No. {number[i]} RT {rt[i]:03d} RW {rw[i]:02d}, "
        f"{KELURAHAN[kel[i]]}, {places[i]}"
        for i in range(n)
    ]
    return {
        "full_name": names,
        "birth_date": births,
        "birth_place": places,
        "sex": ["P" if f else "L" for f in female],
        "nik": niks,
        "address": addresses,
    }


# --- corruption -------------------------------------------------------------------------------

_KEYBOARD_NEAR = dict(zip("aeioubdgkmnprstyh", "eaeuapbtkgnmbtsri", strict=True))


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word))
    kind = rng.random()
    if kind < 0.35:  # substitution
        c = word[i].lower()
        return word[:i] + _KEYBOARD_NEAR.get(c, "a") + word[i + 1 :]
    if kind < 0.6:  # deletion
        return word[:i] + word[i + 1 :]
    if kind < 0.8:  # doubled letter
        return word[:i] + word[i] + word[i:]
    if i < len(word) - 1:  # transposition
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word


def old_spelling(word: str) -> str:
    """The pre-1972 (van Ophuijsen/Soewandi) spelling of a modern word: Suharto → Soeharto,
    Joko → Djoko, Cahyono → Tjahjono, Syahrir → Sjahrir."""
    lower = word.lower()
    out = lower.replace("j", "dj").replace("c", "tj").replace("ny", "nj").replace("sy", "sj")
    out = re.sub(r"(?<![dtns])y", "j", out)
    out = out.replace("u", "oe")
    if out == lower:
        return word
    return out[:1].upper() + out[1:] if word[:1].isupper() else out


def _alter_name(name: str, rng: random.Random, *, strength: float = 1.0) -> str:
    words = name.split()
    # Muhammad variants
    if words and words[0] == "Muhammad" and rng.random() < 0.6:
        words[0] = rng.choice(MUHAMMAD_VARIANTS)
    # old spelling of one or all words
    if rng.random() < 0.15 * strength:
        words = [old_spelling(w) if rng.random() < 0.7 else w for w in words]
    # a typo in one word
    if rng.random() < 0.25 * strength:
        j = rng.randrange(len(words))
        words[j] = _typo(words[j], rng)
    if rng.random() < 0.05 * strength:  # a second typo
        j = rng.randrange(len(words))
        words[j] = _typo(words[j], rng)
    # dropped word (never the only one) or an added one
    if len(words) >= 3 and rng.random() < 0.08 * strength:
        del words[rng.randrange(1, len(words))]
    elif rng.random() < 0.04 * strength:
        words.append(rng.choice(MALE_GIVEN))
    # reordered words
    if len(words) >= 2 and rng.random() < 0.06 * strength:
        rng.shuffle(words)
    text = " ".join(words)
    if rng.random() < 0.08 * strength:
        text = f"{rng.choice(TITLES)} {text}"
    if rng.random() < 0.04 * strength:
        text += rng.choice(DEGREES)
    if rng.random() < 0.12 * strength:
        father = rng.choice(MALE_GIVEN)
        late = "Alm. " if rng.random() < 0.3 else ""
        text += f" {'binti' if rng.random() < 0.1 else 'bin'} {late}{father}"
    if rng.random() < 0.06 * strength:
        text += f" {'als' if rng.random() < 0.5 else 'alias'} {rng.choice(ALIASES)}"
    if rng.random() < 0.15:
        text = text.upper()
    return text


def _alter_date(day: dt.date | None, rng: random.Random, *, strength: float = 1.0):
    if day is None:
        return None
    r = rng.random() / strength
    if r < 0.05 and day.day <= 12 and day.day != day.month:
        return dt.date(day.year, day.day, day.month)
    if r < 0.09:
        try:
            return day + dt.timedelta(days=rng.choice([-3, -2, -1, 1, 2, 3]))
        except OverflowError:
            return day
    if r < 0.12:
        digit = rng.choice([-10, -1, 1, 10])
        try:
            return day.replace(year=day.year + digit)
        except ValueError:
            return day
    if r < 0.15:
        return None
    return day


def _alter_nik(nik: str, rng: random.Random, *, missing: float = 0.35) -> str:
    r = rng.random()
    if r < missing:
        return ""
    if r < missing + 0.05:
        i = rng.randrange(len(nik))
        return nik[:i] + str((int(nik[i]) + rng.randrange(1, 10)) % 10) + nik[i + 1 :]
    return nik


def _alter_place(place: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.06:
        return ""
    if r < 0.14:
        return rng.choice(PLACES)
    if r < 0.2:
        return old_spelling(place)
    if r < 0.25:
        return place.upper()
    return place


def _alter_address(address: str, place: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        return address
    if r < 0.55:
        return address.replace("Jl.", "Jalan").replace("No. ", "No ").upper()
    if r < 0.65:
        return ""
    return (
        f"Jl. {rng.choice(STREETS)} No. {rng.randrange(1, 200)} RT {rng.randrange(1, 20):03d} "
        f"RW {rng.randrange(1, 12):02d}, {rng.choice(KELURAHAN)}, {place or rng.choice(PLACES)}"
    )


def alter_identity(
    identity: dict,
    rng: random.Random | None = None,
    *,
    strength: float = 1.0,
    change_name: bool = True,
) -> dict:
    """The identity as another institution might write it: same person, altered name (old
    spelling, typo, Muhammad variant, title, father's name, alias …), maybe a day/month swap or
    a near date, NIK often missing or one digit wrong, another address. `id` is kept; callers
    give the record its own id. With `change_name` (the default) the name always differs from
    the one given; without, it is left as written about half of the time."""
    rng = rng or random.Random()  # noqa: S311 - synthetic data, not secrets
    given = identity.get("birth_date")
    birth: dt.date | None = None
    if isinstance(given, dt.date):
        birth = given
    elif isinstance(given, str) and given:
        birth = dt.date.fromisoformat(given)
    name = identity.get("full_name") or ""
    altered = _alter_name(name, rng, strength=strength)
    for _ in range(5 if change_name else 0):
        if altered != name:
            break
        altered = _alter_name(name, rng, strength=max(strength, 2.0))
    if altered == name and change_name:
        altered = f"{rng.choice(TITLES)} {name}"
    place = identity.get("birth_place") or ""
    return {
        **identity,
        "full_name": altered,
        "birth_date": _alter_date(birth, rng, strength=strength),
        "birth_place": _alter_place(place, rng),
        "sex": identity.get("sex") or "",
        "nik": _alter_nik(identity.get("nik") or "", rng),
        "address": _alter_address(identity.get("address") or "", place, rng),
    }


def _light_noise(row: dict, rng: random.Random) -> dict:
    """What any institution's record looks like: sometimes a title, upper case, no NIK."""
    name = row["full_name"]
    if rng.random() < 0.05:
        name = f"{rng.choice(TITLES)} {name}"
    if rng.random() < 0.08:
        name += f" bin {rng.choice(MALE_GIVEN)}"
    if rng.random() < 0.15:
        name = name.upper()
    return {**row, "full_name": name, "nik": row["nik"] if rng.random() > 0.35 else ""}


def generate(
    n_clients: int,
    n_records: int,
    *,
    seed: int = 0,
    reappear: float = 0.05,
    same_name: float = 0.02,
    as_rows: bool = False,
) -> Dataset:
    """Clients and admission records with the truth.

    `reappear`: share of records that are clients again (each client at most once).
    `same_name`: share of records that are other people bearing a client's name (half of them
    also born in the client's town, all on another day)."""
    np_rng = np.random.default_rng(seed)
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    n_back = min(round(n_records * reappear), n_clients)
    n_twins = min(round(n_records * same_name), n_records - n_back)
    n_others = n_records - n_back - n_twins
    people = _people(n_clients + n_others + n_twins, np_rng)

    clients = []
    for i in range(n_clients):
        row = {k: v[i] for k, v in people.items()}
        clients.append({"id": f"c{i}", **row, "person_id": f"p{i}"})

    records = []
    back = np_rng.choice(n_clients, size=n_back, replace=False)
    for c in back:
        altered = alter_identity(clients[int(c)], rng, change_name=False)
        records.append(altered)
    for j in range(n_twins):
        k = n_clients + n_others + j
        row = {key: v[k] for key, v in people.items()}
        client = clients[int(np_rng.integers(n_clients))]
        row["full_name"] = client["full_name"]
        row["sex"] = client["sex"]
        if j % 2 == 0:
            row["birth_place"] = client["birth_place"]
        if row["birth_date"] == client["birth_date"]:
            row["birth_date"] = row["birth_date"] + dt.timedelta(days=400)
        records.append(_light_noise({**row, "person_id": f"p{k}"}, rng))
    for j in range(n_others):
        k = n_clients + j
        row = {key: v[k] for key, v in people.items()}
        records.append(_light_noise({**row, "person_id": f"p{k}"}, rng))
    order = np_rng.permutation(len(records))
    records = [records[int(i)] for i in order]
    for i, row in enumerate(records):
        row["id"] = f"r{i}"
    true_pairs = {
        (f"c{int(c)}", r["id"]) for r in records for c in [r["person_id"][1:]] if int(c) < n_clients
    }
    if as_rows:
        return Dataset(clients, records, true_pairs)  # type: ignore[arg-type]
    return Dataset(_table(clients), _table(records), true_pairs)


def _table(rows: list[dict]) -> pa.Table:
    columns = (*IDENTITY_COLUMNS, "person_id")
    data = {c: [r.get(c) for r in rows] for c in columns}
    schema = pa.schema([(c, pa.date32() if c == "birth_date" else pa.string()) for c in columns])
    return pa.table(data, schema=schema)
