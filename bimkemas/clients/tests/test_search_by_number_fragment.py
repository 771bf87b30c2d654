"""The client list finds a client by part of a register number ("0547/PB") or by six or more
digits of the NIK, as registrars type them from a letter or a photocopy."""

import pytest
from django.urls import reverse

from bimkemas.testing import login


@pytest.fixture
def three(make_case, cb):
    """Budi (0001/PB/D), Achmad (0002/CB/D) and Joko (0003/PB/A), born the same day."""
    return (
        make_case(),
        make_case(identity={"full_name": "Achmad Sjarifuddin"}, case={"programme": cb}),
        make_case(identity={"full_name": "Joko Susilo", "category": "anak"}),
    )


def names(response) -> list[str]:
    return [client.full_name for client, _case, _stage in response.context["rows"]]


def get(client, user, **params):
    login(client, user)
    return client.get(reverse("client_list"), params)


def test_it_finds_a_client_by_the_start_of_a_register_number(client, bob, three):
    _budi, ahmad, _joko = three
    start = "/".join(ahmad.register_number.split("/")[:2])  # "0002/CB"

    assert names(get(client, bob, q=start)) == ["Achmad Sjarifuddin"]
    assert names(get(client, bob, q=start.lower())) == ["Achmad Sjarifuddin"]
    assert names(get(client, bob, q=ahmad.register_number[:4])) == ["Achmad Sjarifuddin"]


def test_it_finds_a_client_by_the_middle_of_a_register_number(client, bob, three):
    _budi, _ahmad, joko = three
    middle = "/".join(joko.register_number.split("/")[:3])  # "0003/PB/A"

    assert names(get(client, bob, q=middle)) == ["Joko Susilo"]


def test_it_finds_a_client_by_part_of_the_nik(client, bob, three):
    budi, _ahmad, _joko = three
    nik = budi.client.nik

    assert names(get(client, bob, q=nik[8:])) == ["Budi Santoso"]
    assert names(get(client, bob, q=f"{nik[:4]} {nik[4:8]} {nik[8:12]} {nik[12:]}")) == [
        "Budi Santoso"
    ]


def test_it_needs_six_digits_of_a_nik(client, bob, three):
    # The three share a birth date, so five of its digits would find them all.
    birth_digits = three[0].client.nik[6:11]

    assert names(get(client, bob, q=birth_digits)) == []


def test_it_still_finds_names(client, bob, three):
    assert names(get(client, bob, q="joko")) == ["Joko Susilo"]
