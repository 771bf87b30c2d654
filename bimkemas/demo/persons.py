"""Identity details that look real and pass the project's own checks: NIK (clients.identity.
validate_nik), mobile numbers (valid for phonenumbers' ID region, stored as E.164), NIP."""

import datetime as dt
import random
import re
import uuid


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Mobile prefixes of Telkomsel, Indosat, XL, Axis, Tri and Smartfren (all checked valid).
MOBILE_PREFIXES = _words(
    "0811 0812 0813 0821 0822 0823 0851 0852 0853 0814 0815 0816 0855 0856 0857 0858 "
    "0817 0818 0819 0859 0877 0878 0895 0896 0897 0898 0899 0881 0882 0883 0831 0838"
)
BIRTH_PLACES_SUMSEL = _words(
    "Palembang Palembang Palembang Prabumulih Sekayu Kayuagung Indralaya Pangkalan_Balai "
    "Baturaja Lahat Muara_Enim Lubuklinggau Tanjung_Raja Betung Pagar_Alam Martapura Muaradua"
)
BIRTH_PLACES_ELSEWHERE = _words(
    "Jakarta Bandung Semarang Surabaya Yogyakarta Medan Padang Jambi Bengkulu Bandar_Lampung "
    "Pekanbaru Pangkalpinang Makassar Kediri Cirebon Tegal Solo Pontianak Banjarmasin Manado"
)


def public_id(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def mobile(rng: random.Random) -> str:
    """A mobile number in E.164, the form the services store."""
    digits = rng.choice((7, 8, 8, 8, 9))
    local = rng.choice(MOBILE_PREFIXES) + "".join(rng.choices("0123456789", k=digits))
    return "+62" + local[1:]


def nik(
    rng: random.Random, region: str, birth_date: dt.date, *, female: bool, used: set[str]
) -> str:
    """A NIK: region (6) + DDMMYY (+40 to the day for women) + a serial unused so far."""
    day = birth_date.day + (40 if female else 0)
    stem = f"{region}{day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}"
    while True:
        value = f"{stem}{rng.randint(1, 9999):04d}"
        if value not in used:
            used.add(value)
            return value


def nip(rng: random.Random, *, birth_date: dt.date, appointed: dt.date, female: bool) -> str:
    """An 18-digit civil-service number: birth date, appointment month, sex, serial."""
    return f"{birth_date:%Y%m%d}{appointed:%Y%m}{2 if female else 1}{rng.randint(1, 999):03d}"


def birth_date(rng: random.Random, on: dt.date, age_low: float, age_high: float) -> dt.date:
    """A birth date giving an age in [age_low, age_high) years on the day `on`."""
    age_days = rng.uniform(age_low * 365.25, age_high * 365.25)
    return on - dt.timedelta(days=int(age_days))


def adult_age(rng: random.Random) -> float:
    # Most clients are in their twenties to forties.
    return min(70.0, max(18.5, rng.triangular(19, 66, 31)))


def birth_place(rng: random.Random, home: str, profile: str) -> str:
    roll = rng.random()
    if roll < 0.5:
        return home
    if profile in ("palembang", "sumatra") and roll < 0.9:
        return rng.choice(BIRTH_PLACES_SUMSEL).replace("_", " ")
    return rng.choice(BIRTH_PLACES_ELSEWHERE).replace("_", " ")


def username_for(first_name: str, last_name: str, used: set[str]) -> str:
    """ "budi.santoso" from the name (degrees dropped), made unique with a number."""
    words = re.findall(r"[a-z]+", f"{first_name} {last_name.split(',')[0]}".lower())
    words = [w for w in words if w not in {"muhammad", "m"}] or words
    base = ".".join(words[:1] + words[-1:]) if len(words) > 1 else words[0]
    candidate, number = base, 1
    while candidate in used:
        number += 1
        candidate = f"{base}{number}"
    used.add(candidate)
    return candidate
