"""A case's guidance stages by the dates stored on it (lanjutan_from, akhir_from), as the
lists filter them in SQL (`clients.models.stage_q`): tahap awal from guidance_start to the
day before lanjutan_from, lanjutan to the day before akhir_from, akhir to guidance_end. A
short period may leave a stage empty; an empty stage has no plan and no evaluation."""

import datetime as dt
from dataclasses import dataclass

from bimkemas.guidance.models import GuidanceStage

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Span:
    stage: str
    first_day: dt.date
    last_day: dt.date

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    @property
    def is_empty(self) -> bool:
        return self.last_day < self.first_day


def spans_of(start: dt.date, lanjutan_from: dt.date, akhir_from: dt.date, end: dt.date) -> list:
    """The non-empty stages of a period, in order."""
    spans = [
        Span(GuidanceStage.AWAL, start, lanjutan_from - ONE_DAY),
        Span(GuidanceStage.LANJUTAN, lanjutan_from, akhir_from - ONE_DAY),
        Span(GuidanceStage.AKHIR, akhir_from, end),
    ]
    return [span for span in spans if not span.is_empty]


def case_spans(case) -> list[Span]:
    return spans_of(case.guidance_start, case.lanjutan_from, case.akhir_from, case.guidance_end)


def span_of(case, stage: str) -> Span | None:
    return next((span for span in case_spans(case) if span.stage == stage), None)


def current_span(case, day: dt.date) -> Span | None:
    """The stage the case is in on `day`, or None before the start and after the end."""
    return next((s for s in case_spans(case) if s.first_day <= day <= s.last_day), None)
