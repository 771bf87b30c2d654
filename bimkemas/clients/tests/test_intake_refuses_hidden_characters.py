"""The intake form refuses names, places and addresses with invisible characters."""

import pytest
from django.urls import reverse

from bimkemas.clients.models import Client
from bimkemas.clients.tests.test_intake_keeps_uploads import form_data
from bimkemas.testing import login

URL = reverse("intake")


@pytest.mark.parametrize(
    "field",
    [
        "full_name",
        "aliases",
        "birth_place",
        "street",
        "kelurahan",
        "kecamatan",
        "guarantor-name",
        "guarantor-address",
        "rt_rw-name",
    ],
)
def test_it_refuses_a_bidirectional_override_in_any_person_field(
    client, carol, work_area, pb, facility, field
):
    login(client, carol)
    data = form_data(work_area, pb, facility, **{field: "Rizal \u202eirkaB"})

    response = client.post(URL, data)

    assert response.status_code == 400
    assert "Invisible or control characters are not allowed" in response.text
    assert Client.objects.count() == 0


def test_it_refuses_a_name_of_zero_width_characters_only(client, carol, work_area, pb, facility):
    login(client, carol)

    response = client.post(URL, form_data(work_area, pb, facility, full_name="\u200b\u200b"))

    assert response.status_code == 400
    assert Client.objects.count() == 0


def test_the_client_edit_form_refuses_it_too(client, carol, case):
    login(client, carol)
    url = reverse("client_edit", args=[case.client.public_id])
    data = {name: value for name, value in client.get(url).context["form"].initial.items()}
    data.update(full_name="\u0301", work_area=case.client.work_area_id, nik=case.client.nik)

    response = client.post(url, {k: ("" if v is None else v) for k, v in data.items()})

    assert response.status_code == 400
    case.client.refresh_from_db()
    assert case.client.full_name == "Budi Santoso"
