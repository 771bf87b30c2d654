import pytest

from bimkemas.accounts.models import Absence, AbsenceKind
from bimkemas.core.dates import today
from bimkemas.testing import login


def test_supervisors_see_their_office_figures(api_as, bob, dave, case, pat, make_case):
    make_case()
    for user in (bob, dave):
        body = api_as(user).get("/offices/mine/overview").json()
        assert body["office"]["code"] == "plg"
        assert (body["clients"], body["adults"], body["unassigned"]) == (2, 2, 1)
        assert body["by_programme"] == {"PB": 2}
        assert body["by_stage"]["awal"] == 2
        assert (body["officers"], body["active_officers"]) == (2, 2)
        assert body["clients_per_active_officer"] == 1


@pytest.mark.parametrize("persona", ["alice", "carol", "erin", "nina"])
def test_others_cannot_see_the_office_overview(request, api_as, persona):
    response = api_as(request.getfixturevalue(persona)).get("/offices/mine/overview")
    assert response.status_code == 404


def test_the_national_overview_counts_per_office(api_as, nina, case, pat, erin, make_case):
    make_case()
    Absence.objects.create(officer=pat, kind=AbsenceKind.ROTATION, starts_on=today())
    response = api_as(nina).get("/national/overview")
    assert response.status_code == 200
    body = response.json()
    rows = {row["office"]["code"]: row for row in body["offices"]}
    assert rows["plg"] == {
        "office": {"code": "plg", "name": "Bapas Kelas I Palembang"},
        "clients": 2,
        "officers": 2,
        "active_officers": 1,
        "clients_per_active_officer": 2,
    }
    assert (rows["oku"]["clients"], rows["oku"]["active_officers"]) == (0, 1)
    assert (body["clients"], body["active_officers"]) == (2, 2)


@pytest.mark.parametrize("persona", ["bob", "dave", "alice", "carol"])
def test_only_national_viewers_see_the_national_overview(request, api_as, persona):
    assert api_as(request.getfixturevalue(persona)).get("/national/overview").status_code == 404


def test_the_reference_lists_fill_forms(api_as, carol, work_area, pb, facility):
    body = api_as(carol).get("/reference").json()
    assert body["programmes"][0]["code"] == "PB"
    assert body["facilities"][0]["id"] == facility.pk
    assert body["work_areas"] == [{"id": work_area.pk, "kind": "kota", "name": "Kota Palembang"}]
    assert "awal" in [choice["value"] for choice in body["stages"]]


def test_the_web_and_the_api_agree_on_an_office_without_active_officers(
    client, api_as, nina, case, erin
):
    Absence.objects.create(officer=erin, kind=AbsenceKind.LEAVE, starts_on=today())
    body = api_as(nina).get("/national/overview").json()
    api_rows = {row["office"]["code"]: row for row in body["offices"]}
    login(client, nina)
    web_rows = {r.office.code: r for r in client.get("/national/").context["rows"]}

    assert api_rows["oku"]["clients_per_active_officer"] is None
    assert web_rows["oku"].ratio is None
    assert [
        (code, row["clients"], row["active_officers"], row["clients_per_active_officer"])
        for code, row in sorted(api_rows.items())
    ] == [
        (code, row.clients, row.active_officers, row.ratio)
        for code, row in sorted(web_rows.items())
    ]
