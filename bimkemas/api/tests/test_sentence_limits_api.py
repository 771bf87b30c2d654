"""The API keeps the sentence limits declared once in clients.models.SENTENCE_LIMITS."""

import pytest

from bimkemas.api.tests.intake_payload import intake_payload
from bimkemas.clients.models import SENTENCE_LIMITS, SupervisionCase


@pytest.mark.parametrize("field", SENTENCE_LIMITS)
def test_intake_refuses_more_than_the_limit(api_as, carol, work_area, pb, facility, field):
    payload = intake_payload(work_area, facility)
    payload["case"][field] = SENTENCE_LIMITS[field] + 1

    response = api_as(carol).post("/intake", payload)

    assert response.status_code == 422
    assert f"case.{field}" in response.json()["errors"]
    assert SupervisionCase.objects.count() == 0


@pytest.mark.parametrize("field", SENTENCE_LIMITS)
def test_a_case_correction_refuses_more_than_the_limit(api_as, bob, case, field):
    response = api_as(bob).patch(f"/cases/{case.public_id}", {field: SENTENCE_LIMITS[field] + 1})

    assert response.status_code == 422
    case.refresh_from_db()
    assert getattr(case, field) <= SENTENCE_LIMITS[field]
