"""Template helpers shared by the pages: stage badges and the stage timeline graphic."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django import template
from django.utils.formats import number_format

from bimkemas.clients.models import Programme
from bimkemas.clients.stages import Stage, StageSpan

register = template.Library()

# The SVG timeline is drawn in a 1000-unit wide viewBox and stretched to the page width.
TIMELINE_WIDTH = 1000


@register.filter
def stage_label(stage: str | None) -> str:
    if not stage:
        return ""
    return str(Stage(stage).label)


@register.filter
def stage_class(stage: str | None) -> str:
    """The CSS class that colours a stage (`stage-awal`, `stage-akhir`, …)."""
    return f"stage-{stage}" if stage else ""


@register.inclusion_tag("clients/partials/stage_badge.html")
def stage_badge(stage: str | None) -> dict:
    return {"stage": stage or "", "label": stage_label(stage)}


@dataclass(frozen=True)
class TimelineSegment:
    span: StageSpan
    x: int
    width: int

    @property
    def css_class(self) -> str:
        return stage_class(self.span.stage)


@dataclass(frozen=True)
class Timeline:
    segments: list[TimelineSegment]
    today_x: int | None
    width: int = TIMELINE_WIDTH


def build_timeline(spans: Sequence[StageSpan], day: dt.date) -> Timeline:
    """Segments whose widths are proportional to their days, and where `day` falls."""
    if not spans:
        return Timeline([], None)
    first, last = spans[0].first_day, spans[-1].last_day
    total = (last - first).days + 1
    segments, x = [], 0
    for span in spans:
        width = round(span.days * TIMELINE_WIDTH / total)
        segments.append(TimelineSegment(span, x, width))
        x += width
    today_x = None
    if first <= day <= last:
        today_x = round(((day - first).days + 0.5) * TIMELINE_WIDTH / total)
    return Timeline(segments, today_x)


@register.simple_tag
def stage_timeline(spans: Sequence[StageSpan], day: dt.date) -> Timeline:
    return build_timeline(spans, day)


@register.filter
def minutes(duration: dt.timedelta | None) -> int:
    """A timedelta in whole minutes (the lockout page's cool-off time)."""
    return round(duration.total_seconds() / 60) if duration else 0


FILE_SIZE_UNITS = ("B", "KB", "MB", "GB")


@register.filter
def filesize(size: int | None) -> str:
    """A file size as "607 B" or "1,2 MB" in every language. Django's filesizeformat says
    "607 bita" in Indonesian, a word nobody uses for file sizes."""
    if size is None:
        return ""
    value, unit = float(size), 0
    while value >= 1024 and unit < len(FILE_SIZE_UNITS) - 1:
        value, unit = value / 1024, unit + 1
    shown = str(int(value)) if unit == 0 else number_format(round(value, 1), 1)
    return f"{shown}\N{NO-BREAK SPACE}{FILE_SIZE_UNITS[unit]}"


@register.filter
def programme_label(code: str) -> str:
    """A programme code as "PB — Pembebasan Bersyarat": codes alone mean little to a reader."""
    programme = Programme.objects.filter(code=code).first()
    return str(programme) if programme else code
