import datetime as dt
import uuid

import pytest

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.clients.models import Client
from bimkemas.clients.services import client_update, phone_set_reachable
from bimkemas.testing import make_nik


@pytest.fixture
def second_case(make_case, pat, bob, other_area):
    """Ani, on CB in Banyuasin, supervised by pat."""
    new_case = make_case(
        officer=pat,
        identity={
            "full_name": "Ani Lestari",
            "birth_date": dt.date(1995, 2, 3),
            "sex": "P",
            "nik": make_nik(dt.date(1995, 2, 3), female=True),
        },
    )
    client_update(actor=bob, client=new_case.client, data={"work_area": other_area})
    return new_case


def names(response) -> list[str]:
    return [row["full_name"] for row in response.json()["results"]]


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("alice", ["Budi Santoso"]),
        ("pat", ["Ani Lestari"]),
        ("bob", ["Ani Lestari", "Budi Santoso"]),
        ("carol", ["Ani Lestari", "Budi Santoso"]),
        ("erin", []),
        ("nina", []),
    ],
)
def test_it_lists_only_the_clients_in_reach(request, api_as, case, second_case, persona, expected):
    response = api_as(request.getfixturevalue(persona)).get("/clients")
    assert response.status_code == 200
    assert names(response) == expected
    assert response.json()["count"] == len(expected)


def test_a_summary_shows_the_open_case(api_as, bob, case):
    row = api_as(bob).get("/clients").json()["results"][0]
    assert row["id"] == str(case.client.public_id)
    assert row["open_case"]["register_number"] == case.register_number
    assert row["open_case"]["stage"] == "awal"
    assert row["open_case"]["officer"] == "Alice"


def test_it_searches_by_name_and_register_number(api_as, bob, case, second_case):
    assert names(api_as(bob).get("/clients", q="ani")) == ["Ani Lestari"]
    assert names(api_as(bob).get("/clients", q=case.register_number)) == ["Budi Santoso"]


def test_it_filters(api_as, bob, alice, case, second_case, other_area):
    client = api_as(bob)
    assert names(client.get("/clients", officer=str(alice.public_id))) == ["Budi Santoso"]
    assert names(client.get("/clients", area=other_area.pk)) == ["Ani Lestari"]
    assert names(client.get("/clients", stage="awal")) == ["Ani Lestari", "Budi Santoso"]
    assert names(client.get("/clients", stage="akhir")) == []
    assert names(client.get("/clients", programme="CB")) == []
    assert names(client.get("/clients", category="anak")) == []
    unknown = "00000000-0000-0000-0000-000000000000"
    assert names(client.get("/clients", officer=unknown)) == []


def test_it_filters_the_clients_with_a_phone_to_check(api_as, bob, case, second_case):
    phone_set_reachable(actor=bob, phone=second_case.client.phones.get(), reachable=True)
    assert names(api_as(bob).get("/clients", phones_to_check="true")) == ["Budi Santoso"]


def test_it_pages(api_as, bob, case, second_case):
    body = api_as(bob).get("/clients", page=2, page_size=1).json()
    assert body["count"] == 2
    assert [row["full_name"] for row in body["results"]] == ["Budi Santoso"]


@pytest.mark.parametrize(
    "params",
    [
        {"page": 0},
        {"page_size": 201},
        {"page": 10**30},
        {"area": 10**30},
        {"stage": "nope"},
        {"officer": "not-a-uuid"},
        {"q": "a\x00b"},
    ],
)
def test_bad_filters_are_a_422_in_the_error_shape(api_as, bob, params):
    response = api_as(bob).get("/clients", **params)
    assert response.status_code == 422
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert set(body["errors"]) == set(params)


def test_the_detail_is_audited_as_an_api_view(api_as, alice, case):
    response = api_as(alice).get(f"/clients/{case.client.public_id}")
    assert response.status_code == 200
    body = response.json()
    assert body["full_name"] == "Budi Santoso"
    assert body["phones"][0]["number"] == "+6281270001234"
    assert body["guarantors"][0]["name"] == "Siti Aminah"
    assert body["cases"][0]["register_number"] == case.register_number
    assert [span["stage"] for span in body["cases"][0]["timeline"]] == [
        "awal",
        "lanjutan",
        "akhir",
    ]
    event = AuditEvent.objects.get(action=AuditAction.VIEW)
    assert (event.actor, event.client_pk, event.channel) == (alice, case.client_id, "api")


def test_an_officer_of_another_bapas_gets_404(api_as, erin, case):
    response = api_as(erin).get(f"/clients/{case.client.public_id}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found", "errors": {}}
    response = api_as(erin).patch(f"/clients/{case.client.public_id}", {"rt": "009"})
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW).exists()


def test_a_junk_id_is_a_422(api_as, bob):
    assert api_as(bob).get("/clients/not-a-uuid").status_code == 422


def test_a_patch_is_audited(api_as, alice, case):
    response = api_as(alice).patch(
        f"/clients/{case.client.public_id}", {"street": "Jl. Merdeka 1", "aliases": None}
    )
    assert response.status_code == 200
    assert response.json()["street"] == "Jl. Merdeka 1"
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, object_type="client")
    assert event.changes["street"][1] == "Jl. Merdeka 1"
    assert event.channel == "api"


def test_a_patch_sets_the_home_location(api_as, alice, case):
    path = f"/clients/{case.client.public_id}"
    response = api_as(alice).patch(
        path, {"home_latitude": -2.9760741, "home_longitude": 104.775429}
    )
    assert response.status_code == 200
    assert (response.json()["home_latitude"], response.json()["home_longitude"]) == (
        "-2.976074",
        "104.775429",
    )
    half = api_as(alice).patch(path, {"home_latitude": None, "home_longitude": 200})
    assert half.status_code == 422


def test_a_bad_nik_is_a_400_with_errors_and_changes_nothing(api_as, bob, case):
    before = case.client.nik
    response = api_as(bob).patch(f"/clients/{case.client.public_id}", {"nik": "12345"})
    assert response.status_code == 400
    assert response.json()["errors"] == {"nik": ["NIK must be exactly 16 digits."]}
    assert Client.objects.get(pk=case.client.pk).nik == before
    assert not AuditEvent.objects.filter(action=AuditAction.UPDATE).exists()


def test_a_required_field_cannot_be_cleared(api_as, bob, case):
    response = api_as(bob).patch(f"/clients/{case.client.public_id}", {"full_name": None})
    assert response.status_code == 400
    assert "full_name" in response.json()["errors"]


def test_an_area_of_another_office_is_refused(api_as, bob, case, other_office):
    area = other_office.work_areas.create(kind="kabupaten", name="OKU")
    response = api_as(bob).patch(f"/clients/{case.client.public_id}", {"work_area": area.pk})
    assert response.status_code == 400
    assert "work_area" in response.json()["errors"]


def test_a_granted_reader_cannot_write(api_as, bob, pat, case):
    from bimkemas.clients.services import case_grant_access

    case_grant_access(actor=bob, case=case, officer=pat, until=dt.date.today())
    assert api_as(pat).get(f"/clients/{case.client.public_id}").status_code == 200
    response = api_as(pat).patch(f"/clients/{case.client.public_id}", {"rt": "009"})
    assert response.status_code == 404


def test_phones_are_added_and_checked(api_as, alice, case):
    client = api_as(alice)
    url = f"/clients/{case.client.public_id}/phones"
    response = client.post(url, {"number": "0813-7777-0000", "label": "istri"})
    assert response.status_code == 201
    phone = response.json()
    assert (phone["number"], phone["verified_reachable"]) == ("+6281377770000", False)
    response = client.post(f"{url}/{phone['id']}/check", {"reachable": True})
    assert response.status_code == 200
    assert response.json()["verified_reachable"] is True
    assert response.json()["verified_on"]
    assert client.post(url, {"number": "0813-7777-0000"}).status_code == 400
    assert client.post(url, {"number": "not a number"}).json()["errors"] == {
        "number": ["This is not a phone number."]
    }
    assert client.post(f"{url}/{10**12}/check", {"reachable": True}).status_code == 422
    assert client.post(f"{url}/{uuid.uuid4()}/check", {"reachable": True}).status_code == 404


def test_the_access_log_is_for_supervisors(api_as, alice, bob, case):
    api_as(alice).get(f"/clients/{case.client.public_id}")
    assert api_as(alice).get(f"/clients/{case.client.public_id}/access-log").status_code == 404
    response = api_as(bob).get(f"/clients/{case.client.public_id}/access-log")
    assert response.status_code == 200
    actions = [event["action"] for event in response.json()["results"]]
    assert actions[0] == "view"
    assert "create" in actions
