"""score(): totals, bands and need levels; never a score for an incomplete set of answers."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bimkemas.assessments.defaults import NEEDS_DEFINITION, RISK_DEFINITION
from bimkemas.assessments.definitions import score_range, validate_definition
from bimkemas.assessments.scoring import clean_answers, score
from bimkemas.core.errors import ApplicationError


def all_answers(definition, pick=lambda item: 0):
    return {item["code"]: pick(item) for item in definition["items"]}


def test_it_sums_the_chosen_options_and_finds_the_band():
    answers = all_answers(RISK_DEFINITION)
    answers["A3"] = 2  # 3 kali atau lebih: 2
    answers["A4"] = 1  # pernah dicabut: 2
    answers["A9"] = 2  # 2
    answers["A1"] = 1  # 1
    result = score(RISK_DEFINITION, answers)
    assert result.complete
    assert (result.total, result.band) == (7, "Sedang")
    assert result.needs == {}


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "Rendah"),
        (6, "Rendah"),
        (7, "Sedang"),
        (11, "Sedang"),
        (12, "Tinggi"),
        (15, "Tinggi"),
        (16, "Sangat Tinggi"),
        (17, "Sangat Tinggi"),
    ],
)
def test_the_risk_bands_meet_at_their_edges(total, band):
    definition = {
        "items": [
            {
                "code": "X",
                "text": "x",
                "options": [{"label": str(n), "score": n} for n in range(18)],
            }
        ],
        "bands": RISK_DEFINITION["bands"],
    }
    assert score(definition, {"X": total}).band == band


def test_the_highest_answers_give_the_top_band():
    result = score(RISK_DEFINITION, all_answers(RISK_DEFINITION, lambda i: len(i["options"]) - 1))
    assert (result.total, result.band) == (17, "Sangat Tinggi")


def test_a_missing_answer_gives_no_score_and_names_the_item():
    answers = all_answers(RISK_DEFINITION)
    del answers["A4"], answers["A10"]
    result = score(RISK_DEFINITION, answers)
    assert not result.complete
    assert result.missing == ["A4", "A10"]
    assert (result.total, result.band, result.needs) == (None, "", {})


def test_need_levels_follow_the_thresholds_per_domain():
    answers = all_answers(NEEDS_DEFINITION)
    answers.update({"N1": 3, "N2": 3, "N3": 0})  # pendidikan_pekerjaan 6 → tinggi
    answers.update({"N16": 1, "N17": 2})  # alkohol_narkoba 3 → sedang
    answers.update({"N7": 2})  # keluarga 2 → rendah
    result = score(NEEDS_DEFINITION, answers)
    assert result.needs["pendidikan_pekerjaan"] == {"score": 6, "level": "tinggi"}
    assert result.needs["alkohol_narkoba"] == {"score": 3, "level": "sedang"}
    assert result.needs["keluarga_perkawinan"] == {"score": 2, "level": "rendah"}
    assert len(result.needs) == 7
    assert (result.total, result.band) == (11, "Rendah")


def test_clean_answers_refuses_unknown_items_and_options():
    with pytest.raises(ApplicationError) as refused:
        clean_answers(RISK_DEFINITION, {"A1": 5, "Z9": 0, "A2": "x", "A3": True})
    assert set(refused.value.errors) == {"answers.A1", "answers.Z9", "answers.A2", "answers.A3"}


def test_clean_answers_drops_blank_answers_and_reads_digits():
    assert clean_answers(RISK_DEFINITION, {"A1": "2", "A2": None, "A3": ""}) == {"A1": 2}
    assert clean_answers(RISK_DEFINITION, None) == {}


# Property tests: any valid definition, any answers.


@st.composite
def definitions(draw):
    items = []
    for number in range(draw(st.integers(1, 8))):
        scores = draw(st.lists(st.integers(0, 5), min_size=2, max_size=5))
        items.append(
            {
                "code": f"Q{number}",
                "text": "t",
                "options": [{"label": str(s), "score": s} for s in scores],
            }
        )
    low, high = score_range({"items": items})
    cuts = sorted(draw(st.sets(st.integers(low + 1, high), max_size=4))) if high > low else []
    edges = [low, *cuts, high + 1]
    bands = [
        {"label": f"B{i}", "min": a, "max": b - 1}
        for i, (a, b) in enumerate(itertools.pairwise(edges))
    ]
    return {"items": items, "bands": bands}


@st.composite
def definition_and_answers(draw):
    definition = draw(definitions())
    answers = {
        item["code"]: draw(st.integers(0, len(item["options"]) - 1)) for item in definition["items"]
    }
    return definition, answers


@settings(deadline=None, max_examples=200)
@given(definition_and_answers())
def test_every_complete_score_lies_in_exactly_one_band(case):
    definition, answers = case
    assert validate_definition(definition, "risk") == []
    result = score(definition, answers)
    low, high = score_range(definition)
    assert low <= result.total <= high
    holding = [b["label"] for b in definition["bands"] if b["min"] <= result.total <= b["max"]]
    assert holding == [result.band]


@settings(deadline=None, max_examples=100)
@given(definitions())
def test_every_possible_total_maps_to_exactly_one_band(definition):
    low, high = score_range(definition)
    for total in range(low, high + 1):
        assert sum(b["min"] <= total <= b["max"] for b in definition["bands"]) == 1


@settings(deadline=None, max_examples=200)
@given(definition_and_answers(), st.data())
def test_any_missing_answer_means_no_score(case, data):
    definition, answers = case
    dropped = data.draw(st.sets(st.sampled_from(sorted(answers)), min_size=1))
    partial = {code: index for code, index in answers.items() if code not in dropped}
    result = score(definition, partial)
    assert result.total is None and result.band == ""
    assert set(result.missing) == dropped


@settings(deadline=None, max_examples=100)
@given(st.lists(st.integers(0, 3), min_size=21, max_size=21))
def test_needs_scores_are_the_domain_sums_and_the_total_is_their_sum(points):
    answers = {item["code"]: p for item, p in zip(NEEDS_DEFINITION["items"], points, strict=False)}
    result = score(NEEDS_DEFINITION, answers)
    assert sum(n["score"] for n in result.needs.values()) == result.total
    for need in result.needs.values():
        assert need["level"] == (
            "tinggi" if need["score"] >= 6 else "sedang" if need["score"] >= 3 else "rendah"
        )
