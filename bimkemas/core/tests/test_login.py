from django.conf import settings
from django.urls import reverse
from django.utils import translation

from bimkemas.testing import PASSWORD, login


def log_in(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_it_logs_in_with_the_right_password(client, alice):
    response = log_in(client, "alice", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")


def test_it_shows_an_error_for_a_wrong_password(client, alice):
    response = log_in(client, "alice", "salah")

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert '<div class="alert alert-danger' in response.content.decode()


def test_it_renders_english_once_chosen(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(reverse("login"))

    body = response.content.decode()
    assert '<html lang="en">' in body
    assert "Log in" in body


def test_it_stays_indonesian_whatever_the_browser_prefers(client, db, settings):
    settings.LANGUAGE_CODE = "id"
    response = client.get(reverse("login"), headers={"Accept-Language": "en-US,en;q=0.9"})

    assert '<html lang="id">' in response.content.decode()


def test_it_switches_to_english_with_set_language(client, alice):
    login(client, alice)

    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("client_list")}, follow=True
    )

    body = response.content.decode()
    assert '<html lang="en">' in body
    assert "Clients" in body


def test_it_speaks_indonesian_by_default(client, db, settings):
    settings.LANGUAGE_CODE = "id"
    response = client.get(reverse("login"))

    body = response.content.decode()
    assert '<html lang="id">' in body
    with translation.override("id"):
        password = translation.gettext("Password")
    # Until the Indonesian catalogue is compiled the msgid is its own translation.
    assert password in body
