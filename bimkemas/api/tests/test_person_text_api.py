"""The API refuses names, places and addresses with invisible characters, as the forms do."""

import pytest

from bimkemas.api.tests.intake_payload import intake_payload
from bimkemas.clients.models import Client

RLO_NAME = "Rizal \u202eirkaB"


@pytest.mark.parametrize(
    ("section", "field"),
    [
        ("identity", "full_name"),
        ("identity", "birth_place"),
        ("identity", "street"),
        ("identity", "kelurahan"),
        ("guarantors", "name"),
        ("contacts", "name"),
    ],
)
def test_intake_refuses_hidden_characters(api_as, carol, work_area, pb, facility, section, field):
    payload = intake_payload(work_area, facility)
    target = payload[section] if section == "identity" else payload[section][0]
    target[field] = RLO_NAME

    response = api_as(carol).post("/intake", payload)

    assert response.status_code == 422
    errors = response.json()["errors"]
    assert any("Invisible or control characters" in m for ms in errors.values() for m in ms)
    assert Client.objects.count() == 0


def test_a_patch_refuses_a_name_of_combining_marks(api_as, carol, case):
    response = api_as(carol).patch(f"/clients/{case.client.public_id}", {"full_name": "\u0301"})

    assert response.status_code == 422
    assert "full_name" in response.json()["errors"]


def test_a_patch_stores_the_normalised_form(api_as, carol, case):
    response = api_as(carol).patch(
        f"/clients/{case.client.public_id}", {"birth_place": "Jose\u0301"}
    )

    assert response.status_code == 200
    case.client.refresh_from_db()
    assert case.client.birth_place == "Jos\u00e9"
