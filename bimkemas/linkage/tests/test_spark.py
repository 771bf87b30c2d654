"""The same model on Spark (local mode): the same decisions as DuckDB on a small set.

Selected with `-m spark`; skipped when pyspark or Java 17 is missing. Small on purpose:
Spark on two cores takes ~10 s to start and seconds per query whatever the size.
"""

import pytest

from bimkemas.linkage import matcher
from bimkemas.linkage.spark import spark_available
from bimkemas.linkage.synthetic import generate

pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(bool(spark_available()), reason=spark_available() or ""),
]


def test_spark_makes_the_same_decisions_as_duckdb():
    data = generate(60, 600, seed=12)  # 660 rows: no term frequencies, like any small run
    duckdb = matcher.link(data.clients, data.records, threshold=matcher.REVIEW_THRESHOLD)
    spark = matcher.link(
        data.clients, data.records, threshold=matcher.REVIEW_THRESHOLD, backend="spark"
    )
    assert spark.model_version == duckdb.model_version
    pairs = {(m.client_id, m.record_id) for m in spark.matches}
    assert pairs == {(m.client_id, m.record_id) for m in duckdb.matches}
    assert len(pairs & data.true_pairs) >= 0.9 * len(data.true_pairs)
    # Jaro-Winkler differs slightly between the engines: compare decisions, not weights
    alerts = {m.record_id for m in spark.matches if m.probability >= matcher.ALERT_THRESHOLD}
    assert alerts == {m.record_id for m in duckdb.matches if m.probability >= 0.99}
