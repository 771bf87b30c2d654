"""The side-by-side comparison of a client and an external record on the match page: each
identity field of both, whether they differ, and the parts that differ marked."""

import datetime as dt
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from bimkemas.clients.identity import name_key
from bimkemas.clients.models import Client
from bimkemas.core.dates import long_date
from bimkemas.linkage.models import ExternalRecord


@dataclass(frozen=True)
class Part:
    text: str
    differs: bool


@dataclass
class Row:
    label: str
    client: list[Part]
    record: list[Part]
    same: bool
    note: str = ""
    missing: bool = False  # one side is empty: neither for nor against
    digits: bool = False  # parts are single characters (NIK): shown without spaces

    @property
    def status(self) -> str:
        if self.missing:
            return "missing"
        return "same" if self.same else "differs"


@dataclass
class Comparison:
    rows: list[Row] = field(default_factory=list)
    client_key: str = ""
    record_key: str = ""

    @property
    def keys_equal(self) -> bool:
        return self.client_key == self.record_key


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def _tokens(mine: str, theirs: str) -> list[Part]:
    """`mine` split in words, each marked when the other side lacks it."""
    others = set(_fold(theirs).replace(",", " ").split())
    return [
        Part(word, _fold(word).strip(",") not in others and bool(_fold(word).strip(",")))
        for word in (mine or "").split()
    ]


def _chars(mine: str, theirs: str) -> list[Part]:
    """Digit by digit (NIK): the positions that differ marked."""
    if len(mine) != len(theirs):
        return [Part(mine, bool(mine) and bool(theirs))]
    return [Part(a, a != b) for a, b in zip(mine, theirs, strict=True)]


def _text_row(label: str, client_value: str, record_value: str, *, by: str = "word") -> Row:
    client_value, record_value = client_value or "", record_value or ""
    missing = not client_value or not record_value
    same = _fold(client_value) == _fold(record_value)
    split = _chars if by == "char" else _tokens
    return Row(
        label,
        split(client_value, record_value) if client_value else [Part("—", False)],
        split(record_value, client_value) if record_value else [Part("—", False)],
        same,
        missing=missing,
        digits=by == "char",
    )


def _date_row(label: str, mine: dt.date | None, theirs: dt.date | None) -> Row:
    if mine is None or theirs is None:
        shown = [Part(long_date(d) if d else "—", False) for d in (mine, theirs)]
        return Row(label, [shown[0]], [shown[1]], False, missing=True)
    same = mine == theirs
    note = ""
    if not same and (mine.day, mine.month, mine.year) == (theirs.month, theirs.day, theirs.year):
        note = _("day and month swapped")
    elif not same and abs((mine - theirs).days) <= 31:
        note = _("%(days)s days apart") % {"days": abs((mine - theirs).days)}
    return Row(
        label,
        [Part(long_date(mine), not same)],
        [Part(long_date(theirs), not same)],
        same,
        note=note,
    )


def compare(client: Client, record: ExternalRecord) -> Comparison:
    # As the matcher read it: street, kelurahan, kecamatan, kabupaten/kota (no RT/RW labels).
    address = ", ".join(
        p
        for p in (
            client.street,
            client.kelurahan,
            client.kecamatan,
            client.work_area.name if client.work_area_id else "",
        )
        if p
    )
    rows = [
        _text_row(_("Name"), client.full_name, record.full_name),
        _date_row(_("Date of birth"), client.birth_date, record.birth_date),
        _text_row(_("Place of birth"), client.birth_place, record.birth_place),
        _text_row(_("NIK"), client.nik or "", record.nik, by="char"),
        _text_row(_("Sex"), client.get_sex_display(), _sex_label(record.sex)),
        _text_row(_("Address"), address, record.address),
    ]
    if client.aliases:
        rows[0].note = _("alias: %(aliases)s") % {"aliases": client.aliases}
    return Comparison(rows, name_key(client.full_name), name_key(record.full_name))


def _sex_label(code: str) -> str:
    code = (code or "").upper()
    labels = dict(Client._meta.get_field("sex").choices or [])
    code = {"M": "L", "F": "P"}.get(code, code)
    return str(labels.get(code, code))
