"""The API with a seconded (BKO) officer: alice of Palembang seconded to OKU."""

import pytest

from bimkemas.clients.tests.secondment import intake


@pytest.fixture
def oku_case(oku, pb, facility):
    area, _owen, rita = oku
    return intake(rita, area, pb, facility, "Fadli Rahman")


def test_the_receiving_office_is_proposed_and_assigns_the_seconded_officer(
    api_as, case, seconded, alice, owen, oku_case
):
    api = api_as(owen)
    response = api.get(f"/cases/{oku_case.public_id}/proposal")
    assert response.json()["officer"]["username"] == "alice"
    assert response.json()["officer"]["case_count"] == 0
    response = api.post(
        f"/cases/{oku_case.public_id}/assignment", {"officer": str(alice.public_id)}
    )
    assert response.status_code == 200
    oku_case.refresh_from_db()
    assert oku_case.officer == alice


def test_the_officer_lists_show_the_secondment_from_both_sides(
    api_as, case, seconded, alice, erin, owen, bob, oku_case
):
    rows = {row["username"]: row for row in api_as(owen).get("/officers").json()}
    assert set(rows) == {"alice", "erin"}
    assert (rows["alice"]["available"], rows["alice"]["absence"]) == (True, "bko")
    assert rows["alice"]["seconded_to"] == "Bapas Kelas II OKU"
    rows = {row["username"]: row for row in api_as(bob).get("/officers").json()}
    assert (rows["alice"]["available"], rows["alice"]["case_count"]) == (False, 1)
    assert rows["alice"]["seconded_to"] == "Bapas Kelas II OKU"
    assert rows["alice"]["absent_until"] == seconded.ends_on.isoformat()


def test_each_office_sees_only_its_cases_of_the_seconded_officer(
    api_as, case, seconded, alice, owen, bob, oku_case
):
    api_as(owen).post(f"/cases/{oku_case.public_id}/assignment", {"officer": str(alice.public_id)})
    path = f"/officers/{alice.public_id}/caseload"
    numbers = [row["register_number"] for row in api_as(owen).get(path).json()["cases"]]
    assert numbers == [oku_case.register_number]
    numbers = [row["register_number"] for row in api_as(bob).get(path).json()["cases"]]
    assert numbers == [case.register_number]


def test_the_sending_office_cannot_assign_the_seconded_officer(
    api_as, seconded, alice, bob, make_case
):
    new = make_case(identity={"full_name": "Gilang Pratama", "nik": None})
    response = api_as(bob).post(
        f"/cases/{new.public_id}/assignment", {"officer": str(alice.public_id)}
    )
    assert response.status_code == 400
    assert "officer" in response.json()["errors"]
