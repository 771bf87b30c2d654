"""Production answers only over HTTPS and tells browsers to remember that (HSTS)."""

from django.test import Client
from django.urls import reverse


def test_it_redirects_plain_http_to_https(settings, db):
    settings.SECURE_SSL_REDIRECT = True

    response = Client().get(reverse("login"))

    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_it_sends_hsts_for_a_year_with_subdomains(db):
    response = Client().get(reverse("login"), secure=True)

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
