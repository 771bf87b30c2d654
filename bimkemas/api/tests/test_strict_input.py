"""JSON bodies are taken as written: an array is not an empty object, 0 or "yes" is not a
boolean, "5" is not a number, and an unknown field is a mistake, not something to ignore."""

import pytest

from bimkemas.api.tests.intake_payload import intake_payload


@pytest.mark.parametrize("body", ["[]", '[{"full_name": "X"}]', '"Budi"', "5", "true", "null"])
def test_a_patch_with_a_non_object_body_is_a_422(api_as, carol, case, body):
    response = api_as(carol).patch(f"/clients/{case.client.public_id}", body)  # JSON text

    assert response.status_code == 422
    assert set(response.json()) == {"detail", "errors"}


def test_a_patch_with_an_unknown_field_is_a_422(api_as, carol, case):
    response = api_as(carol).patch(f"/clients/{case.client.public_id}", {"fullname": "Budi"})

    assert response.status_code == 422
    assert "fullname" in response.json()["errors"]


@pytest.mark.parametrize("value", [0, 1, "yes", "true", "on"])
def test_a_boolean_must_be_a_boolean(api_as, alice, case, value):
    phone = case.client.phones.get()
    url = f"/clients/{case.client.public_id}/phones/{phone.public_id}/check"

    response = api_as(alice).post(url, {"reachable": value})

    assert response.status_code == 422
    assert "reachable" in response.json()["errors"]


def test_intake_takes_only_a_real_boolean_to_confirm(api_as, carol, work_area, pb, facility):
    payload = intake_payload(work_area, facility)
    payload["identity"]["work_area"] = str(work_area.pk)
    payload["confirm_new_person"] = "yes"

    response = api_as(carol).post("/intake", payload)

    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"confirm_new_person", "identity.work_area"}
