"""The matcher's model applied in plain Python, for tiny inputs (intake: one new client
against a few candidates), where starting Splink and DuckDB costs more than the scoring.

Each comparison level of `matcher.settings_creator()` has a Python twin here, in the same
order; the m and u probabilities come from the saved model, so the probabilities equal
DuckDB's (Jaro-Winkler and Levenshtein are computed the same way; a test checks it).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pyarrow as pa

from bimkemas.linkage.features import BLOCKING_KEYS

Row = dict
Predicate = Callable[[Row, Row], bool]


def jaro_winkler(first: str, second: str) -> float:
    """Jaro-Winkler similarity as DuckDB computes it (prefix weight 0.1, up to 4 letters,
    boost only above a Jaro similarity of 0.7)."""
    if first == second:
        return 1.0
    len1, len2 = len(first), len(second)
    if not len1 or not len2:
        return 0.0
    window = max(max(len1, len2) // 2 - 1, 0)
    flags1, flags2 = [False] * len1, [False] * len2
    common = 0
    for i, ch in enumerate(first):
        low, high = max(0, i - window), min(len2, i + window + 1)
        for j in range(low, high):
            if not flags2[j] and second[j] == ch:
                flags1[i] = flags2[j] = True
                common += 1
                break
    if not common:
        return 0.0
    transpositions, k = 0, 0
    for i in range(len1):
        if flags1[i]:
            while not flags2[k]:
                k += 1
            if first[i] != second[k]:
                transpositions += 1
            k += 1
    jaro = (common / len1 + common / len2 + (common - transpositions // 2) / common) / 3
    if jaro <= 0.7:
        return jaro
    prefix = 0
    for a, b in zip(first[:4], second[:4], strict=False):
        if a != b:
            break
        prefix += 1
    return jaro + prefix * 0.1 * (1 - jaro)


def levenshtein(first: str, second: str) -> int:
    if len(first) < len(second):
        first, second = second, first
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i]
        for j, b in enumerate(second, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]


def _jw(column: str, at_least: float) -> Predicate:
    return lambda left, right: jaro_winkler(left[column], right[column]) >= at_least


def _exact(column: str) -> Predicate:
    return lambda left, right: left[column] == right[column]


def _shared(at_least: int) -> Predicate:
    return lambda left, right: len(set(left["name_tokens"]) & set(right["name_tokens"])) >= at_least


def _eq(a: str, b: str) -> Predicate:
    return lambda left, right: left[a] is not None and left[a] == right[b]


def _else(left: Row, right: Row) -> bool:
    return True


# (null column, [level predicates in the model's order, the last one ELSE])
LEVELS: dict[str, tuple[str, list[Predicate]]] = {
    "name": (
        "name_key",
        [
            _exact("name_key"),
            lambda a, b: _jw("name_key", 0.95)(a, b) or _jw("name_written", 0.95)(a, b),
            _shared(2),
            lambda a, b: _jw("name_key", 0.88)(a, b) or _jw("name_written", 0.88)(a, b),
            _shared(1),
            _else,
        ],
    ),
    "birth_date": (
        "birth_date",
        [
            _exact("birth_date"),
            lambda a, b: _eq("birth_date", "bd_swap")(a, b) or _eq("bd_swap", "birth_date")(a, b),
            lambda a, b: abs(a["bd_days"] - b["bd_days"]) <= 7,
            _exact("bd_md"),
            lambda a, b: levenshtein(a["birth_date"], b["birth_date"]) <= 1,
            _else,
        ],
    ),
    "nik": (
        "nik",
        [
            _exact("nik"),
            lambda a, b: levenshtein(a["nik"], b["nik"]) <= 1,
            _else,
        ],
    ),
    "birth_place": ("birth_place", [_exact("birth_place"), _jw("birth_place", 0.9), _else]),
    "sex": ("sex", [_exact("sex"), _else]),
    "address": ("address", [_exact("address"), _jw("address", 0.9), _else]),
}


def _log2_factors(settings: dict) -> dict[str, list[float]]:
    """Per comparison, log2(m/u) of each non-null level, in order."""
    out = {}
    for comparison in settings["comparisons"]:
        levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        name = comparison["output_column_name"]
        if name not in LEVELS or len(levels) != len(LEVELS[name][1]):
            raise ValueError(f"the model's comparison {name!r} has no Python twin")
        out[name] = [math.log2(lv["m_probability"] / lv["u_probability"]) for lv in levels]
    return out


def score(left: Row, right: Row, factors: dict[str, list[float]], prior: float) -> float:
    weight = math.log2(prior / (1 - prior))
    for name, (null_column, predicates) in LEVELS.items():
        if left[null_column] is None or right[null_column] is None:
            continue
        for index, predicate in enumerate(predicates):
            if predicate(left, right):
                weight += factors[name][index]
                break
    return 1 - 1 / (1 + 2**weight) if weight < 1000 else 1.0


def blocked(left: Row, right: Row) -> bool:
    """Whether the model compares this pair at all (the same rules as Splink's blocking)."""
    return any(
        all(left[key] is not None and left[key] == right[key] for key in keys)
        for keys in BLOCKING_KEYS
    )


def score_all(left: pa.Table, right: pa.Table, settings: dict, prior: float, threshold: float):
    """(client id, record id, probability) of every compared pair at or above threshold;
    without term-frequency adjustments (a handful of rows has no frequencies)."""
    factors = _log2_factors(settings)
    out = []
    records = right.to_pylist()
    for client in left.to_pylist():
        for record in records:
            if not blocked(client, record):
                continue
            probability = score(client, record, factors, prior)
            if probability >= threshold:
                out.append((client["id"], record["id"], probability))
    return out
