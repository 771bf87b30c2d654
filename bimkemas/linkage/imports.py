"""Reading SDP admission and SIPP decision exports (CSV or XLSX) and checking each row.

Pure: no database. `parse_file` reads a file, `parse_records` takes the rows of an API call;
both return a `ParseResult`: the valid rows ready to store and the problems, each with its
row number (the spreadsheet's: the header is row 1; for the API the record's position,
from 1), column and a message in the active language. Whole-file problems (not UTF-8, no
required column, too many rows) carry row 0 and reject the file even with the option to
import the valid rows.

Columns are named as the exports name them; a header matches whatever its case, spacing
or punctuation ("No. Registrasi" is `no_registrasi`), and a few common variants are
accepted (`tgl_lahir`). Columns not listed are kept in the raw fields.
"""

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from bimkemas.clients.identity import name_key
from bimkemas.core.dates import today
from bimkemas.core.validators import clean_person_text

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
MAX_RECORDS_PER_CALL = 1_000
MAX_CELL_CHARS = 2_000
# Problems kept on a batch; the rest are counted in one last line.
MAX_PROBLEMS = 500
EARLIEST = dt.date(1900, 1, 1)

SDP_ADMISSION = "sdp_admission"
SIPP_DECISION = "sipp_decision"


@dataclass(frozen=True)
class Column:
    key: str  # as the export names it
    kind: str  # text, name, place, address, date, sex, nik, id, status
    field: str = ""  # the ExternalRecord field it fills ("" = only raw)
    required: bool = False
    max_length: int = 200
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceSpec:
    source: str
    columns: tuple[Column, ...]
    # (column keys → text) the event as stored: what happened, in the source's words.
    event: Callable[[dict[str, str]], str]

    def key_of(self, field_name: str) -> str:
        """The column that fills an ExternalRecord field."""
        return next(c.key for c in self.columns if c.field == field_name)

    @property
    def id_column(self) -> str:
        return self.key_of("external_id")

    @property
    def institution_column(self) -> str:
        return self.key_of("institution")


def _joined(*keys: str) -> Callable[[dict[str, str]], str]:
    def event(values: dict[str, str]) -> str:
        return " · ".join(values[key] for key in keys if values.get(key))[:300]

    return event


_IDENTITY = (
    Column("tempat_lahir", "place", "birth_place", max_length=100, aliases=("tmp_lahir",)),
    Column("tanggal_lahir", "date", "birth_date", aliases=("tgl_lahir", "tanggal_lhr")),
    Column(
        "jenis_kelamin",
        "sex",
        "sex",
        aliases=("jk", "kelamin", "jenis_kelamin_l_p", "l_p", "sex"),
    ),
    Column("nik", "nik", "nik", aliases=("no_nik", "nomor_nik", "no_ktp", "nik_ktp")),
    Column("alamat", "address", "address", max_length=300, aliases=("alamat_lengkap",)),
)

SOURCES: dict[str, SourceSpec] = {
    SDP_ADMISSION: SourceSpec(
        SDP_ADMISSION,
        (
            Column(
                "no_registrasi",
                "id",
                "external_id",
                required=True,
                max_length=100,
                aliases=("no_reg", "nomor_registrasi", "no_registrasi_wbp"),
            ),
            Column(
                "nama",
                "name",
                "full_name",
                required=True,
                aliases=("nama_lengkap", "nama_wbp", "nama_narapidana", "nama_tahanan"),
            ),
            Column("alias", "name", "aliases", max_length=300, aliases=("nama_alias", "als")),
            *_IDENTITY,
            Column(
                "tanggal_masuk",
                "date",
                "event_date",
                required=True,
                aliases=("tgl_masuk", "tanggal_registrasi"),
            ),
            Column(
                "upt",
                "place",
                "institution",
                required=True,
                aliases=("nama_upt", "satker", "lapas_rutan"),
            ),
            Column("status", "status", aliases=("status_wbp", "jenis_wbp", "status_tahanan")),
            Column(
                "perkara",
                "text",
                max_length=300,
                aliases=("jenis_perkara", "jenis_kejahatan", "kejahatan", "perkara_pasal"),
            ),
            Column("pasal", "text", max_length=300),
        ),
        _joined("status", "perkara", "pasal"),
    ),
    SIPP_DECISION: SourceSpec(
        SIPP_DECISION,
        (
            Column(
                "nomor_perkara",
                "id",
                "external_id",
                required=True,
                max_length=100,
                aliases=("no_perkara",),
            ),
            Column(
                "nama_terdakwa",
                "name",
                "full_name",
                required=True,
                aliases=("terdakwa", "nama"),
            ),
            *_IDENTITY,
            Column(
                "tanggal_putusan",
                "date",
                "event_date",
                required=True,
                aliases=("tgl_putusan",),
            ),
            Column(
                "pengadilan",
                "place",
                "institution",
                required=True,
                aliases=("nama_pengadilan", "satker", "pengadilan_negeri"),
            ),
            Column(
                "klasifikasi_perkara",
                "text",
                max_length=300,
                aliases=("klasifikasi", "jenis_perkara"),
            ),
            Column("amar_putusan", "text", max_length=2000, aliases=("amar", "putusan")),
        ),
        _joined("klasifikasi_perkara", "amar_putusan"),
    ),
}

SEX_VALUES = {
    "l": "L",
    "lk": "L",
    "laki-laki": "L",
    "laki laki": "L",
    "lakilaki": "L",
    "pria": "L",
    "m": "L",
    "p": "P",
    "pr": "P",
    "perempuan": "P",
    "wanita": "P",
    "w": "P",
    "f": "P",
}
STATUS_VALUES = {"tahanan": "tahanan", "narapidana": "narapidana", "napi": "narapidana"}
# yyyy-mm-dd (a time after it is ignored), or dd/mm/yyyy with /, - or . between.
_ISO_DATE = re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:[T ][\d:.]+)?")
_DMY_DATE = re.compile(r"(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})")
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


@dataclass(frozen=True)
class Problem:
    row: int  # 0: the whole file
    column: str
    message: str
    kind: str = "error"  # "error": not imported; "notice": imported or kept, but see

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "field": self.column, "message": self.message, "kind": self.kind}


@dataclass
class ParsedRow:
    row: int
    values: dict[str, Any]  # ExternalRecord fields
    raw: dict[str, str]  # every cell as received, by the file's own header

    @property
    def key(self) -> tuple[str, str]:
        return self.values["institution"], self.values["external_id"]


@dataclass
class ParseResult:
    source: str
    rows_total: int = 0
    valid: list[ParsedRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    file_rejected: bool = False  # a whole-file problem: nothing can be imported

    @property
    def rejected_rows(self) -> set[int]:
        return {p.row for p in self.problems if p.kind == "error" and p.row > 0}

    def reject_file(self, message: str, column: str = "") -> "ParseResult":
        self.problems.append(Problem(0, column, message))
        self.file_rejected = True
        self.valid = []
        return self


class FileUnreadable(Exception):
    """The file cannot be read as a table at all; the message says why."""


# --- headers ---------------------------------------------------------------------------------


def header_key(text: str) -> str:
    """ "No. Registrasi " → "no_registrasi": case, spacing and punctuation do not matter."""
    text = unicodedata.normalize("NFKC", text).strip().lower()
    return re.sub(r"[^0-9a-z]+", "_", text).strip("_")


def _match_headers(spec: SourceSpec, header: Sequence[str], result: ParseResult) -> list[str]:
    """The column key of each header cell ("" for columns the source does not list)."""
    names: dict[str, str] = {}
    for column in spec.columns:
        for name in (column.key, *column.aliases):
            names.setdefault(header_key(name), column.key)
    keys: list[str] = []
    seen: dict[str, str] = {}
    for text in header:
        key = names.get(header_key(text), "")
        if key in seen:
            result.reject_file(
                _("The columns “%(first)s” and “%(second)s” are the same column (%(key)s).")
                % {"first": seen[key], "second": text, "key": key},
                key,
            )
        elif key:
            seen[key] = text
        keys.append(key)
    for column in spec.columns:
        if column.required and column.key not in seen:
            result.reject_file(
                _("The required column “%(column)s” is missing.") % {"column": column.key},
                column.key,
            )
    return keys


# --- reading files ---------------------------------------------------------------------------


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise FileUnreadable(
            _(
                "The file is not UTF-8 text (line %(line)s). Save it again as “CSV UTF-8” "
                "or as an Excel workbook (.xlsx)."
            )
            % {"line": line}
        ) from None


def _csv_rows(content: bytes) -> Iterator[list[str]]:
    text = _decode(content)
    if "\x00" in text:
        raise FileUnreadable(_("The file holds NUL characters: it is not a CSV file."))
    first_line = text.split("\n", 1)[0]
    # Indonesian Excel saves CSV with semicolons (the comma is its decimal sign).
    delimiter = max((";", ",", "\t"), key=first_line.count)
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    except csv.Error as error:
        raise FileUnreadable(
            _("The CSV file cannot be read: %(error)s") % {"error": error}
        ) from None


def _cell_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(content: bytes) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise FileUnreadable(_("The Excel file cannot be read.")) from error
    try:
        sheet = workbook.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            yield list(row)
    finally:
        workbook.close()


def _is_xlsx(file_name: str, content: bytes) -> bool:
    return content[:4] == b"PK\x03\x04" or file_name.lower().endswith((".xlsx", ".xlsm"))


def _table(file_name: str, content: bytes) -> Iterator[list[Any]]:
    if content[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise FileUnreadable(
            _("Old Excel files (.xls) cannot be read. Save the file as .xlsx or CSV UTF-8.")
        )
    return _xlsx_rows(content) if _is_xlsx(file_name, content) else _csv_rows(content)


def _blank(cells: Sequence[Any]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def parse_file(source: str, file_name: str, content: bytes) -> ParseResult:
    """Read and check one export. Nothing is stored here."""
    spec = SOURCES[source]
    result = ParseResult(source)
    if len(content) > MAX_FILE_BYTES:
        return result.reject_file(
            _("The file is too big (%(size)s MB; at most %(limit)s MB).")
            % {
                "size": f"{len(content) / 2**20:.1f}",
                "limit": MAX_FILE_BYTES // 2**20,
            }
        )
    if not content.strip():
        return result.reject_file(_("The file is empty."))
    try:
        rows = _table(file_name, content)
        header = next((cells for cells in rows if not _blank(cells)), None)
        if header is None:
            return result.reject_file(_("The file is empty."))
        numbered: list[tuple[int, Sequence[Any]]] = []
        for number, cells in enumerate(rows, start=2):
            if _blank(cells):
                continue
            if len(numbered) == MAX_ROWS:
                return result.reject_file(
                    _("The file has more than %(limit)s rows. Split it into smaller files.")
                    % {"limit": f"{MAX_ROWS:,}"}
                )
            numbered.append((number, cells))
    except FileUnreadable as error:
        return result.reject_file(str(error))
    if not numbered:
        return result.reject_file(_("The file has a header but no rows."))
    return _check_rows(spec, [_cell_text(cell) for cell in header], numbered, result)


def parse_records(source: str, records: Sequence[dict[str, Any]]) -> ParseResult:
    """Check the records of an API call: objects keyed by the export's column names."""
    spec = SOURCES[source]
    result = ParseResult(source)
    if not records:
        return result.reject_file(_("No records were sent."))
    if len(records) > MAX_RECORDS_PER_CALL:
        return result.reject_file(
            _("At most %(limit)s records per call.") % {"limit": f"{MAX_RECORDS_PER_CALL:,}"}
        )
    header: list[str] = []
    for record in records:
        header.extend(name for name in record if name not in header)
    numbered = [
        (number, [record.get(name) for name in header])
        for number, record in enumerate(records, start=1)
    ]
    return _check_rows(spec, header, numbered, result)


# --- rows ------------------------------------------------------------------------------------


def _check_rows(
    spec: SourceSpec,
    header: list[str],
    numbered: Sequence[tuple[int, Sequence[Any]]],
    result: ParseResult,
) -> ParseResult:
    result.rows_total = len(numbered)
    while header and not header[-1].strip():
        header = header[:-1]
    header = [text.strip() or f"kolom_{index}" for index, text in enumerate(header, 1)]
    if any(_unstorable(text) for text in header):
        return result.reject_file(_("A column name holds invisible or control characters."))
    keys = _match_headers(spec, header, result)
    if result.file_rejected:
        return result
    duplicates = _duplicates(spec, keys, numbered, result)
    day = today()
    parsed = [
        _check_row(spec, header, keys, (number, cells), result, day) for number, cells in numbered
    ]
    result.valid = [row for row in parsed if row is not None and row.row not in duplicates]
    result.problems.sort(key=lambda p: (p.row, p.kind, p.column))
    return result


def _check_row(
    spec: SourceSpec,
    header: list[str],
    keys: list[str],
    numbered: tuple[int, Sequence[Any]],
    result: ParseResult,
    day: dt.date,
) -> ParsedRow | None:
    number, cells = numbered
    if len(cells) > len(header) and not _blank(cells[len(header) :]):
        result.problems.append(
            Problem(number, "", _("The row has more cells than the header has columns."))
        )
        return None
    texts = [_cell_text(cell) for cell in cells] + [""] * (len(header) - len(cells))
    raw = dict(zip(header, texts, strict=False))
    cells_by_key = {key: cells[i] if i < len(cells) else None for i, key in enumerate(keys) if key}
    values: dict[str, Any] = {}
    given: dict[str, str] = {}
    problems = list(_raw_problems(number, raw))
    if problems:  # the cells' own checks would only say it again
        result.problems.extend(problems)
        return None
    for column in spec.columns:
        cell = cells_by_key.get(column.key)
        try:
            value = _convert(column, cell)
        except ValidationError as error:
            problems.append(Problem(number, column.key, error.messages[0]))
            continue
        given[column.key] = _cell_text(value) if value is not None else ""
        if column.field:
            values[column.field] = value
    problems.extend(_check_dates(values, number, spec, day))
    if problems:
        result.problems.extend(problems)
        return None
    values["event"] = spec.event(given)
    values["name_key"] = name_key(values["full_name"])[:200]
    for name in ("birth_place", "sex", "nik", "address", "aliases"):
        values.setdefault(name, "")
    values.setdefault("birth_date", None)
    return ParsedRow(number, values, raw)


def _unstorable(text: str) -> bool:
    """NUL and lone surrogates: no database stores them (PostgreSQL refuses both)."""
    return _UNSTORABLE.search(text) is not None


def _raw_problems(number: int, raw: dict[str, str]) -> Iterable[Problem]:
    for name, text in raw.items():
        if _unstorable(text):
            yield Problem(number, name, _("Invisible or control characters are not allowed."))
        elif len(text) > MAX_CELL_CHARS:
            yield Problem(
                number,
                name,
                _("Too long: at most %(limit)s characters.") % {"limit": MAX_CELL_CHARS},
            )


def _check_dates(
    values: dict[str, Any], number: int, spec: SourceSpec, day: dt.date
) -> Iterable[Problem]:
    event_date, birth_date = values.get("event_date"), values.get("birth_date")
    event_column = spec.key_of("event_date")
    if event_date and event_date > day + dt.timedelta(days=1):
        yield Problem(number, event_column, _("This date is in the future."))
    if birth_date and birth_date > day:
        yield Problem(number, "tanggal_lahir", _("This date is in the future."))
    elif birth_date and event_date and birth_date >= event_date:
        yield Problem(
            number,
            "tanggal_lahir",
            _("The date of birth is not before %(column)s.") % {"column": event_column},
        )


def _convert(column: Column, cell: Any) -> Any:
    """The cell's value for its column, or a ValidationError in the user's language."""
    if column.kind == "date":
        day = parse_date(cell)
        if day is None and column.required:
            raise ValidationError(_("This column is required."))
        return day
    text = _cell_text(cell).strip()
    if not text:
        if column.required:
            raise ValidationError(_("This column is required."))
        return ""
    if len(text) > min(column.max_length, MAX_CELL_CHARS):
        raise ValidationError(
            _("Too long: at most %(limit)s characters.") % {"limit": column.max_length}
        )
    return _CONVERTERS.get(column.kind, _plain_text)(text)


def _plain_text(text: str) -> str:
    if "\x00" in text:
        raise ValidationError(_("NUL characters are not allowed."))
    return clean_person_text(text) if any(ch.isalpha() for ch in text) else text


def _person_text(text: str) -> str:
    return clean_person_text(" ".join(text.split()))


def _sex(text: str) -> str:
    sex = SEX_VALUES.get(" ".join(text.lower().split()))
    if sex is None:
        raise ValidationError(
            _("Unknown sex “%(value)s”: write L or P (Laki-laki, Perempuan).") % {"value": text}
        )
    return sex


def _nik(text: str) -> str:
    digits = re.sub(r"[\s.\-']", "", text)
    if not re.fullmatch(r"\d{16}", digits):
        raise ValidationError(_("A NIK has 16 digits (or leave the cell empty)."))
    return digits


def _status(text: str) -> str:
    status = STATUS_VALUES.get(text.strip().lower())
    if status is None:
        raise ValidationError(
            _("Unknown status “%(value)s”: write tahanan or narapidana.") % {"value": text}
        )
    return status


def _record_id(text: str) -> str:
    if any(unicodedata.category(ch).startswith("C") for ch in text):
        raise ValidationError(_("Invisible or control characters are not allowed."))
    return text


_CONVERTERS: dict[str, Callable[[str], str]] = {
    "name": _person_text,
    "place": _person_text,
    "address": _person_text,
    "sex": _sex,
    "nik": _nik,
    "status": _status,
    "id": _record_id,
}


def parse_date(cell: Any) -> dt.date | None:
    """A date cell: an Excel date, ISO, dd/mm/yyyy (or dd-mm-yyyy, dd.mm.yyyy), or an Excel
    serial number; None when empty; a ValidationError when it is not a real date."""
    if cell is None:
        return None
    if isinstance(cell, dt.datetime):
        day = cell.date()
    elif isinstance(cell, dt.date):
        day = cell
    elif isinstance(cell, int | float) and not isinstance(cell, bool):
        day = _excel_serial(cell)
    else:
        text = str(cell).strip()
        if not text:
            return None
        day = _date_text(text)
    if day < EARLIEST:
        raise ValidationError(_("Enter a real date."))
    return day


def _excel_serial(number: float) -> dt.date:
    if not 1 <= number < 2_958_466:
        raise ValidationError(_("Not a date: “%(value)s”.") % {"value": number})
    return dt.date(1899, 12, 30) + dt.timedelta(days=int(number))


def _date_text(text: str) -> dt.date:
    iso = _ISO_DATE.fullmatch(text)
    dmy = None if iso else _DMY_DATE.fullmatch(text)
    try:
        if iso:
            return dt.date(int(iso["y"]), int(iso["m"]), int(iso["d"]))
        if dmy:
            return dt.date(int(dmy["y"]), int(dmy["m"]), int(dmy["d"]))
    except ValueError:
        pass  # 31/02: not a real day
    raise ValidationError(
        _("Not a date: “%(value)s”. Write dd/mm/yyyy or yyyy-mm-dd.") % {"value": text[:40]}
    )


def _duplicates(
    spec: SourceSpec,
    keys: list[str],
    numbered: Sequence[tuple[int, Sequence[Any]]],
    result: ParseResult,
) -> set[int]:
    """Rows whose institution and record number another row also has: none of them is
    taken, since which one is right cannot be told."""
    where = {key: index for index, key in enumerate(keys) if key}
    by_key: dict[tuple[str, str], list[int]] = {}
    for number, cells in numbered:
        institution = " ".join(_cell_text(_at(cells, where.get(spec.institution_column))).split())
        record = _cell_text(_at(cells, where.get(spec.id_column))).strip()
        if record:
            by_key.setdefault((institution.casefold(), record), []).append(number)
    rejected: set[int] = set()
    for (_institution, record), numbers in by_key.items():
        if len(numbers) < 2:
            continue
        for number in numbers:
            others = ", ".join(str(n) for n in numbers if n != number)
            result.problems.append(
                Problem(
                    number,
                    spec.id_column,
                    _("The record number “%(id)s” is also on row %(rows)s.")
                    % {"id": record, "rows": others},
                )
            )
        rejected.update(numbers)
    return rejected


def _at(cells: Sequence[Any], index: int | None) -> Any:
    return cells[index] if index is not None and index < len(cells) else None
