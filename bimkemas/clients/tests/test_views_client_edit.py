import pytest
from django.urls import reverse

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.testing import login


def url(case):
    return reverse("client_edit", args=[case.client.public_id])


def form_data(client_record, **changes):
    data = {
        "full_name": client_record.full_name,
        "aliases": client_record.aliases,
        "nik": client_record.nik,
        "birth_place": client_record.birth_place,
        "birth_date": client_record.birth_date.isoformat(),
        "sex": client_record.sex,
        "religion": client_record.religion,
        "category": client_record.category,
        "street": client_record.street,
        "rt": client_record.rt,
        "rw": client_record.rw,
        "kelurahan": client_record.kelurahan,
        "kecamatan": client_record.kecamatan,
        "work_area": client_record.work_area_id,
    }
    data.update(changes)
    return data


def test_it_shows_the_form_filled_in(client, alice, case):
    login(client, alice)

    response = client.get(url(case))

    assert response.status_code == 200
    assert 'value="Budi Santoso"' in response.content.decode()
    assert 'value="17/05/1990"' in response.content.decode()


def test_it_saves_changes_and_audits_old_and_new(client, alice, case, other_area):
    login(client, alice)

    response = client.post(
        url(case), form_data(case.client, aliases="Budi Gondrong", work_area=other_area.pk)
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("client_detail", args=[case.client.public_id])
    case.client.refresh_from_db()
    assert case.client.aliases == "Budi Gondrong"
    assert case.client.work_area == other_area
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, object_type="client")
    assert event.actor == alice
    assert event.changes == {
        "aliases": ["", "Budi Gondrong"],
        "work_area": ["Kota Palembang", "Kab. Banyuasin"],
    }


def test_it_refuses_a_bad_nik_and_changes_nothing(client, alice, case):
    login(client, alice)

    response = client.post(url(case), form_data(case.client, nik="1234", full_name="Budi S."))

    assert response.status_code == 400
    assert "NIK must be exactly 16 digits." in response.content.decode()
    case.client.refresh_from_db()
    assert case.client.full_name == "Budi Santoso"
    assert not AuditEvent.objects.filter(action=AuditAction.UPDATE).exists()


def test_it_refuses_an_impossible_date(client, alice, case):
    login(client, alice)

    response = client.post(url(case), form_data(case.client, birth_date="1990-02-30"))

    assert response.status_code == 400
    assert response.context["form"].errors["birth_date"]


def test_it_refuses_a_work_area_of_another_office(client, alice, case, other_office):
    from bimkemas.accounts.models import WorkArea

    foreign = WorkArea.objects.create(office=other_office, kind="kabupaten", name="OKU")
    login(client, alice)

    response = client.post(url(case), form_data(case.client, work_area=foreign.pk))

    assert response.status_code == 400
    case.client.refresh_from_db()
    assert case.client.work_area_id != foreign.pk


@pytest.mark.parametrize("persona", ["pat", "erin", "nina"])
def test_it_requires_write_access(client, request, case, persona):
    login(client, request.getfixturevalue(persona))

    response = client.post(url(case), form_data(case.client, full_name="X"))

    assert response.status_code == 404
    case.client.refresh_from_db()
    assert case.client.full_name == "Budi Santoso"


def test_it_keeps_the_home_location_for_check_in_distances(client, alice, case):
    login(client, alice)

    response = client.post(
        url(case),
        form_data(case.client, home_latitude="-2.9760741", home_longitude="104.775429"),
    )

    assert response.status_code == 302
    case.client.refresh_from_db()
    assert (str(case.client.home_latitude), str(case.client.home_longitude)) == (
        "-2.976074",
        "104.775429",
    )
    page = client.get(reverse("client_detail", args=[case.client.public_id])).content.decode()
    assert "-2.976074, 104.775429" in page


def test_the_home_location_needs_both_coordinates(client, alice, case):
    login(client, alice)

    response = client.post(url(case), form_data(case.client, home_latitude="-2.976074"))

    assert response.status_code == 400
    assert "Enter both the latitude and the longitude" in response.content.decode()
    case.client.refresh_from_db()
    assert case.client.home_latitude is None
