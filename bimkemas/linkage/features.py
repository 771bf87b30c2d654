"""The matcher's input features, computed in DuckDB SQL (a million rows in seconds).

The SQL is a vectorised twin of the Python normaliser (`bimkemas.clients.identity.name_key`
and `bimkemas.linkage.names`): the same titles, Muhammad variants, abbreviations and spelling
reforms, read from the same sets, so the register's duplicate warning and the matcher agree.
A test compares both on the normaliser's cases and on generated names.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import pyarrow as pa

from bimkemas.clients.identity import _ABBREVIATIONS, _MUHAMMAD, _PREFIX_TITLES
from bimkemas.linkage.names import (
    _PLACE_NOISE,
    clean_nik,
    clean_sex,
    name_features,
    parse_birth_date,
    place_key,
    swapped_date,
)

IDENTITY_COLUMNS = ("id", "full_name", "birth_date", "birth_place", "sex", "nik", "address")
PREPARED_COLUMNS = (
    "id",
    "name_key",
    "name_written",
    "name_first",
    "name_last",
    "name_tokens",
    "birth_date",
    "bd_swap",
    "bd_days",
    "bd_year",
    "bd_md",
    "birth_place",
    "sex",
    "nik",
    "address",
)

# Pairs the model scores: equal on all the columns of one of these (Splink's blocking rules;
# the plain-Python path applies the same). Chosen so that 100,000 clients × 1,000,000 records
# give a few million pairs: a shared NIK; the same name in the same birth year (day/month
# swaps, near dates) or on the same day and month (a wrong year); the same first or last word
# on the same birth date (a misspelt or extra word); for a mangled name, the same birth date
# and town, or the same address.
BLOCKING_KEYS = (
    ("nik",),
    ("name_key", "bd_year"),
    ("name_key", "bd_md"),
    ("name_first", "birth_date"),
    ("name_last", "birth_date"),
    ("birth_date", "birth_place"),
    ("address",),
)


# A word in pre-1972 spelling, and a text with such a word (see identity._OLD_SPELLING).
OLD_WORD = "oe|dj|tj|sj|^nj"
OLD_TEXT = "oe|dj|tj|sj|(^| )nj"


class FeatureError(ValueError):
    """Input that cannot be prepared (message fit to show a person)."""


def _sql_list(words) -> str:
    return "[" + ", ".join(f"'{w}'" for w in sorted(words)) + "]"


def _old_spelling_sql(x: str) -> str:
    """One word in today's spelling, the twin of identity._unify: in a word that shows pre-1972
    spelling (oe, dj, tj, sj, or nj at its start) oe→u, dj→j, tj→c, nj→ny, sj→sy and a lone
    j→y; in any word ch→kh. The patterns cannot overlap, so replacing them one after another
    through upper-case placeholders equals the Python one-pass substitution."""
    s = x
    for old, mark in (("oe", "u"), ("dj", "D"), ("tj", "C"), ("nj", "N"), ("sj", "S"), ("ch", "K")):
        s = f"replace({s}, '{old}', '{mark}')"
    s = f"replace({s}, 'j', 'y')"
    for mark, new in (("D", "j"), ("C", "c"), ("N", "ny"), ("S", "sy"), ("K", "kh")):
        s = f"replace({s}, '{mark}', '{new}')"
    return f"CASE WHEN regexp_matches({x}, '{OLD_WORD}') THEN {s} ELSE replace({x}, 'ch', 'kh') END"


def _fold_sql(x: str) -> str:
    """kh→h and doubled letters single. RE2 has no back-references: one pass per letter,
    only for the names that have a doubled letter (x is a column, kh already h)."""
    folded = x
    for letter in "abcdefghijklmnopqrstuvwxyz":
        folded = f"regexp_replace({folded}, '{letter}{letter}+', '{letter}', 'g')"
    doubles = "|".join(c + c for c in "abcdefghijklmnopqrstuvwxyz")
    return f"CASE WHEN regexp_matches({x}, '{doubles}') THEN {folded} ELSE {x} END"


def _variants_sql(s: str) -> str:
    """Abbreviations of the first word and Muhammad variants unified."""
    for short, full in _ABBREVIATIONS.items():
        s = f"regexp_replace({s}, '^{short}\\b', '{full}')"
    variants = "|".join(sorted(_MUHAMMAD, key=lambda v: (-len(v), v)))
    return f"regexp_replace({s}, '\\b({variants})\\b', 'muhammad', 'g')"


def _spelling_sql(s: str) -> str:
    """Old spellings unified (s is a column); the per-word rule only runs for the few names
    that show an old spelling."""
    per_word = f"list_transform(string_split({s}, ' '), lambda x: {_old_spelling_sql('x')})"
    return (
        f"CASE WHEN regexp_matches({s}, '{OLD_TEXT}') "
        f"THEN array_to_string({per_word}, ' ') ELSE replace({s}, 'ch', 'kh') END"
    )


def _drop_titles_sql(column: str) -> str:
    """Leading titles dropped, but never the last word ("H." alone stays "h")."""
    titles = _sql_list(_PREFIX_TITLES)
    first_other = (
        f"list_position(list_transform({column}, lambda x: list_contains({titles}, x)), false)"
    )
    return f"{column}[coalesce({first_other}, greatest(len({column}), 1)):]"


def _place_words_sql(column: str) -> str:
    """Step 1 of a place key: lower-case ASCII words, administrative words dropped."""
    s = f"regexp_replace(strip_accents(lower(coalesce({column}, ''))), '[^a-z0-9]+', ' ', 'g')"
    noise = "|".join(sorted(_PLACE_NOISE))
    return f"regexp_replace({s}, '\\b({noise})\\b', ' ', 'g')"


def _place_key_sql(s: str) -> str:
    """Step 2 (s is the column of step 1): old spellings unified, spaces collapsed; together
    the twin of names.place_key."""
    spelled = s
    for old, mark in (("oe", "u"), ("dj", "D"), ("tj", "C"), ("nj", "N"), ("sj", "S")):
        spelled = f"replace({spelled}, '{old}', '{mark}')"
    spelled = f"replace({spelled}, 'j', 'y')"
    for mark, new in (("D", "j"), ("C", "c"), ("N", "ny"), ("S", "sy")):
        spelled = f"replace({spelled}, '{mark}', '{new}')"
    s = f"CASE WHEN regexp_matches({s}, '{OLD_TEXT}') THEN {spelled} ELSE {s} END"
    return f"nullif(regexp_replace(trim({s}), ' +', ' ', 'g'), '')"


def _feature_sql(birth_is_date: bool) -> str:
    core = (
        "regexp_replace(strip_accents(lower(coalesce(full_name, ''))), "
        "'(,|\\b(als|alias|bin|binti)\\b).*$', '')"
    )
    born = "birth_date" if birth_is_date else "TRY_CAST(nullif(trim(birth_date), '') AS DATE)"
    return f"""
    WITH words AS (
        SELECT CAST(id AS VARCHAR) AS id, {born} AS born,
               regexp_extract_all({core}, '[a-z]+') AS t0,
               {_place_words_sql("birth_place")} AS place0,
               {_place_words_sql("address")} AS address0,
               sex, nik
        FROM input_rows
    ), written AS (
        SELECT *, array_to_string({_drop_titles_sql("t0")}, ' ') AS s0 FROM words
    ), variants AS (
        SELECT *, {_variants_sql("s0")} AS s1 FROM written
    ), spelled AS (
        SELECT *, replace({_spelling_sql("s1")}, 'kh', 'h') AS s2 FROM variants
    ), folded AS (
        SELECT *, list_filter(string_split({_fold_sql("s2")}, ' '), lambda x: x <> '') AS w
        FROM spelled
    )
    SELECT id,
        nullif(array_to_string(list_sort(w), ' '), '') AS name_key,
        nullif(array_to_string(w, ' '), '') AS name_written,
        w[1] AS name_first,
        CASE WHEN len(w) > 1 THEN w[-1] END AS name_last,
        CASE WHEN len(w) > 0 THEN list_sort(list_distinct(w)) END AS name_tokens,
        strftime(born, '%Y-%m-%d') AS birth_date,
        CASE WHEN day(born) <= 12 AND day(born) <> month(born)
             THEN strftime(make_date(year(born), day(born), month(born)), '%Y-%m-%d') END
             AS bd_swap,
        CAST(born - DATE '1970-01-01' AS BIGINT) AS bd_days,
        CAST(year(born) AS BIGINT) AS bd_year,
        strftime(born, '%m-%d') AS bd_md,
        {_place_key_sql("place0")} AS birth_place,
        CASE upper(left(trim(coalesce(sex, '')), 1))
             WHEN 'L' THEN 'L' WHEN 'M' THEN 'L' WHEN 'P' THEN 'P' WHEN 'F' THEN 'P'
             WHEN 'W' THEN 'P' END AS sex,
        CASE WHEN length(regexp_replace(coalesce(nik, ''), '[^0-9]', '', 'g')) = 16
             THEN regexp_replace(nik, '[^0-9]', '', 'g') END AS nik,
        {_place_key_sql("address0")} AS address
    FROM folded
    """  # noqa: S608 - built from constants, no input


def _cell(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def as_input_table(rows: Any) -> pa.Table:
    """Dict rows or a pyarrow table as a table of IDENTITY_COLUMNS (strings, or a date)."""
    if isinstance(rows, pa.Table):
        missing = [c for c in IDENTITY_COLUMNS if c not in rows.column_names]
        if missing:
            raise FeatureError(f"missing columns: {', '.join(missing)}")
        return rows.select(list(IDENTITY_COLUMNS))
    rows = list(rows)
    data = {c: [_cell(r.get(c)) for r in rows] for c in IDENTITY_COLUMNS}
    return pa.table(data, schema=pa.schema([(c, pa.string()) for c in IDENTITY_COLUMNS]))


# Up to this many rows the features are computed in plain Python (the SQL's twin): starting
# DuckDB costs ~50 ms, the intake's duplicate check compares one person with a few.
PYTHON_MAX_ROWS = 50


def _python_features(row: dict) -> dict:
    features = name_features(row.get("full_name") or "")
    try:
        born = parse_birth_date(row.get("birth_date"))
    except ValueError as error:
        raise FeatureError(str(error)) from error
    swapped = swapped_date(born)
    return {
        "id": str(row.get("id")),
        "name_key": features.key or None,
        "name_written": features.written or None,
        "name_first": features.first or None,
        "name_last": features.last or None,
        "name_tokens": list(features.tokens) or None,
        "birth_date": born.isoformat() if born else None,
        "bd_swap": swapped.isoformat() if swapped else None,
        "bd_days": (born - _EPOCH).days if born else None,
        "bd_year": born.year if born else None,
        "bd_md": born.strftime("%m-%d") if born else None,
        "birth_place": place_key(str(row.get("birth_place") or "")) or None,
        "sex": clean_sex(row.get("sex")) or None,
        "nik": clean_nik(row.get("nik")) or None,
        "address": place_key(str(row.get("address") or "")) or None,
    }


_EPOCH = dt.date(1970, 1, 1)
_SCHEMA = pa.schema(
    [
        (c, pa.list_(pa.string()))
        if c == "name_tokens"
        else (c, pa.int64())
        if c in ("bd_days", "bd_year")
        else (c, pa.string())
        for c in PREPARED_COLUMNS
    ]
)


def prepare_in_python(rows: list[dict]) -> pa.Table:
    """The features of a few rows without DuckDB (equal to `prepare`'s; a test checks it)."""
    out = []
    for number, row in enumerate(rows, start=1):
        try:
            out.append(_python_features(row))
        except FeatureError as error:
            raise FeatureError(f"row {number}: not an ISO date: {row.get('birth_date')!r}") from (
                error
            )
    return pa.Table.from_pylist(out, schema=_SCHEMA)


def prepare(rows: Any, *, connection: duckdb.DuckDBPyConnection | None = None) -> pa.Table:
    """Identity rows as the model's features (PREPARED_COLUMNS); empty values are NULL.
    Raises FeatureError on a birth date that is not an ISO date."""
    if not isinstance(rows, pa.Table):
        rows = list(rows)
        if len(rows) <= PYTHON_MAX_ROWS:
            return prepare_in_python(rows)
    table = as_input_table(rows)
    con = connection or duckdb.connect()
    try:
        con.register("input_rows", table)
        birth_type = table.schema.field("birth_date").type
        birth_is_date = pa.types.is_date(birth_type) or pa.types.is_timestamp(birth_type)
        if not birth_is_date:
            bad = con.sql(
                "SELECT n, birth_date FROM (SELECT row_number() OVER () AS n, birth_date "
                "FROM input_rows) WHERE nullif(trim(birth_date), '') IS NOT NULL "
                "AND TRY_CAST(trim(birth_date) AS DATE) IS NULL LIMIT 1"
            ).fetchall()
            if bad:
                raise FeatureError(f"row {bad[0][0]}: not an ISO date: {bad[0][1]!r}")
        if pa.types.is_timestamp(birth_type):
            con.register(
                "input_rows",
                table.set_column(2, "birth_date", table.column("birth_date").cast(pa.date32())),
            )
        return con.sql(_feature_sql(birth_is_date)).to_arrow_table()
    finally:
        con.unregister("input_rows")
        if connection is None:
            con.close()
