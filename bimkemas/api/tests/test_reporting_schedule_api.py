"""A case's reporting schedule and compliance over the API."""

from django.utils import timezone


def test_it_reads_the_schedule_in_force(api_as, alice, case):
    answer = api_as(alice).get(f"/cases/{case.public_id}/schedule").json()
    assert answer["frequency"] == "monthly"
    assert answer["since"] == case.guidance_start.isoformat()


def test_the_officer_sets_a_schedule(api_as, alice, case):
    data = {
        "frequency": "weekly",
        "starts_on": timezone.localdate().isoformat(),
        "grace_days": 2,
        "basis": "tpp",
        "reference": "Sidang TPP 3 Maret",
    }
    response = api_as(alice).client.put(
        f"/api/v1/cases/{case.public_id}/schedule", data, content_type="application/json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["frequency"] == "weekly"
    assert response.json()["basis"] == "tpp"


def test_another_office_cannot_set_it(api_as, erin, case):
    data = {
        "frequency": "weekly",
        "starts_on": timezone.localdate().isoformat(),
        "basis": "officer",
    }
    response = api_as(erin).client.put(
        f"/api/v1/cases/{case.public_id}/schedule", data, content_type="application/json"
    )
    assert response.status_code == 404


def test_it_gives_the_compliance_per_period(api_as, alice, case):
    api = api_as(alice)
    api.post(
        f"/cases/{case.public_id}/checkins",
        {"channel": "in_person", "occurred_at": timezone.now().isoformat()},
    )
    answer = api.get(f"/cases/{case.public_id}/compliance").json()
    assert answer["case"] == str(case.public_id)
    assert answer["periods"]
    assert answer["periods"][-1]["status"] == "reported"
