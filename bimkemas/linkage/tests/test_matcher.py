"""The matcher on generated data: precision and recall at the default threshold against the
exact name + birth-date rule, the saved model's reuse, the plain-Python path for tiny inputs."""

import datetime as dt
import hashlib
import json

import pytest

from bimkemas.linkage import matcher
from bimkemas.linkage.synthetic import generate


@pytest.fixture(scope="module")
def data():
    return generate(2000, 10000, seed=7)


@pytest.fixture(scope="module")
def linked(data):
    return matcher.link(data.clients, data.records)


def _scores(found, truth):
    hits = len(found & truth)
    return hits / len(found), hits / len(truth)


def test_precision_and_recall_at_the_default_threshold_beat_the_exact_rule(data, linked):
    found = {(m.client_id, m.record_id) for m in linked.matches}
    precision, recall = _scores(found, data.true_pairs)
    assert precision >= 0.98
    assert recall >= 0.93
    baseline = matcher.exact_baseline(data.clients, data.records)
    _, baseline_recall = _scores(baseline, data.true_pairs)
    assert baseline_recall < 0.6
    assert recall - baseline_recall > 0.3


def test_matches_are_best_first_above_the_threshold_with_the_model_version(linked):
    probabilities = [m.probability for m in linked.matches]
    assert probabilities == sorted(probabilities, reverse=True)
    assert min(probabilities) >= matcher.ALERT_THRESHOLD
    default = matcher.DEFAULT_MODEL_PATH.read_bytes()
    assert linked.model_version == hashlib.sha256(default).hexdigest()[:12]
    assert {"prepare", "predict", "total"} <= set(linked.timings)


def test_the_review_band_adds_candidates_below_the_alert_threshold(data):
    subset_clients = data.clients.slice(0, 500)
    result = matcher.link(subset_clients, data.records, threshold=matcher.REVIEW_THRESHOLD)
    bands = {m.probability >= matcher.ALERT_THRESHOLD for m in result.matches}
    assert bands == {True, False}
    assert matcher.REVIEW_THRESHOLD < matcher.ALERT_THRESHOLD


def test_it_trains_saves_and_reuses_a_model(tmp_path):
    small = generate(1000, 2000, seed=3)
    path = tmp_path / "model.json"
    first = matcher.link(small.clients, small.records, model_path=path)
    assert "train" in first.timings
    assert first.model_version == hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    saved = json.loads(path.read_text())
    assert saved["bimkemas"]["features_version"] == matcher.FEATURES_VERSION
    again = matcher.link(small.clients, small.records, model_path=path)
    assert "train" not in again.timings
    assert again.model_version == first.model_version
    assert again.matches == first.matches


def test_a_model_of_other_features_is_not_used(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"bimkemas": {"features_version": 0}}))
    tiny = generate(50, 100, seed=1)
    result = matcher.link(tiny.clients, tiny.records, model_path=path)
    # too few rows to train on: the shipped model, and the stale file left alone
    assert result.model_version == matcher.model_version(matcher.DEFAULT_MODEL_PATH)
    assert json.loads(path.read_text()) == {"bimkemas": {"features_version": 0}}


CLIENT = {
    "id": "c1",
    "full_name": "Muhammad Joko Sucipto",
    "birth_date": dt.date(1980, 5, 3),
    "birth_place": "Palembang",
    "sex": "L",
    "nik": "",
    "address": "Jl. Merdeka No. 5, Ilir Timur, Palembang",
}


def test_intake_finds_an_altered_identity_among_a_few_candidates():
    candidates = [
        CLIENT,
        # another man born in Palembang the same day, living elsewhere
        {**CLIENT, "id": "c2", "full_name": "Budi Santoso", "address": "Jl. Mawar 1, Plaju"},
        # a namesake born ten years later
        {**CLIENT, "id": "c3", "birth_date": dt.date(1990, 5, 3), "address": ""},
    ]
    record = {
        "id": "r1",
        "full_name": "MOCH. DJOKO SOETJIPTO bin Alm. Ahmad",
        "birth_date": "1980-03-05",  # day and month swapped
        "birth_place": "Kota Palembang",
        "sex": "M",
        "nik": None,
        "address": "JALAN MERDEKA NO 5, ILIR TIMUR, PALEMBANG",
    }
    result = matcher.link(candidates, [record], threshold=matcher.REVIEW_THRESHOLD)
    assert (result.matches[0].client_id, result.matches[0].record_id) == ("c1", "r1")
    assert result.matches[0].probability >= matcher.ALERT_THRESHOLD
    assert {m.client_id for m in result.matches} == {"c1"}


def test_the_plain_python_path_scores_like_duckdb(monkeypatch):
    small = generate(40, 40, seed=9)
    fast = matcher.link(small.clients, small.records, threshold=0.01)
    monkeypatch.setattr(matcher, "FAST_PATH_MAX_PAIRS", 0)
    slow = matcher.link(small.clients, small.records, threshold=0.01)
    assert fast.matches
    assert [(m.client_id, m.record_id) for m in fast.matches] == [
        (m.client_id, m.record_id) for m in slow.matches
    ]
    for a, b in zip(fast.matches, slow.matches, strict=True):
        assert a.probability == pytest.approx(b.probability, rel=1e-6, abs=1e-9)


def test_bad_input_is_refused_with_the_row():
    with pytest.raises(matcher.LinkError, match="row 1"):
        matcher.link([{**CLIENT, "birth_date": "03/05/1980"}], [CLIENT])
    import pyarrow as pa

    with pytest.raises(matcher.LinkError, match="missing columns: birth_date"):
        matcher.link(pa.table({"id": ["1"], "full_name": ["A"]}), [CLIENT])
    with pytest.raises(matcher.LinkError, match="backend"):
        matcher.link([CLIENT], [CLIENT], backend="oracle")


def test_nothing_to_compare_gives_no_matches():
    assert matcher.link([], [CLIENT]).matches == []
    assert matcher.link([CLIENT], []).matches == []


def test_a_common_birth_town_says_less_than_a_rare_one():
    """Two pairs alike but for the town: born in Palembang (the most common town in the data)
    counts less than born in Kayuagung (term-frequency weighted birth place)."""
    data = generate(600, 600, seed=3, as_rows=True)
    person = {"full_name": "Joko Wibowo Tarigan", "sex": "L", "nik": "", "address": ""}
    clients = [
        *data.clients,
        {**person, "id": "cp", "birth_date": "1970-01-06", "birth_place": "Palembang"},
        {**person, "id": "ck", "birth_date": "1971-02-07", "birth_place": "Kayuagung"},
    ]
    records = [
        *data.records,
        {**person, "id": "rp", "birth_date": "1970-01-06", "birth_place": "Palembang"},
        {**person, "id": "rk", "birth_date": "1971-02-07", "birth_place": "Kayuagung"},
    ]
    result = matcher.link(clients, records, threshold=0.0)
    found = {(m.client_id, m.record_id): m.probability for m in result.matches}
    assert found[("ck", "rk")] > found[("cp", "rp")]
