"""Identity rules: NIK validation, phone numbers, and name keys for duplicate warnings."""

import datetime as dt
import difflib
import re
import unicodedata

import phonenumbers
from django.utils.translation import gettext as _

from bimkemas.core.errors import ApplicationError

# [0-9], not \d: \d also matches other scripts' digits (Arabic-Indic, full-width).
NIK_PATTERN = re.compile(r"^[0-9]{16}$")


def validate_nik(nik: str, *, birth_date: dt.date | None = None, female: bool | None = None) -> str:
    """Check a 16-digit NIK and its embedded birth date; return it stripped of spaces.

    Digits 7–12 are the birth date as DDMMYY, with 40 added to the day for women.
    """
    nik = re.sub(r"\s", "", nik or "")
    if not NIK_PATTERN.match(nik):
        raise ApplicationError(_("NIK must be exactly 16 digits."), field="nik")
    if nik[:2] < "11" or nik[2:4] == "00" or nik[4:6] == "00":
        raise ApplicationError(_("NIK does not start with a valid region code."), field="nik")
    day, month, year2 = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    is_female = day > 40
    if is_female:
        day -= 40
    if not _is_calendar_date(day, month, year2):
        raise ApplicationError(_("NIK does not contain a valid date of birth."), field="nik")
    if birth_date is not None and (day, month, year2) != (
        birth_date.day,
        birth_date.month,
        birth_date.year % 100,
    ):
        raise ApplicationError(
            _("The date of birth in the NIK does not match the date of birth entered."),
            field="nik",
        )
    if female is not None and female != is_female:
        raise ApplicationError(_("The NIK does not match the sex entered."), field="nik")
    if nik[12:] == "0000":
        raise ApplicationError(_("NIK ends with an invalid serial number."), field="nik")
    return nik


def _is_calendar_date(day: int, month: int, year2: int) -> bool:
    """Whether the day exists in 19yy or 20yy (29 February needs a leap year in one)."""
    for century in (1900, 2000):
        try:
            dt.date(century + year2, month, day)
        except ValueError:
            continue
        return True
    return False


def normalise_phone(number: str, *, field: str = "phone") -> str:
    """An Indonesian or international phone number in E.164 form (+62…)."""
    try:
        parsed = phonenumbers.parse(number, "ID")
    except phonenumbers.NumberParseException as error:
        raise ApplicationError(_("This is not a phone number."), field=field) from error
    if not phonenumbers.is_valid_number(parsed):
        raise ApplicationError(_("This is not a valid phone number."), field=field)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


# Spelling reforms, most specific first: dj, tj, nj, sj before a lone j (DOMAIN.md §11).
_SPELLING = {"oe": "u", "dj": "j", "tj": "c", "nj": "ny", "sj": "sy", "ch": "kh"}
_SPELLING_PATTERN = re.compile("|".join([*_SPELLING, "j"]))
# A word showing one of these was written before 1972, so its lone j is today's y
# ("Tjahjadi" = "Cahyadi"); in a modern word j stays j ("Joko").
# "nj" alone proves nothing: today's Panjaitan, Banjar and Tanjung have it too (their old
# spelling was Pandjaitan, Bandjar, Tandjoeng); only at the start of a word is it the old
# "ny" (Njoman = Nyoman). In a word without old spelling, nj and a lone j stay as written.
_OLD_SPELLING = re.compile("oe|dj|tj|sj|^nj")
_MUHAMMAD = {
    "muhammad",
    "mohammad",
    "muhamad",
    "mochammad",
    "mohamad",
    "mohammed",
    "muhammed",
    "moh",
    "muh",
    "mhd",
    "m",
    "md",
    "mochamad",
    "muchammad",
    "mukhammad",
    "mokhammad",
    # abbreviations and spellings seen in prison and court registers
    "moch",
    "much",
    "mohd",
    "muchamad",
    "mukhamad",
    "mokhamad",
    "mohamed",
    "muhamed",
}
_PREFIX_TITLES = {"h", "hj", "ir", "drs", "dra", "dr", "prof", "kh", "ust", "ustadz", "raden", "rd"}
_ABBREVIATIONS = {"abd": "abdul", "st": "siti"}


def _ascii_lower(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _core_name(name: str) -> str:
    """Drop degrees after a comma, "alias …" and "bin/binti …"."""
    name = name.split(",")[0]
    name = re.split(r"\b(?:als|alias)\b", name)[0]
    return re.split(r"\b(?:bin|binti)\b", name)[0]


def _unify(token: str, position: int) -> str:
    if position == 0 and token in _ABBREVIATIONS:
        return _ABBREVIATIONS[token]
    if token in _MUHAMMAD:
        return "muhammad"
    old = bool(_OLD_SPELLING.search(token))

    def today(match: re.Match) -> str:
        found = match.group()
        if found == "j":
            return "y" if old else "j"
        if found == "nj" and not old:
            return "nj"
        return _SPELLING[found]

    # One pass, so the j that "dj" becomes is not turned into a y again.
    return _SPELLING_PATTERN.sub(today, token)


def name_tokens(full_name: str) -> list[str]:
    """The tokens of a name with old spellings, titles and variants of common names unified."""
    tokens = re.findall(r"[a-z]+", _core_name(_ascii_lower(full_name)))
    while len(tokens) > 1 and tokens[0] in _PREFIX_TITLES:
        tokens = tokens[1:]
    return [_unify(token, position) for position, token in enumerate(tokens)]


def _folded_tokens(full_name: str) -> list[str]:
    tokens = [
        re.sub(r"(.)\1+", r"\1", token.replace("kh", "h")) for token in name_tokens(full_name)
    ]
    return [t for t in tokens if t]


def name_key(full_name: str) -> str:
    """A key equal for spellings of the same name: sorted, normalised, doubled letters folded."""
    return " ".join(sorted(_folded_tokens(full_name)))


def name_similarity(first: str, second: str) -> float:
    """0–1, how alike two names are; one letter apart in a long name is above 0.9.

    Compared both as keys (any word order) and in the written order, since a one-letter
    difference can move a word in the sorted key ("Yudi Santoso" / "Rudi Santoso").
    """
    as_keys = difflib.SequenceMatcher(None, name_key(first), name_key(second)).ratio()
    as_written = difflib.SequenceMatcher(
        None, " ".join(_folded_tokens(first)), " ".join(_folded_tokens(second))
    ).ratio()
    return max(as_keys, as_written)
