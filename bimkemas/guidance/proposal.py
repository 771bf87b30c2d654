"""What a proposed plan holds: the needs assessment's suggestions (highest need first) and
the stage's standard items, so the officer edits rather than types. Item texts are the
plan's content (Indonesian, as the printed plan)."""

import re
from typing import Any

from bimkemas.assessments.selectors import current_needs
from bimkemas.guidance.models import (
    AREA_KIND,
    GuidanceArea,
    GuidanceKind,
    GuidanceMethod,
    GuidanceStage,
)

STANDARD_ITEMS: dict[str, list[dict[str, Any]]] = {
    GuidanceStage.AWAL: [
        {
            "kind": GuidanceKind.KEPRIBADIAN,
            "area": GuidanceArea.LEGAL,
            "description": "Orientasi kondisi bimbingan: hak, kewajiban, larangan dan sanksi "
            "selama menjalani program",
            "method": GuidanceMethod.CASEWORK,
            "frequency": "1 kali di awal tahap",
            "per_month": 1,
        },
        {
            "kind": GuidanceKind.KEPRIBADIAN,
            "area": GuidanceArea.ATTITUDE,
            "description": "Wajib lapor sesuai jadwal dan pemantauan kondisi klien",
            "method": GuidanceMethod.CASEWORK,
            "frequency": "1 kali sebulan",
            "per_month": 1,
        },
    ],
    GuidanceStage.LANJUTAN: [
        {
            "kind": GuidanceKind.KEPRIBADIAN,
            "area": GuidanceArea.ATTITUDE,
            "description": "Pemantauan perkembangan sikap dan kepatuhan terhadap syarat umum "
            "dan khusus",
            "method": GuidanceMethod.CASEWORK,
            "frequency": "1 kali sebulan",
            "per_month": 1,
        },
    ],
    GuidanceStage.AKHIR: [
        {
            "kind": GuidanceKind.KEPRIBADIAN,
            "area": GuidanceArea.ATTITUDE,
            "description": "Persiapan pengakhiran bimbingan dan kembali ke masyarakat",
            "method": GuidanceMethod.CASEWORK,
            "frequency": "1 kali sebulan",
            "per_month": 1,
        },
        {
            "kind": GuidanceKind.KEPRIBADIAN,
            "area": GuidanceArea.FAMILY,
            "description": "Kunjungan rumah akhir (home visit) bersama penjamin dan keluarga",
            "method": GuidanceMethod.CASEWORK,
            "frequency": "1 kali di akhir tahap",
            "per_month": 1,
        },
    ],
}

_PER = (
    (re.compile(r"(\d+)\s*(?:kali|x)?\s*(?:se)?minggu", re.I), 4),
    (re.compile(r"(\d+)\s*(?:kali|x)?\s*(?:se)?bulan", re.I), 1),
    (re.compile(r"(\d+)\s*(?:kali|x)?\s*(?:a |per )?week", re.I), 4),
    (re.compile(r"(\d+)\s*(?:kali|x)?\s*(?:a |per )?month", re.I), 1),
)


def per_month_of(frequency: str) -> int:
    """Sessions a month that a frequency text means: "2 kali seminggu" → 8; default 1."""
    for pattern, factor in _PER:
        if match := pattern.search(frequency or ""):
            return max(1, min(int(match.group(1)) * factor, 31))
    return 1


def _choice(value: Any, choices: Any, default: str) -> str:
    return value if value in choices.values else default


LOW_LEVELS = ("rendah", "low")


def need_items(needs: list) -> list[dict[str, Any]]:
    """One item per need with a suggestion, in the assessment's order (highest level first);
    low needs are left out; needs of the same area merge into one item with all their codes."""
    items: dict[str, dict[str, Any]] = {}
    for need in needs:
        if str(need.level).lower() in LOW_LEVELS:
            continue
        suggestion = need.suggestion or {}
        area = _choice(suggestion.get("area"), GuidanceArea, GuidanceArea.OTHER)
        text = suggestion.get("text") or need.label or need.code
        key = f"{area}:{text}" if area == GuidanceArea.OTHER else area
        if key in items:
            items[key]["need_codes"].append(need.code)
            continue
        frequency = suggestion.get("frequency") or "1 kali sebulan"
        default_kind = str(AREA_KIND.get(GuidanceArea(area), GuidanceKind.KEPRIBADIAN))
        items[key] = {
            "kind": _choice(suggestion.get("kind"), GuidanceKind, default_kind),
            "area": area,
            "description": str(text)[:500],
            "method": _choice(suggestion.get("method"), GuidanceMethod, GuidanceMethod.CASEWORK),
            "frequency": str(frequency)[:100],
            "per_month": per_month_of(str(frequency)),
            "need_codes": [need.code],
        }
    return list(items.values())


def proposed_items(client, stage: str, responsible: str) -> list[dict[str, Any]]:
    standard = [{**item, "standard": True, "need_codes": []} for item in STANDARD_ITEMS[stage]]
    items = need_items(current_needs(client)) + standard
    return [{**item, "responsible": item.get("responsible") or responsible} for item in items]
