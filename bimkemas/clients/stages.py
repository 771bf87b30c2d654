"""The stage of a guidance period on any date.

A period runs from `start` to `end`, both days included, so it lasts L = end - start + 1
days. Day t (0 = start) is in tahap awal while t < L·a, in tahap lanjutan while t < L·b,
and in tahap akhir until the end, where a and b are the office's fractions (¼ and ¾ by
default). After the end the client is in after-care if enrolled, otherwise finished.
Arithmetic is exact (Fraction), so boundaries never drift by a day through rounding.
"""

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    NOT_STARTED = "belum", _("Not started")
    AWAL = "awal", _("Initial stage")
    LANJUTAN = "lanjutan", _("Continued stage")
    AKHIR = "akhir", _("Final stage")
    AFTERCARE = "aftercare", _("After-care")
    FINISHED = "selesai", _("Period ended")


GUIDANCE_STAGES = (Stage.AWAL, Stage.LANJUTAN, Stage.AKHIR)
DEFAULT_FRACTIONS = (Fraction(1, 4), Fraction(3, 4))


@dataclass(frozen=True)
class StageSpan:
    stage: Stage
    first_day: dt.date
    last_day: dt.date

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1


def as_fractions(awal_end: Decimal | Fraction, lanjutan_end: Decimal | Fraction) -> tuple:
    first, second = Fraction(awal_end), Fraction(lanjutan_end)
    if not 0 < first < second < 1:
        raise ValueError("Stage fractions must satisfy 0 < awal_end < lanjutan_end < 1.")
    return first, second


def period_days(start: dt.date, end: dt.date) -> int:
    if end < start:
        raise ValueError("The guidance period ends before it starts.")
    return (end - start).days + 1


def stage_offsets(start: dt.date, end: dt.date, fractions: tuple = DEFAULT_FRACTIONS) -> tuple:
    """Day offsets at which tahap lanjutan and tahap akhir begin (may equal the length)."""
    length = period_days(start, end)
    first, second = as_fractions(*fractions)
    return math.ceil(length * first), math.ceil(length * second)


def stage_on(
    day: dt.date,
    start: dt.date,
    end: dt.date,
    fractions: tuple = DEFAULT_FRACTIONS,
    aftercare_until: dt.date | None = None,
) -> Stage:
    lanjutan_at, akhir_at = stage_offsets(start, end, fractions)
    if day < start:
        return Stage.NOT_STARTED
    if day > end:
        if aftercare_until and day <= aftercare_until:
            return Stage.AFTERCARE
        return Stage.FINISHED
    offset = (day - start).days
    if offset < lanjutan_at:
        return Stage.AWAL
    if offset < akhir_at:
        return Stage.LANJUTAN
    return Stage.AKHIR


def timeline(
    start: dt.date,
    end: dt.date,
    fractions: tuple = DEFAULT_FRACTIONS,
    aftercare_until: dt.date | None = None,
) -> list[StageSpan]:
    """The stages of a period in order, with their first and last days; empty ones left out."""
    lanjutan_at, akhir_at = stage_offsets(start, end, fractions)
    length = period_days(start, end)
    bounds = [
        (Stage.AWAL, 0, lanjutan_at),
        (Stage.LANJUTAN, lanjutan_at, akhir_at),
        (Stage.AKHIR, akhir_at, length),
    ]
    spans = [
        StageSpan(stage, start + dt.timedelta(days=lo), start + dt.timedelta(days=hi - 1))
        for stage, lo, hi in bounds
        if hi > lo
    ]
    if aftercare_until and aftercare_until > end:
        spans.append(StageSpan(Stage.AFTERCARE, end + dt.timedelta(days=1), aftercare_until))
    return spans


def stage_start_date(start: dt.date, end: dt.date, stage: Stage, fractions: tuple) -> dt.date:
    lanjutan_at, akhir_at = stage_offsets(start, end, fractions)
    offset = {Stage.AWAL: 0, Stage.LANJUTAN: lanjutan_at, Stage.AKHIR: akhir_at}[stage]
    return start + dt.timedelta(days=offset)
