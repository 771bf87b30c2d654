"""A published instrument version never changes; assessments keep the version they used."""

import copy

import pytest

from bimkemas.assessments.models import Instrument, InstrumentStatus
from bimkemas.assessments.services import (
    instrument_create,
    instrument_new_version,
    instrument_publish,
    instrument_update,
)
from bimkemas.assessments.tests.conftest import answers_for
from bimkemas.core.errors import ApplicationError


def test_the_examples_are_published_and_labelled(risk, needs):
    for instrument in (risk, needs):
        assert instrument.status == InstrumentStatus.PUBLISHED and instrument.version == 1
        assert instrument.note == "Contoh — periksa terhadap teks resmi"
        assert instrument.definition["intro"].startswith("Contoh — periksa terhadap teks resmi")


def test_a_published_version_cannot_be_edited(risk, bob):
    with pytest.raises(ApplicationError, match="new version"):
        instrument_update(actor=bob, instrument=risk, name="x", definition=risk.definition)


def test_editing_makes_a_new_version_and_publishing_retires_the_old(risk, bob, case, assess):
    old_assessment = assess(case, risk)
    draft = instrument_new_version(actor=bob, instrument=risk)
    assert (draft.version, draft.status) == (2, InstrumentStatus.DRAFT)
    changed = copy.deepcopy(draft.definition)
    changed["items"][0]["text"] = "Usia klien pada hari asesmen"
    instrument_update(actor=bob, instrument=draft, name=draft.name, definition=changed)
    instrument_publish(actor=bob, instrument=draft)
    risk.refresh_from_db()
    assert risk.status == InstrumentStatus.RETIRED
    assert Instrument.objects.published().get(code=risk.code).version == 2
    old_assessment.refresh_from_db()
    assert old_assessment.instrument == risk
    assert old_assessment.instrument.definition["items"][0]["text"] == "Usia klien saat ini"


def test_only_one_draft_version_at_a_time(risk, bob):
    instrument_new_version(actor=bob, instrument=risk)
    with pytest.raises(ApplicationError, match="already has a draft"):
        instrument_new_version(actor=bob, instrument=risk)


def test_an_invalid_definition_is_refused_with_its_problems(risk, bob):
    draft = instrument_new_version(actor=bob, instrument=risk)
    broken = copy.deepcopy(draft.definition)
    broken["bands"][1]["min"] = 8
    with pytest.raises(ApplicationError) as refused:
        instrument_update(actor=bob, instrument=draft, name=draft.name, definition=broken)
    assert "have no band" in refused.value.errors["definition"][0]
    draft.refresh_from_db()
    assert draft.definition == risk.definition


def test_a_new_instrument_starts_as_a_draft(bob, risk):
    created = instrument_create(
        actor=bob, code="RRI-B", name="RRI bagian B", kind="risk", definition=risk.definition
    )
    assert (created.version, created.status) == (1, InstrumentStatus.DRAFT)
    with pytest.raises(ApplicationError):
        instrument_create(
            actor=bob, code="RRI-B", name="x", kind="risk", definition=risk.definition
        )
    published = instrument_publish(actor=bob, instrument=created)
    with pytest.raises(ApplicationError, match="Only a draft"):
        instrument_publish(actor=bob, instrument=published)
    assert answers_for(published)
