"""Security properties every page has: strict headers, secure cookies, CSRF, no stack traces."""

import pytest
from django.test import Client as DjangoClient
from django.urls import reverse

from bimkemas.testing import PASSWORD, login


def test_it_sends_strict_security_headers(client, db):
    response = client.get(reverse("login"))

    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_it_marks_session_and_csrf_cookies_secure_and_http_only(settings, client, alice):
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True

    client.get(reverse("login"))
    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})

    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["secure"] and session["httponly"]
    assert session["samesite"] == "Lax"
    assert client.cookies[settings.CSRF_COOKIE_NAME]["secure"]


def test_it_refuses_a_form_post_without_the_csrf_token(alice, case):
    browser = DjangoClient(enforce_csrf_checks=True)
    login(browser, alice)

    response = browser.post(
        reverse("phone_add", args=[case.client.public_id]), {"number": "081234567890"}
    )

    assert response.status_code == 403
    assert case.client.phones.count() == 1


@pytest.mark.urls("bimkemas.core.tests.failing_urls")
def test_it_never_shows_a_stack_trace(db):
    browser = DjangoClient(raise_request_exception=False)

    response = browser.get("/boom/")

    assert response.status_code == 500
    body = response.content.decode()
    assert "Traceback" not in body
    assert "RuntimeError" not in body
    assert "Something went wrong" in body
