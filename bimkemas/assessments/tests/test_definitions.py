"""validate_definition: the one check an instrument passes before it can be published."""

import copy

import pytest

from bimkemas.assessments.defaults import NEEDS_DEFINITION, RISK_DEFINITION
from bimkemas.assessments.definitions import score_range, validate_definition


def small(**changes) -> dict:
    definition = {
        "items": [
            {
                "code": "Q1",
                "text": "Satu",
                "options": [{"label": "a", "score": 0}, {"label": "b", "score": 2}],
            },
            {
                "code": "Q2",
                "text": "Dua",
                "options": [{"label": "a", "score": 0}, {"label": "b", "score": 1}],
            },
        ],
        "bands": [{"label": "Rendah", "min": 0, "max": 1}, {"label": "Tinggi", "min": 2, "max": 3}],
    }
    definition.update(changes)
    return definition


def test_it_accepts_the_shipped_examples():
    assert validate_definition(RISK_DEFINITION, "risk") == []
    assert validate_definition(NEEDS_DEFINITION, "needs") == []


def test_the_risk_example_is_rri_part_a_as_described():
    assert len(RISK_DEFINITION["items"]) == 10
    assert score_range(RISK_DEFINITION) == (0, 17)
    bands = [(b["label"], b["min"], b["max"]) for b in RISK_DEFINITION["bands"]]
    assert bands == [
        ("Rendah", 0, 6),
        ("Sedang", 7, 11),
        ("Tinggi", 12, 15),
        ("Sangat Tinggi", 16, 17),
    ]


def test_the_needs_example_has_seven_domains_scored_zero_to_three():
    assert len(NEEDS_DEFINITION["domains"]) == 7
    for item in NEEDS_DEFINITION["items"]:
        assert [o["score"] for o in item["options"]] == [0, 1, 2, 3]


def test_it_accepts_a_small_valid_definition():
    assert validate_definition(small(), "risk") == []


def test_it_refuses_duplicate_item_codes():
    definition = small()
    definition["items"][1]["code"] = "Q1"
    assert any("Q1 is used more than once" in e for e in validate_definition(definition, "risk"))


@pytest.mark.parametrize(
    ("bands", "expected"),
    [
        ([{"label": "R", "min": 0, "max": 1}, {"label": "T", "min": 3, "max": 3}], "have no band"),
        ([{"label": "R", "min": 0, "max": 2}, {"label": "T", "min": 2, "max": 3}], "overlap"),
        (
            [{"label": "R", "min": 1, "max": 1}, {"label": "T", "min": 2, "max": 3}],
            "lowest possible",
        ),
        (
            [{"label": "R", "min": 0, "max": 1}, {"label": "T", "min": 2, "max": 2}],
            "highest possible",
        ),
        ([{"label": "R", "min": 2, "max": 0}], "ends before it starts"),
        ([], "at least one band"),
    ],
)
def test_it_refuses_bands_that_do_not_cover_the_range_exactly(bands, expected):
    errors = validate_definition(small(bands=bands), "risk")
    assert any(expected in e for e in errors), errors


@pytest.mark.parametrize("score", [None, "2", 1.5, True, -1])
def test_it_refuses_an_option_without_a_whole_non_negative_score(score):
    definition = small()
    definition["items"][0]["options"][1]["score"] = score
    assert validate_definition(definition, "risk")


def test_it_refuses_an_option_without_a_label_and_an_item_with_one_option():
    definition = small()
    definition["items"][0]["options"][0]["label"] = " "
    definition["items"][1]["options"] = definition["items"][1]["options"][:1]
    errors = validate_definition(definition, "risk")
    assert any("has no label" in e for e in errors)
    assert any("at least two options" in e for e in errors)


def test_it_refuses_what_is_not_a_definition():
    assert validate_definition([], "risk") == ["The definition must be a JSON object."]
    assert validate_definition({"items": []}, "risk")
    assert validate_definition(small(scoring="max"), "risk")


def _needs() -> dict:
    return copy.deepcopy(NEEDS_DEFINITION)


def test_a_needs_instrument_needs_domains():
    definition = _needs()
    del definition["domains"]
    assert any("need domain" in e for e in validate_definition(definition, "needs"))
    assert validate_definition(definition, "risk") == []


def test_it_refuses_domains_naming_unknown_or_shared_items():
    definition = _needs()
    definition["domains"][0]["items"] = ["N1", "X9"]
    definition["domains"][1]["items"].append("N7")
    errors = validate_definition(definition, "needs")
    assert any("unknown items: X9" in e for e in errors)
    assert any("N7 belongs to more than one" in e for e in errors)


def test_it_refuses_thresholds_that_do_not_rise_within_the_domain():
    definition = _needs()
    definition["domains"][0]["thresholds"] = {"sedang": 6, "tinggi": 3}
    definition["domains"][1]["thresholds"] = {"sedang": 3, "tinggi": 10}
    definition["domains"][2]["thresholds"] = {"sedang": 3}
    errors = validate_definition(definition, "needs")
    assert sum("thresholds" in e for e in errors) == 3


def test_it_refuses_an_incomplete_suggestion():
    definition = _needs()
    definition["domains"][0]["suggestion"] = {
        "kind": "lain",
        "area": "work",
        "text": "",
        "method": "casework",
        "frequency": "x",
    }
    errors = validate_definition(definition, "needs")
    assert any("needs kind" in e for e in errors)
    assert any("needs text" in e for e in errors)


def test_it_refuses_duplicate_domain_codes():
    definition = _needs()
    definition["domains"][1]["code"] = definition["domains"][0]["code"]
    assert any("used more than once" in e for e in validate_definition(definition, "needs"))
