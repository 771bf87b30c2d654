import datetime as dt

import pytest
from django.utils import timezone

from bimkemas.assessments.defaults import DEFAULT_INSTRUMENTS, NEEDS_CODE, RISK_CODE
from bimkemas.assessments.models import EXAMPLE_NOTE, Instrument
from bimkemas.assessments.services import assessment_save
from bimkemas.core.dates import today


def example(code: str) -> Instrument:
    """A shipped example, published. Migration 0002 loads them; a transactional test elsewhere
    in the suite flushes the tables, so load them again when they are gone."""
    found = Instrument.objects.published().filter(code=code).first()
    if found is not None:
        return found
    row = next(row for row in DEFAULT_INSTRUMENTS if row["code"] == code)
    return Instrument.objects.create(
        **row, version=1, status="published", published_at=timezone.now(), note=EXAMPLE_NOTE
    )


@pytest.fixture
def risk(db) -> Instrument:
    return example(RISK_CODE)


@pytest.fixture
def needs(db) -> Instrument:
    return example(NEEDS_CODE)


def answers_for(instrument: Instrument, pick=lambda item: 0) -> dict[str, int]:
    """An answer to every item: option `pick(item)` (the first by default)."""
    return {item["code"]: pick(item) for item in instrument.definition["items"]}


def highest(item: dict) -> int:
    return len(item["options"]) - 1


@pytest.fixture
def assess(alice):
    """assess(case, instrument, answers=None → all first options, **kwargs) → Assessment."""

    def factory(case, instrument, answers=None, *, actor=None, assessed_on=None, **kwargs):
        return assessment_save(
            actor=actor or alice,
            case=case,
            instrument=instrument,
            answers=answers_for(instrument) if answers is None else answers,
            assessed_on=assessed_on or today() - dt.timedelta(days=1),
            **kwargs,
        )

    return factory
