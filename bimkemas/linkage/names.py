"""Name and identity features for the matcher, built on the register's name normaliser.

`bimkemas.clients.identity.name_key` already unifies spelling reforms, Muhammad variants,
titles, "bin/binti …", "alias …" and token order (DOMAIN.md §11). The matcher needs a few
more views of the same normalised name: the written order (a one-letter change can move a
word in the sorted key), the first and last word, a coarse phonetic key for blocking, and
the token set. Pure functions, no Django models.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bimkemas.clients.identity import name_tokens

# Coarse sounds for blocking only: letters Indonesians often write either way.
_PHONETIC = str.maketrans({"v": "f", "p": "f", "z": "s", "q": "k", "c": "k", "y": "i", "w": "u"})


def _fold(token: str) -> str:
    return re.sub(r"(.)\1+", r"\1", token.replace("kh", "h"))


@dataclass(frozen=True)
class NameFeatures:
    key: str  # sorted normalised tokens: equal for spellings and word orders of one name
    written: str  # normalised tokens in the written order
    first: str  # first normalised token as written ("muhammad" counts)
    last: str  # last normalised token as written (empty for a single name)
    tokens: tuple[str, ...]  # the sorted distinct tokens
    phonetic: str  # coarse sound of the key, for blocking


def phonetic(token: str) -> str:
    """A coarse sound key: vowels after the first letter dropped, near letters merged."""
    token = token.translate(_PHONETIC)
    if not token:
        return ""
    rest = re.sub(r"[aeiouh]", "", token[1:])
    return re.sub(r"(.)\1+", r"\1", token[0] + rest)


@lru_cache(maxsize=200_000)
def name_features(full_name: str) -> NameFeatures:
    """The matcher's views of one name (cached: names repeat across large inputs)."""
    tokens = [t for t in (_fold(t) for t in name_tokens(full_name or "")) if t]
    ordered = sorted(tokens)
    return NameFeatures(
        key=" ".join(ordered),
        written=" ".join(tokens),
        first=tokens[0] if tokens else "",
        last=tokens[-1] if len(tokens) > 1 else "",
        tokens=tuple(sorted(set(tokens))),
        phonetic=" ".join(phonetic(t) for t in ordered),
    )


def place_key(place: str) -> str:
    """A birth place or address in lower-case ASCII words, administrative words dropped
    ("Kota", "Kab."), old spellings unified ("Soerabaja" = "Surabaya")."""
    text = unicodedata.normalize("NFKD", place or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = [w for w in re.findall(r"[a-z0-9]+", text) if w not in _PLACE_NOISE]
    text = " ".join(words)
    # old spelling somewhere (nj only at a word's start: today's Banjar has one too)
    if re.search("oe|dj|tj|sj|(^| )nj", text):
        text = _PLACE_PATTERN.sub(lambda m: _PLACE_SPELLING.get(m.group(), "y"), text)
    return text


# Administrative and street words that one office writes and another drops or abbreviates.
_PLACE_NOISE = {
    "kota",
    "kab",
    "kabupaten",
    "kec",
    "kecamatan",
    "kel",
    "kelurahan",
    "desa",
    "jl",
    "jln",
    "jalan",
    "no",
    "nomor",
}
_PLACE_SPELLING = {"oe": "u", "dj": "j", "tj": "c", "nj": "ny", "sj": "sy"}
_PLACE_PATTERN = re.compile("oe|dj|tj|nj|sj|j")


def parse_birth_date(value: object) -> dt.date | None:
    """A date, an ISO string or empty; raises ValueError on anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not _ISO_DATE.match(text):
        raise ValueError(f"not a YYYY-MM-DD date: {text!r}")
    return dt.date.fromisoformat(text)


_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def swapped_date(day: dt.date | None) -> dt.date | None:
    """The date with day and month swapped, when that is a different valid date."""
    if day is None or day.day > 12 or day.day == day.month:
        return None
    return dt.date(day.year, day.day, day.month)


def clean_nik(nik: object) -> str:
    """Digits only; anything other than 16 digits counts as missing."""
    digits = re.sub(r"[^0-9]", "", str(nik or ""))
    return digits if len(digits) == 16 else ""


def clean_sex(sex: object) -> str:
    """ "L" or "P" (M/F, male/female and laki-laki/perempuan accepted), else ""."""
    value = str(sex or "").strip().upper()[:1]
    return {"L": "L", "M": "L", "P": "P", "F": "P", "W": "P"}.get(value, "")
