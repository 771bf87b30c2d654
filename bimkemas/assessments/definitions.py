"""An instrument's definition (JSON) and the one function that checks it.

{
  "intro": "…",                       # optional, shown above the form
  "scoring": "sum",                   # the total is the sum of the chosen options' scores
  "items": [
    {"code": "A1", "text": "…", "help": "…",
     "options": [{"label": "…", "score": 0}, {"label": "…", "score": 2}]},
  ],
  "bands": [{"label": "Rendah", "min": 0, "max": 6}, …],   # cover min..max total, no gaps
  "domains": [                        # needs instruments only
    {"code": "keluarga", "label": "Keluarga & perkawinan", "items": ["N7", "N8", "N9"],
     "thresholds": {"sedang": 3, "tinggi": 6},   # domain score < sedang → rendah, < tinggi
                                                 # → sedang, otherwise tinggi
     "suggestion": {"kind": "kepribadian", "area": "family", "text": "…",
                    "method": "casework", "frequency": "2 kali sebulan"}},
  ]
}
"""

import itertools
from collections import Counter
from typing import Any

from django.utils.translation import gettext as _

from bimkemas.core.errors import ApplicationError

SUGGESTION_KINDS = ("kepribadian", "kemandirian")
SUGGESTION_AREAS = (
    "religion",
    "legal",
    "health",
    "attitude",
    "skills",
    "work",
    "family",
    "substance",
    "other",
)
SUGGESTION_METHODS = ("casework", "groupwork")
LEVELS = ("rendah", "sedang", "tinggi")
SCORINGS = ("sum",)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def score_range(definition: dict) -> tuple[int, int]:
    """The lowest and highest total a complete set of answers can reach."""
    low = high = 0
    for item in definition.get("items", []):
        scores = [option["score"] for option in item["options"]]
        low += min(scores)
        high += max(scores)
    return low, high


def item_range(definition: dict, codes: list[str]) -> tuple[int, int]:
    items = [item for item in definition.get("items", []) if item["code"] in codes]
    return score_range({"items": items})


def _item_errors(items: Any) -> list[str]:
    if not isinstance(items, list) or not items:
        return [_("The instrument needs at least one item.")]
    errors: list[str] = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            errors.append(_("Item %(n)s is not an object.") % {"n": number})
            continue
        label = item.get("code") or number
        if not _text(item.get("code")):
            errors.append(_("Item %(n)s has no code.") % {"n": number})
        if not _text(item.get("text")):
            errors.append(_("Item %(code)s has no question text.") % {"code": label})
        options = item.get("options")
        if not isinstance(options, list) or len(options) < 2:
            errors.append(_("Item %(code)s needs at least two options.") % {"code": label})
            continue
        for index, option in enumerate(options, start=1):
            if not isinstance(option, dict) or not _text(option.get("label")):
                errors.append(
                    _("Option %(i)s of item %(code)s has no label.") % {"i": index, "code": label}
                )
            if not isinstance(option, dict) or not _is_int(option.get("score")):
                errors.append(
                    _("Option %(i)s of item %(code)s has no whole-number score.")
                    % {"i": index, "code": label}
                )
            elif option["score"] < 0:
                errors.append(
                    _("Option %(i)s of item %(code)s has a negative score.")
                    % {"i": index, "code": label}
                )
    codes = Counter(item.get("code") for item in items if isinstance(item, dict))
    errors += [
        _("Item code %(code)s is used more than once.") % {"code": code}
        for code, count in codes.items()
        if code and count > 1
    ]
    return errors


def _band_errors(bands: Any, low: int, high: int) -> list[str]:
    if not isinstance(bands, list) or not bands:
        return [_("The instrument needs at least one band.")]
    if not all(
        isinstance(b, dict)
        and _text(b.get("label"))
        and _is_int(b.get("min"))
        and _is_int(b.get("max"))
        for b in bands
    ):
        return [_("Every band needs a label and whole-number min and max.")]
    errors: list[str] = []
    labels = Counter(b["label"] for b in bands)
    errors += [
        _("Band %(label)s is used more than once.") % {"label": label}
        for label, count in labels.items()
        if count > 1
    ]
    ordered = sorted(bands, key=lambda b: (b["min"], b["max"]))
    for band in ordered:
        if band["min"] > band["max"]:
            errors.append(_("Band %(label)s ends before it starts.") % {"label": band["label"]})
    if errors:
        return errors
    if ordered[0]["min"] != low:
        errors.append(
            _("The bands must start at the lowest possible score, %(low)s.") % {"low": low}
        )
    if ordered[-1]["max"] != high:
        errors.append(
            _("The bands must end at the highest possible score, %(high)s.") % {"high": high}
        )
    for before, after in itertools.pairwise(ordered):
        if after["min"] <= before["max"]:
            errors.append(
                _("Bands %(a)s and %(b)s overlap.") % {"a": before["label"], "b": after["label"]}
            )
        elif after["min"] > before["max"] + 1:
            errors.append(
                _("Scores between bands %(a)s and %(b)s have no band.")
                % {"a": before["label"], "b": after["label"]}
            )
    return errors


def _suggestion_errors(code: str, suggestion: Any) -> list[str]:
    if not isinstance(suggestion, dict):
        return [_("Need domain %(code)s has no suggested plan item.") % {"code": code}]
    errors = []
    checks = (
        ("kind", SUGGESTION_KINDS),
        ("area", SUGGESTION_AREAS),
        ("method", SUGGESTION_METHODS),
    )
    for key, allowed in checks:
        if suggestion.get(key) not in allowed:
            errors.append(
                _("The suggestion of need domain %(code)s needs %(key)s, one of %(allowed)s.")
                % {"code": code, "key": key, "allowed": ", ".join(allowed)}
            )
    for key in ("text", "frequency"):
        if not _text(suggestion.get(key)):
            errors.append(
                _("The suggestion of need domain %(code)s needs %(key)s.")
                % {"code": code, "key": key}
            )
    return errors


def _domain_errors(definition: dict, domains: Any) -> list[str]:
    if not isinstance(domains, list) or not domains:
        return [_("A needs instrument needs at least one need domain.")]
    item_codes = {item.get("code") for item in definition["items"]}
    errors: list[str] = []
    seen_items: Counter = Counter()
    codes: Counter = Counter()
    for number, domain in enumerate(domains, start=1):
        if not isinstance(domain, dict) or not _text(domain.get("code")):
            errors.append(_("Need domain %(n)s has no code.") % {"n": number})
            continue
        code = domain["code"]
        codes[code] += 1
        if not _text(domain.get("label")):
            errors.append(_("Need domain %(code)s has no label.") % {"code": code})
        items = domain.get("items")
        if not isinstance(items, list) or not items:
            errors.append(_("Need domain %(code)s has no items.") % {"code": code})
            continue
        unknown = [c for c in items if c not in item_codes]
        if unknown:
            errors.append(
                _("Need domain %(code)s names unknown items: %(items)s.")
                % {"code": code, "items": ", ".join(map(str, unknown))}
            )
            continue
        seen_items.update(items)
        errors += _threshold_errors(code, domain.get("thresholds"), item_range(definition, items))
        errors += _suggestion_errors(code, domain.get("suggestion"))
    errors += [
        _("Need domain code %(code)s is used more than once.") % {"code": code}
        for code, count in codes.items()
        if count > 1
    ]
    errors += [
        _("Item %(code)s belongs to more than one need domain.") % {"code": code}
        for code, count in seen_items.items()
        if count > 1
    ]
    return errors


def _threshold_errors(code: str, thresholds: Any, span: tuple[int, int]) -> list[str]:
    low, high = span
    if (
        not isinstance(thresholds, dict)
        or not _is_int(thresholds.get("sedang"))
        or not _is_int(thresholds.get("tinggi"))
    ):
        return [
            _("Need domain %(code)s needs whole-number thresholds for sedang and tinggi.")
            % {"code": code}
        ]
    if not low < thresholds["sedang"] < thresholds["tinggi"] <= high:
        return [
            _(
                "The thresholds of need domain %(code)s must rise within its scores: "
                "%(low)s < sedang < tinggi ≤ %(high)s."
            )
            % {"code": code, "low": low, "high": high}
        ]
    return []


def validate_definition(definition: Any, kind: str) -> list[str]:
    """Every problem of a definition, as messages; an empty list when it can be published.

    Unique item and domain codes; at least two options per item, each labelled and scored with a
    whole number ≥ 0; bands covering every possible total from the lowest to the highest
    without gaps or overlaps; for needs instruments, domains naming existing items (each item
    in at most one domain) with rising thresholds and a complete suggested plan item.
    """
    if not isinstance(definition, dict):
        return [_("The definition must be a JSON object.")]
    if definition.get("scoring", "sum") not in SCORINGS:
        return [_("Scoring must be “sum”.")]
    errors = _item_errors(definition.get("items"))
    if errors:
        return errors
    errors += _band_errors(definition.get("bands"), *score_range(definition))
    if kind == "needs":
        errors += _domain_errors(definition, definition.get("domains"))
    return errors


def check_definition(definition: Any, kind: str) -> None:
    errors = validate_definition(definition, kind)
    if errors:
        raise ApplicationError(errors={"definition": errors})
