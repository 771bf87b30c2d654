import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.clients.models import CaseDocument, Client, SupervisionCase
from bimkemas.clients.services import case_close
from bimkemas.core.dates import today
from bimkemas.testing import case_data, identity_data, login, make_nik, pdf_upload, png_upload

URL = reverse("intake")
BIRTH = dt.date(1988, 3, 9)


def form_data(work_area, programme, facility, **overrides) -> dict:
    identity = identity_data(work_area, birth_date=BIRTH, nik=make_nik(BIRTH))
    case = case_data(programme, facility)
    data = {
        **{k: v for k, v in identity.items() if k != "work_area"},
        **{k: v for k, v in case.items() if k not in ("programme", "origin_facility")},
        "work_area": work_area.pk,
        "programme": programme.pk,
        "origin_facility": facility.pk,
        "sentence_months": 0,
        "sentence_days": 0,
        "phone0-number": "0812-7111-2222",
        "phone0-label": "pribadi",
        "phone1-number": "",
        "phone1-label": "",
        "guarantor-name": "Siti Aminah",
        "guarantor-relation": "Istri",
        "guarantor-phone": "081270009876",
        "guarantor-address": "Jl. Merdeka 1",
        "rt_rw-name": "Pak Darmo",
        "rt_rw-phone": "081377778888",
        "lurah-name": "",
        "lurah-phone": "",
        "bhabin-name": "",
        "bhabin-phone": "",
    }
    data.update(overrides)
    return {k: ("" if v is None else v) for k, v in data.items()}


def counts() -> tuple[int, int, int]:
    return Client.objects.count(), SupervisionCase.objects.count(), CaseDocument.objects.count()


@pytest.fixture
def data(work_area, pb, facility):
    return form_data(work_area, pb, facility)


def test_it_shows_the_form_with_today_as_reception_date(client, carol, work_area, pb):
    login(client, carol)
    response = client.get(URL)
    assert response.status_code == 200
    assert f'value="{today():%d/%m/%Y}"' in response.text
    assert 'placeholder="dd/mm/yyyy"' in response.text
    assert "Palembang" in response.text


def test_it_registers_a_client_with_the_whole_handover_file(client, carol, data):
    login(client, carol)
    files = {
        "sk": pdf_upload("sk.pdf"),
        "ba_serah_terima": pdf_upload("ba.pdf"),
        "fingerprints": pdf_upload("sidik.pdf"),
        "photo_front": png_upload("depan.png"),
        "photo_side": png_upload("samping.png"),
        "photo_back": png_upload("belakang.png"),
        "lpp": pdf_upload("lpp.pdf"),
    }
    response = client.post(URL, {**data, **files})
    new_case = SupervisionCase.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("client_detail", args=[new_case.client.public_id])
    assert new_case.register_number.startswith("0001/PB/D/")
    assert new_case.documents.count() == 7
    person = new_case.client
    assert person.photo is not None and person.photo.kind == "photo_front"
    assert person.phones.get().number == "+6281271112222"
    assert person.guarantors.get().relation == "Istri"
    assert person.local_contacts.get().kind == "rt_rw"
    actions = set(
        AuditEvent.objects.filter(client_pk=person.pk).values_list("object_type", flat=True)
    )
    assert {"client", "supervisioncase", "casedocument", "clientphone"} <= actions


def test_the_success_message_says_when_the_guidance_card_can_be_printed(client, carol, data):
    login(client, carol)
    response = client.post(URL, data, follow=False)
    case = SupervisionCase.objects.get()
    stored = list(response.wsgi_request._messages)
    assert case.register_number in str(stored[0])
    assert reverse("case_card", args=[case.public_id]) not in str(stored[0])
    assert "The guidance card can be printed once an officer is assigned." in str(stored[0])


def test_the_duplicate_check_reads_a_birth_date_typed_day_first(client, carol, make_case):
    make_case(identity={"nik": None, "full_name": "Budi Santoso"})
    login(client, carol)
    response = client.post(
        reverse("intake_check"), {"full_name": "Budi Santoso", "birth_date": "17/05/1990"}
    )
    assert "Budi Santoso" in response.text


@pytest.mark.parametrize(
    ("override", "field_message"),
    [
        ({"nik": "12345"}, "NIK must be exactly 16 digits."),
        ({"nik": "1671010101900001"}, "does not match the date of birth"),
        ({"guidance_end": "2020-01-01"}, "The guidance period ends before it starts."),
        ({"birth_date": "2031-02-30"}, ""),
        ({"phone0-number": "12"}, "phone number"),
        ({"guarantor-phone": "99"}, "phone number"),
    ],
)
def test_it_refuses_bad_input_and_saves_nothing(client, carol, data, override, field_message):
    login(client, carol)
    before = counts()
    response = client.post(URL, {**data, **override, "sk": pdf_upload()})
    assert response.status_code == 400
    assert field_message in response.text
    assert "is-invalid" in response.text
    assert counts() == before


def test_it_refuses_an_executable_upload(client, carol, data):
    login(client, carol)
    before = counts()
    exe = SimpleUploadedFile("sk.pdf", b"MZ\x90\x00\x03" + b"\x00" * 60)
    response = client.post(URL, {**data, "sk": exe, "photo_front": png_upload()})
    assert response.status_code == 400
    assert "Only PDF, JPEG and PNG files can be uploaded." in response.text
    assert counts() == before


def test_it_warns_of_a_client_with_the_same_nik(client, carol, make_case, data):
    existing = make_case(identity={"birth_date": BIRTH, "nik": data["nik"], "full_name": "X Y"})
    login(client, carol)
    response = client.post(URL, {**data, "full_name": "Budi Santoso"})
    assert response.status_code == 200
    assert "This person may already be registered" in response.text
    assert existing.client.full_name in response.text
    assert SupervisionCase.objects.count() == 1


def test_it_warns_of_a_name_one_letter_apart_with_the_same_birth_date(
    client, carol, make_case, data
):
    make_case(identity={"full_name": "Muhammad Rizky", "birth_date": BIRTH, "nik": None})
    login(client, carol)
    response = client.post(URL, {**data, "full_name": "Muhamad Rizki", "nik": ""})
    assert response.status_code == 200
    assert "Similar name, same date of birth" in response.text
    assert Client.objects.count() == 1


def test_a_different_person_is_registered_once_confirmed(client, carol, make_case, data):
    make_case(identity={"full_name": "Muhammad Rizky", "birth_date": BIRTH, "nik": None})
    login(client, carol)
    response = client.post(
        URL, {**data, "full_name": "Muhamad Rizki", "nik": "", "confirm_new_person": "on"}
    )
    assert response.status_code == 302
    assert Client.objects.count() == 2


def test_a_returning_client_gets_a_new_case_on_the_same_record(
    client, carol, bob, make_case, alice, data
):
    old = make_case(officer=alice, identity={"birth_date": BIRTH, "nik": data["nik"]})
    case_close(actor=bob, case=old, status="completed", closed_on=today())
    login(client, carol)
    response = client.post(URL, {**data, "existing_client": str(old.client.public_id)})
    assert response.status_code == 302
    assert Client.objects.count() == 1
    assert old.client.cases.count() == 2
    assert old.client.cases.open().get().register_number.startswith("0002/")


def test_a_returning_client_with_an_open_case_is_refused(client, carol, make_case, data):
    old = make_case(identity={"birth_date": BIRTH, "nik": data["nik"]})
    login(client, carol)
    before = counts()
    response = client.post(URL, {**data, "existing_client": str(old.client.public_id)})
    assert response.status_code == 400
    assert "This client already has an open case." in response.text
    assert counts() == before


def test_a_match_in_another_office_shows_only_the_office(
    client, carol, other_office, pb, facility, data
):
    from bimkemas.accounts.models import WorkArea
    from bimkemas.clients.services import client_intake
    from bimkemas.testing import make_user

    area = WorkArea.objects.create(office=other_office, kind="kabupaten", name="OKU")
    registrar = make_user("oscar", other_office, "registrar")
    client_intake(
        actor=registrar,
        identity=identity_data(
            area, full_name="Rahasia Orang Lain", birth_date=BIRTH, nik=data["nik"]
        ),
        case=case_data(pb, facility),
    )
    login(client, carol)
    response = client.post(URL, data)
    assert response.status_code == 200
    assert "registered at Bapas Kelas II OKU" in response.text
    assert "Rahasia Orang Lain" not in response.text
    assert 'name="existing_client"' not in response.text


def test_a_client_of_another_office_cannot_be_chosen(client, carol, other_office, data):
    login(client, carol)
    response = client.post(URL, {**data, "existing_client": "00000000-0000-0000-0000-000000000000"})
    assert response.status_code == 400
    assert Client.objects.count() == 0


@pytest.mark.parametrize("persona", ["alice", "nina", "erin"])
def test_officers_and_national_viewers_cannot_take_clients_in(client, request, persona):
    login(client, request.getfixturevalue(persona))
    assert client.get(URL).status_code == 404
    assert client.post(reverse("intake_check"), {"full_name": "x"}).status_code == 404


def test_the_supervisor_can_take_clients_in(client, bob, work_area):
    login(client, bob)
    assert client.get(URL).status_code == 200


def test_the_live_check_lists_possible_duplicates(client, carol, make_case):
    make_case(identity={"full_name": "Muhammad Rizky", "birth_date": BIRTH, "nik": None})
    login(client, carol)
    response = client.post(
        reverse("intake_check"),
        {"full_name": "Muhamad Rizki", "birth_date": BIRTH.isoformat(), "nik": ""},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "Muhammad Rizky" in response.text
    assert "<html" not in response.text


def test_the_live_check_is_quiet_without_matches_or_with_a_bad_date(client, carol, make_case):
    make_case(identity={"full_name": "Muhammad Rizky", "birth_date": BIRTH, "nik": None})
    login(client, carol)
    response = client.post(
        reverse("intake_check"), {"full_name": "Muhammad Rizky", "birth_date": "31-31-1990"}
    )
    assert response.status_code == 200
    assert "may already be registered" not in response.text


def test_the_live_check_only_takes_posts(client, carol):
    login(client, carol)
    assert client.get(reverse("intake_check")).status_code == 405


def test_anonymous_users_are_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("login") in response.url


def test_intake_is_audited_as_create(client, carol, data):
    login(client, carol)
    client.post(URL, data)
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, actor=carol).exists()
