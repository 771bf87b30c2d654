import datetime as dt

import pytest
from django.urls import reverse

from bimkemas.clients.services import case_assign, client_intake
from bimkemas.core.dates import today
from bimkemas.testing import case_data, identity_data, login


@pytest.fixture
def clients(make_case, alice, pat, bob, carol, cb, facility, work_area):
    """Budi (alice, PB, awal), Achmad alias Mamat (pat, CB, akhir), Joko (unassigned, anak)."""
    budi = make_case(officer=alice)
    ahmad = client_intake(
        actor=carol,
        identity=identity_data(work_area, full_name="Achmad Sjarifuddin", aliases="Mamat"),
        case=case_data(
            cb,
            facility,
            guidance_start=today() - dt.timedelta(days=100),
            guidance_end=today() + dt.timedelta(days=10),
        ),
    )
    ahmad = case_assign(actor=bob, case=ahmad, officer=pat)
    joko = make_case(identity={"full_name": "Joko Susilo", "category": "anak"})
    return budi, ahmad, joko


def names(response) -> list[str]:
    return [client.full_name for client, _case, _stage in response.context["rows"]]


def get(client, user, **params):
    login(client, user)
    return client.get(reverse("client_list"), params)


def test_it_lists_the_office_for_a_supervisor(client, bob, clients):
    response = get(client, bob)

    assert response.status_code == 200
    assert names(response) == ["Achmad Sjarifuddin", "Budi Santoso", "Joko Susilo"]
    assert "0001/PB/D/" in response.content.decode()


def test_it_shows_a_pk_only_her_own_clients(client, alice, clients):
    response = get(client, alice)

    assert names(response) == ["Budi Santoso"]


def test_it_shows_an_officer_of_another_bapas_nothing(client, erin, clients):
    response = get(client, erin)

    assert response.status_code == 200
    assert names(response) == []


def test_it_is_not_for_the_national_viewer(client, nina, clients):
    assert get(client, nina).status_code == 404


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("achmad", ["Achmad Sjarifuddin"]),
        ("Ahmad Syarifudin", ["Achmad Sjarifuddin"]),  # normalised name key
        ("mamat", ["Achmad Sjarifuddin"]),  # alias
        ("Joko", ["Joko Susilo"]),
    ],
)
def test_it_searches_names_and_aliases(client, bob, clients, text, expected):
    assert names(get(client, bob, q=text)) == expected


def test_it_searches_by_nik_and_register_number(client, bob, clients):
    budi, _ahmad, joko = clients

    assert names(get(client, bob, q=budi.client.nik)) == ["Budi Santoso"]
    assert names(get(client, bob, q=joko.register_number)) == ["Joko Susilo"]


def test_it_filters_by_stage_programme_category_officer_and_area(
    client, bob, pat, clients, other_area
):
    assert names(get(client, bob, stage="akhir")) == ["Achmad Sjarifuddin"]
    assert names(get(client, bob, programme="CB")) == ["Achmad Sjarifuddin"]
    assert names(get(client, bob, category="anak")) == ["Joko Susilo"]
    assert names(get(client, bob, officer=pat.pk)) == ["Achmad Sjarifuddin"]
    assert names(get(client, bob, area=other_area.pk)) == []


def test_it_ignores_invalid_filters(client, bob, clients):
    response = get(client, bob, stage="nonsense", area="abc", officer="x")

    assert response.status_code == 200
    assert len(names(response)) == 3
    assert "were not understood" in response.content.decode()


def test_it_offers_the_officer_filter_only_to_supervisors(client, alice, bob, clients):
    assert "officer" not in get(client, alice).context["form"].fields
    assert "officer" in get(client, bob).context["form"].fields


def test_it_returns_only_the_rows_to_htmx(client, bob, clients):
    login(client, bob)

    response = client.get(reverse("client_list"), {"q": "joko"}, headers={"HX-Request": "true"})

    body = response.content.decode()
    assert response.status_code == 200
    assert response.templates[0].name == "clients/partials/client_rows.html"
    assert "Joko Susilo" in body
    assert "<html" not in body


def test_it_pages_by_fifty_without_a_query_per_row(
    client, bob, make_case, django_assert_max_num_queries
):
    for number in range(55):
        make_case(identity={"full_name": f"Klien {number:02d}"})
    login(client, bob)

    with django_assert_max_num_queries(20):
        response = client.get(reverse("client_list"))

    assert len(response.context["rows"]) == 50
    second = client.get(reverse("client_list"), {"page": 2})
    assert len(second.context["rows"]) == 5
