import pytest
from django.core.cache import cache
from django.urls import reverse

from bimkemas.litmas.selectors import TRACK_LIMIT

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_the_page_shows_status_and_dates_without_names(client, litmas_request, client_of_alice):
    code = litmas_request.tracking_display.lower()
    response = client.get(reverse("litmas_track"), {"code": code})
    assert response.status_code == 200
    text = response.content.decode()
    assert litmas_request.tracking_display in text
    assert "Assigned to a PK" in text
    assert "Bapas Kelas I Palembang" in text
    for private in (client_of_alice.full_name, "alice", "Lapas Kelas I Palembang", "W6.PAS"):
        assert private not in text


def test_an_unknown_code_answers_in_the_same_shape(client, litmas_request):
    response = client.get(reverse("litmas_track"), {"code": "AAAAA-AAAAA"})
    assert response.status_code == 200
    assert "No litmas request has this code" in response.content.decode()


def test_the_api_needs_no_sign_in_and_gives_no_personal_data(client, litmas_request):
    url = f"/api/v1/public/litmas/{litmas_request.tracking_code}"
    body = client.get(url).json()
    assert body["found"] is True
    assert body["status"] == "assigned"
    assert [s["status"] for s in body["steps"]] == ["received", "assigned"]
    assert set(body) == {
        "found", "code", "status", "status_label", "type", "type_label", "office",
        "received_on", "due_on", "steps",
    }  # fmt: skip
    unknown = client.get("/api/v1/public/litmas/ZZZZZZZZZZ")
    assert unknown.status_code == 200
    assert set(unknown.json()) == set(body)
    assert unknown.json()["found"] is False


def test_lookups_are_limited_per_address(client, litmas_request):
    url = reverse("litmas_track")
    for _ in range(TRACK_LIMIT):
        assert client.get(url, {"code": "AAAAA-AAAAA"}).status_code == 200
    assert client.get(url, {"code": litmas_request.tracking_code}).status_code == 429
    api = client.get(f"/api/v1/public/litmas/{litmas_request.tracking_code}")
    assert api.status_code == 429
    other = client.get(url, {"code": litmas_request.tracking_code}, REMOTE_ADDR="10.9.9.9")
    assert other.status_code == 200
