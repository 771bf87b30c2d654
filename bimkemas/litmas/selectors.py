"""Reads shared by the web pages and the API: public tracking, section states, versions."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.utils import timezone

from bimkemas.audit.context import request_origin
from bimkemas.litmas import tracking
from bimkemas.litmas.models import LitmasReport, LitmasRequest, LitmasRequestStep, SectionKind

# Public tracking: lookups per address in a window (found or not: guessing costs the same).
TRACK_LIMIT = 20
TRACK_WINDOW = 15 * 60


@dataclass
class PublicStep:
    status: str
    label: str
    on: dt.date


@dataclass
class PublicStatus:
    """What the requester may see: no name, no personal data."""

    found: bool
    code: str = ""
    status: str = ""
    status_label: str = ""
    type: str = ""
    type_label: str = ""
    office: str = ""
    received_on: dt.date | None = None
    due_on: dt.date | None = None
    steps: list[PublicStep] = field(default_factory=list)


def _address_key() -> str | None:
    address, _channel = request_origin.get()
    return f"litmas-track:{address}" if address else None


def tracking_allowed() -> bool:
    """Count one lookup for the caller's address; False once it passed the limit."""
    key = _address_key()
    if key is None:
        return True
    if not cache.add(key, 1, TRACK_WINDOW):
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, TRACK_WINDOW)
            count = 1
    else:
        count = 1
    return count <= TRACK_LIMIT


def public_status(text: str) -> PublicStatus:
    """The request with this tracking code, as the public may see it. An unknown or malformed
    code runs the same query and gives the same shape, with found=False."""
    code = tracking.normalise(text) or "-" * tracking.LENGTH
    # Two queries whether the code exists or not, so the answer takes as long either way.
    request = LitmasRequest.objects.filter(tracking_code=code).select_related("office").first()
    rows = list(LitmasRequestStep.objects.filter(request__tracking_code=code).order_by("at", "pk"))
    if request is None:
        return PublicStatus(found=False)
    steps = [
        PublicStep(s.status, str(s.get_status_display()), timezone.localdate(s.at)) for s in rows
    ]
    return PublicStatus(
        found=True,
        code=request.tracking_display,
        status=request.status,
        status_label=str(request.get_status_display()),
        type=request.type,
        type_label=str(request.get_type_display()),
        office=request.office.name,
        received_on=request.received_on,
        due_on=request.due_on,
        steps=steps,
    )


@dataclass
class SectionState:
    code: str
    heading: str
    guidance: str
    kind: str
    required: bool
    value: Any
    filled: bool
    text: str  # the value as the editor's textarea shows it


def as_text(kind: str, value: Any) -> str:
    if not value:
        return ""
    if kind == SectionKind.TEXT:
        return str(value)
    if kind == SectionKind.FACTS:
        return "\n".join(f"{label}: {text}" for label, text in value)
    return "\n".join(" | ".join(row) for row in value)


def from_text(kind: str, text: str) -> Any:
    """The editor's textarea back into content: facts as "Label: value" lines, a table as
    "cell | cell" lines."""
    text = (text or "").replace("\r\n", "\n").strip()
    if kind == SectionKind.TEXT:
        return text
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if kind == SectionKind.FACTS:
        return [
            [p.strip() for p in line.split(":", 1)] if ":" in line else ["", line] for line in lines
        ]
    return [[cell.strip() for cell in line.split("|")] for line in lines]


def section_states(report: LitmasReport, content: dict[str, Any]) -> list[SectionState]:
    return [
        SectionState(
            code=s["code"],
            heading=s["heading"],
            guidance=s.get("guidance", ""),
            kind=s.get("kind", SectionKind.TEXT),
            required=bool(s.get("required")),
            value=content.get(s["code"]),
            filled=bool(content.get(s["code"])),
            text=as_text(s.get("kind", SectionKind.TEXT), content.get(s["code"])),
        )
        for s in report.outline.sections_for(report.request.type)
    ]
