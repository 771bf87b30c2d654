"""The matcher's model on Spark (national scale): local mode on one machine, a cluster when
the SPARK_MASTER environment variable names one (e.g. spark://host:7077).

A model saved from DuckDB does not load on Spark (its SQL is in DuckDB's dialect), so the
comparisons are built again for Spark from the same dialect-agnostic creators and the trained
m and u probabilities are moved onto them level by level. Needs pyspark and Java 17 (an
optional extra); the features are still computed in DuckDB and handed over as Arrow.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable

import pyarrow as pa

_SESSION = None
# Below this many rows in all, intermediate tables stay in memory in one partition.
SMALL_ROWS = 200_000


class SparkUnavailable(RuntimeError):
    """pyspark or Java is missing."""


def spark_available() -> str | None:
    """None when Spark can run here, else why not (for skips and error messages)."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install bimkemas[spark])"
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        return "Java 17 is not installed (no java on PATH and no JAVA_HOME)"
    return None


def session():
    """One Spark session per process: `local[2]` unless SPARK_MASTER says otherwise."""
    global _SESSION
    if _SESSION is not None:
        return _SESSION
    reason = spark_available()
    if reason:
        raise SparkUnavailable(reason)
    from pyspark.sql import SparkSession
    from splink.backends.spark import similarity_jar_location

    checkpoints = tempfile.mkdtemp(prefix="bimkemas-spark-")
    builder = (
        SparkSession.builder.master(os.environ.get("SPARK_MASTER", "local[2]"))
        .appName("bimkemas-linkage")
        .config("spark.driver.memory", os.environ.get("SPARK_DRIVER_MEMORY", "2g"))
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.shuffle.partitions", os.environ.get("SPARK_SHUFFLE_PARTITIONS", "4"))
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
    )
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    spark.sparkContext.setCheckpointDir(checkpoints)
    atexit.register(shutil.rmtree, checkpoints, ignore_errors=True)
    _SESSION = spark
    return spark


def spark_settings(settings: dict, *, prior: float, term_frequencies: bool):
    """The trained model as a Spark SettingsCreator: the same comparisons, built for Spark,
    with the m and u of `settings` (a DuckDB model dict)."""
    from bimkemas.linkage.matcher import settings_creator

    creator = settings_creator(term_frequencies=term_frequencies)
    trained = {c["output_column_name"]: c for c in settings["comparisons"]}
    for comparison in creator.comparisons:
        levels = [
            lv
            for lv in trained[comparison._output_column_name]["comparison_levels"]
            if not lv.get("is_null_level")
        ]
        comparison.configure(
            m_probabilities=[lv["m_probability"] for lv in levels],
            u_probabilities=[lv["u_probability"] for lv in levels],
        )
    creator.probability_two_random_records_match = prior
    return creator


def predict_spark(
    left: pa.Table,
    right: pa.Table,
    settings: dict,
    prior: float,
    threshold: float,
    *,
    term_frequencies: bool = True,
    progress: Callable[[str], None] | None = None,
) -> list[tuple[str, str, float]]:
    """(client id, record id, probability) of the pairs at or above threshold."""
    from splink import Linker, SparkAPI

    say = progress or (lambda message: None)
    say("starting Spark")
    spark = session()
    small = left.num_rows + right.num_rows < SMALL_ROWS
    if small:  # a few partitions kept in memory: Spark's per-task cost dominates small runs
        spark.conf.set("spark.sql.shuffle.partitions", "1")
    else:
        spark.conf.set(
            "spark.sql.shuffle.partitions", os.environ.get("SPARK_SHUFFLE_PARTITIONS", "4")
        )
    db_api = SparkAPI(
        spark_session=spark,
        break_lineage_method="persist" if small else None,
        num_partitions_on_repartition=1 if small else None,
    )
    say(f"scoring pairs of {left.num_rows:,} clients × {right.num_rows:,} records on Spark")
    run = uuid.uuid4().hex[:8]  # Spark keeps the views of earlier runs in the session
    frames = [
        db_api.register(
            spark.createDataFrame(table.to_pandas()),
            dataset_display_name=name,
            table_name=f"bimkemas_{name}_{run}",
        )
        for name, table in (("clients", left), ("records", right))
    ]
    linker = Linker(
        frames,
        spark_settings(settings, prior=prior, term_frequencies=term_frequencies),
        log_level=None,
    )
    predictions = linker.inference.predict(
        threshold_match_probability=threshold, warning_mode="never"
    )
    rows = predictions.as_spark_dataframe().select(
        "source_dataset_l", "id_l", "id_r", "match_probability"
    )
    out = []
    for source_l, id_l, id_r, probability in rows.collect():
        if source_l == "clients":
            out.append((str(id_l), str(id_r), float(probability)))
        else:
            out.append((str(id_r), str(id_l), float(probability)))
    return out
