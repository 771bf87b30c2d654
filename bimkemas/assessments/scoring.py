"""Scoring an instrument's answers: pure functions of a (valid) definition and the answers.

Answers map an item's code to the index of the chosen option. A set with any item unanswered
is not scored: `score` says which items are missing and gives no total, band or need levels.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from bimkemas.core.errors import ApplicationError

LEVEL_ORDER = {"tinggi": 0, "sedang": 1, "rendah": 2}


@dataclass(frozen=True)
class Scoring:
    missing: list[str]  # codes of unanswered items, in the instrument's order
    total: int | None = None
    band: str = ""
    needs: dict[str, dict[str, Any]] = field(default_factory=dict)  # {domain: {score, level}}

    @property
    def complete(self) -> bool:
        return not self.missing


def clean_answers(definition: dict, answers: Mapping[str, Any] | None) -> dict[str, int]:
    """The answers as {item code: option index}; unanswered items (None, "") are left out.
    Unknown items and options that do not exist are refused with a message per item."""
    items = {item["code"]: item for item in definition.get("items", [])}
    if answers is not None and not isinstance(answers, Mapping):
        raise ApplicationError(_("Answers must map item codes to option numbers."), field="answers")
    cleaned: dict[str, int] = {}
    errors: dict[str, list[str]] = {}
    for code, value in (answers or {}).items():
        if code not in items:
            errors[f"answers.{code}"] = [
                _("This instrument has no item %(code)s.") % {"code": code}
            ]
            continue
        if value is None or value == "":
            continue
        index = _index(value)
        if index is None or not 0 <= index < len(items[code]["options"]):
            errors[f"answers.{code}"] = [
                _("Item %(code)s has no option %(value)s.") % {"code": code, "value": value}
            ]
            continue
        cleaned[code] = index
    if errors:
        raise ApplicationError(errors=errors)
    return cleaned


def _index(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def band_for(definition: dict, total: int) -> str:
    for band in definition["bands"]:
        if band["min"] <= total <= band["max"]:
            return band["label"]
    raise ValueError(f"no band for {total}")  # a validated definition covers every total


def level_for(thresholds: Mapping[str, int], domain_score: int) -> str:
    if domain_score >= thresholds["tinggi"]:
        return "tinggi"
    if domain_score >= thresholds["sedang"]:
        return "sedang"
    return "rendah"


def score(definition: dict, answers: Mapping[str, int]) -> Scoring:
    """Total, band and need levels of a complete set of clean answers; only the missing items
    when any is unanswered."""
    items = definition.get("items", [])
    missing = [item["code"] for item in items if item["code"] not in answers]
    if missing:
        return Scoring(missing=missing)
    points = {item["code"]: item["options"][answers[item["code"]]]["score"] for item in items}
    total = sum(points.values())
    needs = {}
    for domain in definition.get("domains", []):
        domain_score = sum(points[code] for code in domain["items"])
        needs[domain["code"]] = {
            "score": domain_score,
            "level": level_for(domain["thresholds"], domain_score),
        }
    return Scoring(missing=[], total=total, band=band_for(definition, total), needs=needs)
