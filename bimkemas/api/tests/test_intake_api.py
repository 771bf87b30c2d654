import datetime as dt

import pytest

from bimkemas.api.tests.intake_payload import intake_payload
from bimkemas.audit.models import AuditEvent
from bimkemas.clients.models import Client, SupervisionCase
from bimkemas.core.dates import today


@pytest.fixture
def payload(work_area, pb, facility):
    return intake_payload(work_area, facility)


def test_it_registers_a_client(api_as, carol, payload):
    response = api_as(carol).post("/intake", payload)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["register_number"].startswith("0001/PB/D/")
    assert body["client"]["name"] == "Rudi Hartono"
    assert body["stage"] == "awal"
    client = Client.objects.get(full_name="Rudi Hartono")
    assert client.phones.count() == 1 and client.local_contacts.count() == 1
    assert AuditEvent.objects.filter(client_pk=client.pk, channel="api").count() >= 4


def test_a_possible_duplicate_is_a_409_with_the_matches(api_as, carol, case, payload):
    payload["identity"].update(
        full_name="Boedi Santosa", birth_date="1990-05-17", nik=""
    )  # old spelling of alice's client
    response = api_as(carol).post("/intake", payload)
    assert response.status_code == 409
    match = response.json()["matches"][0]
    assert match["id"] == str(case.client.public_id)
    assert match["register_number"] == case.register_number
    assert not Client.objects.filter(full_name="Boedi Santosa").exists()
    payload["confirm_new_person"] = True
    assert api_as(carol).post("/intake", payload).status_code == 201


def test_another_offices_match_shows_only_the_office(api_as, carol, payload, other_office):
    Client.objects.create(
        office=other_office,
        full_name="Rudi Hartono",
        name_key="hartono rudi",
        birth_place="Baturaja",
        birth_date=dt.date(1988, 9, 12),
        sex="L",
        religion="islam",
        category="dewasa",
        kelurahan="X",
        kecamatan="Y",
        work_area=other_office.work_areas.create(kind="kabupaten", name="OKU"),
    )
    payload["identity"]["nik"] = ""
    response = api_as(carol).post("/intake", payload)
    assert response.status_code == 409
    match = response.json()["matches"][0]
    assert match["office"] == other_office.name
    assert match["id"] is None and match["full_name"] is None and match["birth_date"] is None


def test_a_returning_client_gets_a_new_case(api_as, bob, carol, case, payload):
    from bimkemas.clients.services import case_close

    case_close(actor=bob, case=case, status="completed", closed_on=today())
    payload["existing_client"] = str(case.client.public_id)
    response = api_as(carol).post("/intake", payload)
    assert response.status_code == 201
    assert SupervisionCase.objects.filter(client=case.client).count() == 2


def test_bad_data_is_a_400_and_saves_nothing(api_as, carol, payload):
    payload["identity"]["nik"] = "123"
    response = api_as(carol).post("/intake", payload)
    assert response.status_code == 400
    assert response.json()["errors"] == {"nik": ["NIK must be exactly 16 digits."]}
    assert not Client.objects.exists()
    assert not AuditEvent.objects.exists()


def test_a_bad_phone_rolls_back_the_whole_intake(api_as, carol, payload):
    payload["phones"] = [{"number": "12"}]
    response = api_as(carol).post("/intake", payload)
    assert response.status_code == 400
    assert "phones.0.number" in response.json()["errors"]
    assert not Client.objects.exists()


def test_unknown_references_are_400s(api_as, carol, payload):
    payload["case"]["programme"] = "XX"
    response = api_as(carol).post("/intake", payload)
    assert response.json()["errors"] == {"case.programme": ["Unknown programme."]}
    payload["case"]["programme"] = "PB"
    payload["identity"]["work_area"] = 999999
    assert "identity.work_area" in api_as(carol).post("/intake", payload).json()["errors"]


def test_invalid_json_is_a_422_naming_the_field(api_as, carol, payload):
    payload["case"]["sentence_years"] = 10**9
    response = api_as(carol).post("/intake", payload)
    assert response.status_code == 422
    assert "case.sentence_years" in response.json()["errors"]


@pytest.mark.parametrize("persona", ["alice", "pat", "erin", "nina"])
def test_only_office_staff_with_intake_rights_can_register(request, api_as, payload, persona):
    response = api_as(request.getfixturevalue(persona)).post("/intake", payload)
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found", "errors": {}}
    assert not Client.objects.exists()
