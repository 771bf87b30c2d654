from bimkemas.accounts.models import Absence, AbsenceKind
from bimkemas.core.dates import today


def usernames(response) -> list[str]:
    return [row["username"] for row in response.json()]


def test_supervisors_see_every_officer_with_their_load(api_as, bob, alice, pat, case, erin):
    Absence.objects.create(officer=pat, kind=AbsenceKind.LEAVE, starts_on=today())
    response = api_as(bob).get("/officers")
    assert response.status_code == 200
    rows = {row["username"]: row for row in response.json()}
    assert set(rows) == {"alice", "pat"}
    assert (rows["alice"]["case_count"], rows["alice"]["weighted_load"]) == (1, 1.0)
    assert (rows["pat"]["available"], rows["pat"]["absence"]) == (False, "leave")
    assert rows["alice"]["work_areas"] == ["Kota Palembang"]


def test_an_officer_sees_only_themselves(api_as, alice, pat):
    assert usernames(api_as(alice).get("/officers")) == ["alice"]


def test_registrars_and_national_viewers_see_no_officers(api_as, carol, nina, alice):
    assert api_as(carol).get("/officers").json() == []
    assert api_as(nina).get("/officers").json() == []


def test_a_caseload_lists_the_open_cases(api_as, bob, alice, case):
    response = api_as(bob).get(f"/officers/{alice.public_id}/caseload")
    assert response.status_code == 200
    assert [row["register_number"] for row in response.json()["cases"]] == [case.register_number]
    assert api_as(alice).get(f"/officers/{alice.public_id}/caseload").status_code == 200


def test_others_caseloads_are_404(api_as, alice, pat, erin, bob):
    assert api_as(pat).get(f"/officers/{alice.public_id}/caseload").status_code == 404
    assert api_as(erin).get(f"/officers/{alice.public_id}/caseload").status_code == 404
    assert api_as(bob).get(f"/officers/{bob.public_id}/caseload").status_code == 404
