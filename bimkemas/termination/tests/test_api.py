import pytest

from bimkemas.accounts.models import WorkArea
from bimkemas.api.tests.conftest import ApiClient
from bimkemas.core.dates import today
from bimkemas.testing import pdf_upload

pytestmark = pytest.mark.django_db


def test_complete_and_certificate(bob, ended_case):
    api = ApiClient(bob)
    url = f"/cases/{ended_case.public_id}/termination"
    assert api.get(url).status_code == 404
    done = api.post(f"{url}/complete", {"on": today().isoformat(), "aftercare_months": 2})
    assert done.status_code == 201, done.json()
    body = done.json()
    assert body["kind"] == "completed" and body["aftercare_until"]
    assert body["certificate_number"].startswith("001/SKB/")
    assert api.get(url).json()["id"] == body["id"]
    generated = api.post(f"{url}/certificate?fmt=pdf")
    assert generated.status_code == 201 and generated.json()["kind"] == "completion_certificate"


def test_complete_too_early_is_400(bob, case):
    response = ApiClient(bob).post(
        f"/cases/{case.public_id}/termination/complete", {"on": today().isoformat()}
    )
    assert response.status_code == 400 and "on" in response.json()["errors"]


def test_aftercare_out_of_range_is_422(bob, ended_case):
    response = ApiClient(bob).post(
        f"/cases/{ended_case.public_id}/termination/complete",
        {"on": today().isoformat(), "aftercare_months": 9},
    )
    assert response.status_code == 422


@pytest.mark.parametrize("persona", ["alice", "erin", "nina"])
def test_only_supervisors_end_cases(request, persona, ended_case):
    api = ApiClient(request.getfixturevalue(persona))
    url = f"/cases/{ended_case.public_id}/termination/complete"
    assert api.post(url, {"on": today().isoformat()}).status_code == 404


def test_died_with_evidence(bob, case):
    api = ApiClient(bob)
    response = api.client.post(
        f"/api/v1/cases/{case.public_id}/termination/died",
        {"on": today().isoformat(), "reason": "Sakit", "evidence": pdf_upload()},
    )
    assert response.status_code == 201, response.json()
    assert response.json()["kind"] == "died"


def test_revoked(bob, case):
    response = ApiClient(bob).post(
        f"/cases/{case.public_id}/termination/revoked",
        {"decision_reference": "PAS-1.PK TAHUN 2026", "decided_on": today().isoformat()},
    )
    assert response.status_code == 201 and response.json()["kind"] == "revoked"


def test_transfer(bob, case, other_office):
    WorkArea.objects.create(office=other_office, kind="kabupaten", name="OKU")
    api = ApiClient(bob)
    unknown = api.post(
        f"/cases/{case.public_id}/termination/transfer", {"to_office": "zzz", "reason": "Pindah"}
    )
    assert unknown.status_code == 400
    response = api.post(
        f"/cases/{case.public_id}/termination/transfer", {"to_office": "oku", "reason": "Pindah"}
    )
    assert response.status_code == 201
    assert response.json()["new_case_register_number"].endswith("/OKU")
    assert api.get(f"/cases/{case.public_id}/termination").status_code == 404  # no longer ours
