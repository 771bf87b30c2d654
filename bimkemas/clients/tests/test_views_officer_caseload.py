import datetime as dt

import pytest
from django.urls import reverse

from bimkemas.accounts.models import Absence
from bimkemas.clients.services import case_assign, client_intake
from bimkemas.core.dates import today
from bimkemas.testing import case_data, identity_data, login


def url(officer) -> str:
    return reverse("officer_caseload", args=[officer.public_id])


@pytest.fixture
def cases(carol, bob, alice, cb, facility, work_area):
    """alice: `case` (PB, awal) plus this CB case near its end (akhir)."""
    start = today() - dt.timedelta(days=100)
    late = client_intake(
        actor=carol,
        identity=identity_data(work_area, full_name="Rudi Hartono", nik=None),
        case=case_data(
            cb, facility, guidance_start=start, guidance_end=start + dt.timedelta(days=110)
        ),
    )
    return case_assign(actor=bob, case=late, officer=alice)


def test_an_officer_sees_their_own_caseload(client, alice, case, cases):
    login(client, alice)
    response = client.get(url(alice))
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [row["case"] for row in rows] == [cases, case]  # by end date
    assert (rows[0]["stage"], rows[1]["stage"]) == ("akhir", "awal")
    assert rows[0]["days_left"] == 10
    assert response.context["load"].case_count == 2
    assert case.client.full_name in response.text
    assert reverse("client_detail", args=[case.client.public_id]) in response.text


def test_it_filters_by_stage(client, alice, case, cases):
    login(client, alice)
    response = client.get(url(alice), {"stage": "akhir"})
    assert [row["case"] for row in response.context["rows"]] == [cases]
    counts = {s["value"]: s["count"] for s in response.context["stages"]}
    assert counts["awal"] == 1 and counts["akhir"] == 1 and counts["lanjutan"] == 0
    response = client.get(url(alice), {"stage": "nonsense"})
    assert len(response.context["rows"]) == 2


def test_it_loads_the_cases_in_few_queries(
    client, alice, case, cases, django_assert_max_num_queries
):
    login(client, alice)
    with django_assert_max_num_queries(12):
        client.get(url(alice))


def test_it_shows_an_absence(client, bob, alice, case, other_office):
    Absence.objects.create(officer=alice, kind="bko", starts_on=today(), seconded_to=other_office)
    login(client, bob)
    response = client.get(url(alice))
    assert response.context["status"].absence.kind == "bko"
    assert "Bapas Kelas II OKU" in response.text


def test_a_supervisor_sees_any_officer_of_the_office(client, bob, dave, alice, pat):
    for user in (bob, dave):
        login(client, user)
        assert client.get(url(alice)).status_code == 200
        assert client.get(url(pat)).status_code == 200


def test_an_officer_cannot_see_a_colleague(client, alice, pat):
    login(client, pat)
    assert client.get(url(alice)).status_code == 404


@pytest.mark.parametrize("persona", ["carol", "erin", "nina"])
def test_others_get_404(client, request, persona, alice):
    login(client, request.getfixturevalue(persona))
    assert client.get(url(alice)).status_code == 404


def test_a_non_officer_has_no_caseload_page(client, bob, carol):
    login(client, bob)
    assert client.get(url(carol)).status_code == 404


def test_an_unknown_officer_is_404(client, bob):
    login(client, bob)
    assert client.get("/officers/00000000-0000-0000-0000-000000000000/").status_code == 404
