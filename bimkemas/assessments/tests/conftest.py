import datetime as dt

import pytest

from bimkemas.assessments.defaults import NEEDS_CODE, RISK_CODE, example_instrument
from bimkemas.assessments.models import Instrument
from bimkemas.assessments.services import assessment_save
from bimkemas.core.dates import today


@pytest.fixture
def risk(db) -> Instrument:
    return example_instrument(RISK_CODE)


@pytest.fixture
def needs(db) -> Instrument:
    return example_instrument(NEEDS_CODE)


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
