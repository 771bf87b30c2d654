"""The admin edits a draft instrument's JSON (problems shown), publishes it and drafts new
versions; a published version is shown read-only."""

import copy
import json

import pytest
from django.urls import reverse

from bimkemas.accounts.models import User
from bimkemas.assessments.models import AssessmentSettings, Instrument, InstrumentStatus
from bimkemas.assessments.services import instrument_new_version
from bimkemas.audit.models import AuditEvent
from bimkemas.testing import PASSWORD, login


@pytest.fixture
def root(db) -> User:
    return User.objects.create_superuser("root", password=PASSWORD, role="")


def _change(client, instrument, definition, name=None):
    data = {
        "name": name or instrument.name,
        "note": instrument.note,
        "definition": json.dumps(definition),
    }
    url = reverse("admin:assessments_instrument_change", args=[instrument.pk])
    return client.post(url, data)


def test_a_draft_with_gapped_bands_is_refused_with_the_problem_shown(client, root, risk):
    draft = instrument_new_version(actor=root, instrument=risk)
    login(client, root)
    broken = copy.deepcopy(draft.definition)
    broken["bands"][2]["min"] = 13
    response = _change(client, draft, broken)
    assert response.status_code == 200
    assert "Scores between bands Sedang and Tinggi have no band." in response.content.decode()
    draft.refresh_from_db()
    assert draft.definition == risk.definition


def test_a_draft_is_edited_and_published_from_the_list(client, root, risk):
    draft = instrument_new_version(actor=root, instrument=risk)
    login(client, root)
    changed = copy.deepcopy(draft.definition)
    changed["items"][0]["help"] = "Hitung dari tanggal lahir."
    assert _change(client, draft, changed, name="RRI A (diperiksa)").status_code == 302
    draft.refresh_from_db()
    assert draft.name == "RRI A (diperiksa)"
    url = reverse("admin:assessments_instrument_changelist")
    client.post(url, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    risk.refresh_from_db()
    assert (draft.status, risk.status) == (InstrumentStatus.PUBLISHED, InstrumentStatus.RETIRED)
    assert AuditEvent.objects.filter(object_id=str(draft.public_id), action="status").exists()


def test_a_published_version_is_read_only_and_can_be_copied(client, root, risk):
    login(client, root)
    page = client.get(reverse("admin:assessments_instrument_change", args=[risk.pk]))
    assert 'name="definition"' not in page.content.decode()
    assert _change(client, risk, {"items": []}).status_code in (200, 302)
    risk.refresh_from_db()
    assert risk.definition["items"]
    url = reverse("admin:assessments_instrument_changelist")
    client.post(url, {"action": "new_version", "_selected_action": [risk.pk]})
    assert Instrument.objects.get(code=risk.code, version=2).status == InstrumentStatus.DRAFT


def test_office_settings_are_edited_and_audited(client, root, office):
    login(client, root)
    url = reverse("admin:assessments_assessmentsettings_add")
    data = {"office": office.pk, "initial_days": 21, "interval_months": 12, "trigger_days": 7}
    assert client.post(url, data).status_code == 302
    assert AssessmentSettings.objects.get().initial_days == 21
    assert AuditEvent.objects.filter(object_type="assessmentsettings").exists()


def test_assessments_are_read_only_in_the_admin(client, root, case, risk, assess):
    assessment = assess(case, risk)
    login(client, root)
    url = reverse("admin:assessments_assessment_change", args=[assessment.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"score": 3}).status_code == 403


def test_a_draft_shows_its_definition_indented_for_editing(client, root, risk):
    draft = instrument_new_version(actor=root, instrument=risk)
    login(client, root)
    html = client.get(reverse("admin:assessments_instrument_change", args=[draft.pk])).content
    assert "\n  &quot;items&quot;: [" in html.decode()
    assert client.get(reverse("admin:assessments_instrument_add")).status_code == 200
