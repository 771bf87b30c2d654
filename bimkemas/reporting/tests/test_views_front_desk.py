"""The front desk finds a client in a few keystrokes and records a visit in one action."""

import pytest

from bimkemas.audit.models import AuditEvent
from bimkemas.reporting.models import CheckIn
from bimkemas.testing import login

URL = "/reporting/front-desk/"


@pytest.fixture
def desk(client, carol):
    login(client, carol)
    return client


def test_it_finds_a_client_by_a_misspelt_name(desk, case):
    response = desk.get(URL, {"q": "Budi Santosa"})
    assert "Budi Santoso" in response.content.decode()
    assert AuditEvent.objects.filter(action="list", client_pk=case.client.pk).exists()


def test_it_finds_a_client_by_register_number_and_nik_fragment(desk, case):
    assert "Budi Santoso" in desk.get(URL, {"q": case.register_number[:4]}).content.decode()
    assert "Budi Santoso" in desk.get(URL, {"q": case.client.nik[6:12]}).content.decode()


def test_it_answers_htmx_with_the_results_only(desk, case):
    response = desk.get(URL, {"q": "bud"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "Budi Santoso" in html
    assert "<html" not in html


def test_it_does_not_show_another_offices_clients(client, erin, case):
    login(client, erin)
    assert "Budi Santoso" not in client.get(URL, {"q": "Budi"}).content.decode()


def test_it_records_a_visit_and_names_the_client(desk, carol, case):
    response = desk.post(
        f"{URL}visit/",
        {"case": case.public_id, "token": "t-1", "note": "Datang sendiri", "plans": "Kerja"},
        follow=True,
    )
    assert "Visit of Budi Santoso recorded." in response.content.decode()
    checkin = CheckIn.objects.get()
    assert (checkin.channel, checkin.recorded_by, checkin.note) == (
        "in_person",
        carol,
        "Datang sendiri",
    )
    assert checkin.answers == {"plans": "Kerja"}


def test_a_second_click_does_not_record_twice(desk, case):
    data = {"case": case.public_id, "token": "t-2"}
    desk.post(f"{URL}visit/", data)
    response = desk.post(f"{URL}visit/", data, follow=True)
    assert CheckIn.objects.count() == 1
    assert "already recorded" in response.content.decode()


def test_an_officer_cannot_record_for_someone_elses_client(client, pat, case):
    login(client, pat)
    response = client.post(f"{URL}visit/", {"case": case.public_id, "token": "t"})
    assert response.status_code == 404
    assert not CheckIn.objects.exists()


def test_a_national_viewer_has_no_front_desk(client, nina):
    login(client, nina)
    assert client.get(URL).status_code == 404
