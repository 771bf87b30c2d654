"""Pages and API answers that may carry personal data are never stored by a browser or proxy."""

from django.urls import reverse

from bimkemas.testing import login


def test_it_forbids_storing_a_signed_in_page(client, alice, case):
    login(client, alice)

    response = client.get(reverse("client_detail", args=[case.client.public_id]))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_it_forbids_storing_api_answers_even_refusals(client, alice):
    login(client, alice)
    assert "no-store" in client.get("/api/v1/me")["Cache-Control"]

    client.logout()
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert "no-store" in response["Cache-Control"]


def test_it_lets_static_files_be_cached(client, alice):
    login(client, alice)

    response = client.get("/static/css/bimkemas.css")

    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
