"""Finding clients in external records despite spelling differences (Splink, DuckDB or Spark).

Pure module: no Django models. `link(clients, records)` scores client × record pairs with a
Fellegi–Sunter model over the normalised name, birth date, birth place, NIK, sex and address
and returns the pairs at or above a probability threshold, best first.

The model: trained on the data (EM on pairs that agree on the NIK, and on pairs that agree on
the normalised name and birth date; u by random sampling with a fixed seed), saved as Splink
JSON plus our metadata, and reused while it fits the features. Its version is the sha256 of the
file (first 12 hex digits). A default model trained on synthetic data ships with the package,
so a handful of rows (intake, the demo) work without training.

The prior (probability that two random records match) is kept per record, not per pair: the
model stores the share of records that are some client, and each run divides it by the number
of clients, so the same model gives calibrated probabilities on 3 candidates or 100,000 clients.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from bimkemas.linkage.features import BLOCKING_KEYS, IDENTITY_COLUMNS, FeatureError, prepare
from bimkemas.linkage.names import parse_birth_date

__all__ = [
    "ALERT_THRESHOLD",
    "IDENTITY_COLUMNS",
    "REVIEW_THRESHOLD",
    "LinkError",
    "LinkResult",
    "Match",
    "exact_baseline",
    "link",
    "parse_birth_date",
    "prepare",
]

# Fixed a priori, never tuned on labelled answers. An alert puts a work item on an officer's
# worklist and a banner on the client's page, so it should be wrong about 1 time in 100 at
# most: 0.99 is that statement as a probability. The review band starts where the model thinks
# "same person" is at least as likely as not (0.5): below it an officer would be shown more
# wrong candidates than right ones. An officer confirms or rejects every candidate in both bands.
ALERT_THRESHOLD: float = 0.99
REVIEW_THRESHOLD: float = 0.5

DEFAULT_MODEL_PATH = Path(__file__).resolve().parent / "model" / "default.json"
# Bump when the prepared features or the comparisons change: saved models then no longer fit.
FEATURES_VERSION = 10
# Training needs enough of both sides for EM to see matches and u sampling to see non-matches.
MIN_CLIENTS_TO_TRAIN = 1_000
MIN_RECORDS_TO_TRAIN = 1_000
# Below this many possible pairs the model is applied in plain Python (intake: 1 × a few).
FAST_PATH_MAX_PAIRS = 2_000
# A priori: the share of records the deterministic rules (same NIK; same name and birth date)
# find among the true matches. NIKs are often missing in prison records, names misspelt.
DETERMINISTIC_RECALL = 0.6
U_MAX_PAIRS = 2e6
# Where u sampling saw no non-matching pair at a level (a shared NIK), u is taken as half an
# observation in the sample; no level's m is below M_FLOOR (any field is mistyped sometimes).
M_FLOOR = 1e-3
# A shared address says "same household" as much as "same person" (brothers, a father and
# his son), which random sampling cannot see: an address agreement (street, number, RT/RW,
# kelurahan) is worth no more than a shared birth date (1 day in ~20,000, 2**14). A household
# mate still differs on the birth date (-10 bits), so address, birth town, sex and a shared
# name together (a father and son both named Budi) stay far below the review threshold at a
# national run's prior (1 client in 100,000: -20 bits).
ADDRESS_MAX_LOG2_FACTOR = 14
# A birth place seen a handful of times in the inputs (a rare town, a misspelling) is not
# taken as rarer than 1 person in 1,000 (a town of a few hundred thousand in a country of
# 280 million is 1 in 1,000): its exact agreement is worth at most log2(m / 0.001) bits.
PLACE_MIN_FREQUENCY = 1e-3
# Term frequencies are estimated from the inputs; below this many rows they mean nothing.
TF_MIN_ROWS = 1_000
SEED = 8

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Match:
    client_id: str
    record_id: str
    probability: float


@dataclass
class LinkResult:
    matches: list[Match]  # probability >= threshold, best first
    model_version: str  # sha256[:12] of the model file used
    timings: dict[str, float] = field(default_factory=dict)  # seconds per phase


class LinkError(ValueError):
    """Input the matcher cannot use (message fit to show a person)."""


# --- the model --------------------------------------------------------------------------------


def settings_creator(*, term_frequencies: bool = True):
    """The comparisons and blocking rules, dialect-agnostic (DuckDB and Spark)."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    name = cl.CustomComparison(
        output_column_name="name",
        comparison_levels=[
            cll.NullLevel("name_key"),
            # Weighted by how common the name is ("Budi" says less than "Effendi Rahman Yudi").
            cll.ExactMatchLevel("name_key", term_frequency_adjustments=term_frequencies).configure(
                label_for_charts="same normalised name"
            ),
            cll.Or(
                cll.JaroWinklerLevel("name_key", 0.95),
                cll.JaroWinklerLevel("name_written", 0.95),
            ).configure(label_for_charts="one letter apart"),
            cll.ArrayIntersectLevel("name_tokens", 2).configure(
                label_for_charts="two words shared"
            ),
            cll.Or(
                cll.JaroWinklerLevel("name_key", 0.88),
                cll.JaroWinklerLevel("name_written", 0.88),
            ).configure(label_for_charts="similar"),
            cll.ArrayIntersectLevel("name_tokens", 1).configure(label_for_charts="a word shared"),
            cll.ElseLevel(),
        ],
    )
    birth = cl.CustomComparison(
        output_column_name="birth_date",
        comparison_levels=[
            cll.NullLevel("birth_date"),
            cll.ExactMatchLevel("birth_date"),
            cll.CustomLevel(
                # unquoted: Spark reads "x" as a string literal
                "birth_date_l = bd_swap_r OR bd_swap_l = birth_date_r",
                label_for_charts="day and month swapped",
            ),
            cll.CustomLevel("abs(bd_days_l - bd_days_r) <= 7", label_for_charts="within a week"),
            cll.CustomLevel("bd_md_l = bd_md_r", label_for_charts="same day, other year"),
            cll.LevenshteinLevel("birth_date", 1).configure(label_for_charts="one digit"),
            cll.ElseLevel(),
        ],
    )
    nik = cl.CustomComparison(
        output_column_name="nik",
        comparison_levels=[
            cll.NullLevel("nik"),
            cll.ExactMatchLevel("nik"),
            # One digit apart is a typo or a neighbour: the NIK is the district code, the birth
            # date and a serial counting the people born that day in that district (0001,
            # 0002 …), so two people born a day apart, or in neighbouring districts, have NIKs
            # one digit apart. It is kept out of "different NIK" but counts as no evidence.
            cll.LevenshteinLevel("nik", 1).configure(label_for_charts=NEUTRAL_NIK_LEVEL),
            cll.ElseLevel(),
        ],
    )
    place = cl.CustomComparison(
        output_column_name="birth_place",
        comparison_levels=[
            cll.NullLevel("birth_place"),
            # Weighted by how common the town is (born in Palembang, the capital, says less
            # than born in Kayuagung); no town counts as rarer than PLACE_MIN_FREQUENCY.
            cll.ExactMatchLevel(
                "birth_place", term_frequency_adjustments=term_frequencies
            ).configure(tf_minimum_u_value=PLACE_MIN_FREQUENCY),
            cll.JaroWinklerLevel("birth_place", 0.9),
            cll.ElseLevel(),
        ],
    )
    sex = cl.CustomComparison(
        output_column_name="sex",
        comparison_levels=[cll.NullLevel("sex"), cll.ExactMatchLevel("sex"), cll.ElseLevel()],
    )
    address = cl.CustomComparison(
        output_column_name="address",
        comparison_levels=[
            cll.NullLevel("address"),
            cll.ExactMatchLevel("address"),
            cll.JaroWinklerLevel("address", 0.9),
            cll.ElseLevel(),
        ],
    )
    return SettingsCreator(
        link_type="link_only",
        unique_id_column_name="id",
        comparisons=[name, birth, nik, place, sex, address],
        blocking_rules_to_generate_predictions=[block_on(*keys) for keys in BLOCKING_KEYS],
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=False,
    )


NEUTRAL_NIK_LEVEL = "one digit differs (a typo or a neighbour: no evidence)"


def complete_parameters(settings: dict) -> dict:
    """Every non-null level with explicit m and u: where training saw no example, Splink's
    own defaults (what it would use at predict time), written down so that the DuckDB, Spark
    and plain-Python paths score alike."""
    from splink.internals.comparison_level import _default_m_values

    for comparison in settings["comparisons"]:
        levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        defaults_m = _default_m_values(len(levels))
        for position, level in enumerate(levels):
            vector_value = len(levels) - 1 - position  # the top level has the highest value
            m = level.get("m_probability")
            if not isinstance(m, float | int):
                m = defaults_m[vector_value]
            level["m_probability"] = max(float(m), M_FLOOR)
            u = level.get("u_probability")
            if not isinstance(u, float | int) or u <= 0:
                level["u_probability"] = 0.5 / U_MAX_PAIRS
            if level.get("label_for_charts") == NEUTRAL_NIK_LEVEL:
                level["m_probability"] = level["u_probability"]
            if comparison["output_column_name"] == "address":
                ceiling = level["m_probability"] / 2**ADDRESS_MAX_LOG2_FACTOR
                level["u_probability"] = max(level["u_probability"], ceiling)
    return settings


def without_term_frequencies(settings: dict) -> dict:
    """The model with its term-frequency adjustments switched off (tiny inputs)."""
    settings = json.loads(json.dumps(settings))
    for comparison in settings["comparisons"]:
        for level in comparison["comparison_levels"]:
            for key in ("tf_adjustment_column", "tf_adjustment_weight", "tf_minimum_u_value"):
                level.pop(key, None)
    return settings


def model_version(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def _read_model(path: Path) -> tuple[dict, dict] | None:
    """(splink settings, our metadata) when the file is a model of the current features."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    meta = data.pop("bimkemas", None)
    if not isinstance(meta, dict) or meta.get("features_version") != FEATURES_VERSION:
        return None
    return data, meta


def _write_model(path: Path, settings: dict, meta: dict) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {**settings, "bimkemas": meta}
    handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".json.tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(data, out, indent=1, sort_keys=True)
    os.replace(tmp, path)


def _duckdb_api():
    from splink import DuckDBAPI

    return DuckDBAPI()


def _quiet_splink() -> None:
    for name in ("splink", "splink.internals"):
        logging.getLogger(name).setLevel(logging.ERROR)


def train(clients: pa.Table, records: pa.Table, *, db_api=None, progress=None) -> tuple[dict, dict]:
    """Estimate the model on prepared clients and records; (splink settings, metadata)."""
    from splink import Linker, block_on

    _quiet_splink()
    say = progress or (lambda message: None)
    db_api = db_api or _duckdb_api()
    linker = Linker(
        [
            db_api.register(clients, dataset_display_name="clients"),
            db_api.register(records, dataset_display_name="records"),
        ],
        settings_creator(),
        log_level=None,
    )
    say("estimating the prior from exact NIK and name + birth date agreements")
    linker.training.estimate_probability_two_random_records_match(
        [block_on("nik"), block_on("name_key", "birth_date")], recall=DETERMINISTIC_RECALL
    )
    say("estimating u by random sampling")
    linker.training.estimate_u_using_random_sampling(max_pairs=U_MAX_PAIRS, seed=SEED)
    say("EM on pairs with the same NIK")
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("nik"), estimate_without_term_frequencies=True
    )
    say("EM on pairs with the same name and birth date")
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("name_key", "birth_date"), estimate_without_term_frequencies=True
    )
    settings = complete_parameters(linker.misc.save_model_to_json())
    settings.pop("linker_uid", None)  # random per run: keep the file (and version) stable
    lam = settings["probability_two_random_records_match"]
    meta = {
        "features_version": FEATURES_VERSION,
        "record_match_rate": min(1.0, lam * clients.num_rows),
        "trained_on": {"clients": clients.num_rows, "records": records.num_rows},
    }
    return settings, meta


# --- linking ----------------------------------------------------------------------------------


def link(
    clients: Iterable[dict] | pa.Table,
    records: Iterable[dict] | pa.Table,
    *,
    threshold: float | None = None,
    model_path: Path | None = None,
    backend: str = "duckdb",
    progress: Callable[[str], None] | None = None,
    retrain: bool = False,
) -> LinkResult:
    """Pairs (client, record) with a match probability >= threshold (default: the alert
    threshold), best first.

    clients/records: iterables of dicts with IDENTITY_COLUMNS (id: str; birth_date: date, ISO
    str or None; sex "L"/"P"/"" (M/F accepted); nik digits or ""), or pyarrow tables. Uses the
    saved model at model_path when it fits the features, else trains on the data and saves
    there when the data is big enough to train on, else uses the default model shipped in the
    package. `retrain` trains even when a saved model fits.
    """
    if backend not in ("duckdb", "spark"):
        raise LinkError(f"unknown backend {backend!r} (duckdb or spark)")
    threshold = ALERT_THRESHOLD if threshold is None else float(threshold)
    say = progress or (lambda message: None)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    try:
        left, right = prepare(clients), prepare(records)
    except FeatureError as error:
        raise LinkError(str(error)) from error
    timings["prepare"] = time.perf_counter() - started
    if left.num_rows == 0 or right.num_rows == 0:
        path = Path(model_path) if model_path and _read_model(model_path) else DEFAULT_MODEL_PATH
        return LinkResult([], model_version(path), timings)

    step = time.perf_counter()
    path, model = _choose_model(left, right, model_path, retrain=retrain, progress=say)
    if "train" in model:
        timings["train"] = time.perf_counter() - step
    settings, meta = model["settings"], model["meta"]
    version = model_version(path)

    step = time.perf_counter()
    if backend == "duckdb" and left.num_rows * right.num_rows <= FAST_PATH_MAX_PAIRS:
        from bimkemas.linkage.fastpath import score_all

        prior = prior_for(meta, left.num_rows)
        matches = [Match(*row) for row in score_all(left, right, settings, prior, threshold)]
    elif backend == "spark":
        from bimkemas.linkage.spark import predict_spark

        rows = predict_spark(
            left,
            right,
            settings,
            prior_for(meta, left.num_rows),
            threshold,
            term_frequencies=left.num_rows + right.num_rows >= TF_MIN_ROWS,
            progress=say,
        )
        matches = [Match(*row) for row in rows]
    else:
        matches = _predict_duckdb(left, right, settings, meta, threshold, progress=say)
    timings["predict"] = time.perf_counter() - step
    matches.sort(key=lambda m: (-m.probability, m.client_id, m.record_id))
    timings["total"] = time.perf_counter() - started
    return LinkResult(matches, version, timings)


def prior_for(meta: dict, n_clients: int) -> float:
    """Probability that a random client × record pair is a match, for this many clients."""
    rate = float(meta.get("record_match_rate") or 0.05)
    return min(0.5, max(1e-12, rate / max(1, n_clients)))


def _choose_model(left, right, model_path, *, retrain, progress) -> tuple[Path, dict]:
    if model_path is not None and not retrain:
        found = _read_model(model_path)
        if found:
            progress(f"using the saved model {model_path}")
            return Path(model_path), {"settings": found[0], "meta": found[1]}
    big_enough = left.num_rows >= MIN_CLIENTS_TO_TRAIN and right.num_rows >= MIN_RECORDS_TO_TRAIN
    if model_path is not None and big_enough:
        progress(f"training the model on the data (saved to {model_path})")
        settings, meta = train(left, right, progress=progress)
        _write_model(Path(model_path), settings, meta)
        return Path(model_path), {"settings": settings, "meta": meta, "train": True}
    progress("using the default model (too few rows to train on)")
    found = _read_model(DEFAULT_MODEL_PATH)
    if not found:
        raise LinkError(f"the default model {DEFAULT_MODEL_PATH} is missing or out of date")
    return DEFAULT_MODEL_PATH, {"settings": found[0], "meta": found[1]}


def _predict_duckdb(left, right, settings, meta, threshold, *, progress) -> list[Match]:
    from splink import Linker

    _quiet_splink()
    db_api = _duckdb_api()
    if left.num_rows + right.num_rows < TF_MIN_ROWS:
        settings = without_term_frequencies(settings)
    settings = {**settings, "probability_two_random_records_match": prior_for(meta, left.num_rows)}
    linker = Linker(
        [
            db_api.register(left, dataset_display_name="clients"),
            db_api.register(right, dataset_display_name="records"),
        ],
        settings,
        log_level=None,
    )
    progress(f"scoring pairs of {left.num_rows:,} clients × {right.num_rows:,} records")
    predictions = linker.inference.predict(
        threshold_match_probability=threshold, warning_mode="never"
    )
    return _matches_from(predictions, db_api)


def _matches_from(predictions, db_api) -> list[Match]:
    # The table name is Splink's own, not input.
    table = predictions.physical_name
    sql = f"SELECT source_dataset_l, id_l, id_r, match_probability FROM {table}"  # noqa: S608
    rows = db_api._execute_sql_against_backend(sql).fetchall()
    matches = []
    for source_l, id_l, id_r, probability in rows:
        if source_l == "clients":
            matches.append(Match(str(id_l), str(id_r), float(probability)))
        else:
            matches.append(Match(str(id_r), str(id_l), float(probability)))
    return matches


def exact_baseline(clients: Any, records: Any) -> set[tuple[str, str]]:
    """The rule the national database uses today: same name (as written, case and spaces
    folded) and same birth date. For comparison in tests and the bench."""

    def key(row) -> tuple[str, str] | None:
        name = " ".join(str(row.get("full_name") or "").lower().split())
        born = row.get("birth_date")
        if not name or not born:
            return None
        return name, str(born)

    rows_c = clients.to_pylist() if isinstance(clients, pa.Table) else list(clients)
    rows_r = records.to_pylist() if isinstance(records, pa.Table) else list(records)
    index: dict[tuple[str, str], list[str]] = {}
    for row in rows_c:
        k = key(row)
        if k:
            index.setdefault(k, []).append(str(row["id"]))
    return {(c, str(row["id"])) for row in rows_r if (k := key(row)) for c in index.get(k, [])}
