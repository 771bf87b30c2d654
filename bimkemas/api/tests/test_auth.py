from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from bimkemas.accounts.models import ApiToken
from bimkemas.accounts.tokens import token_authenticate, token_create, token_revoke
from bimkemas.testing import PASSWORD, login

CSRF_SECRET = "a" * 32


def obtain(client: Client, username: str, password: str):
    return client.post(
        "/api/v1/auth/token",
        {"username": username, "password": password, "name": "laptop"},
        content_type="application/json",
    )


def test_it_issues_a_token_for_a_password(bob):
    response = obtain(Client(), "bob", PASSWORD)
    assert response.status_code == 201
    key = response.json()["token"]
    token = ApiToken.objects.get(user=bob)
    assert token.prefix == key[:8] == response.json()["prefix"]
    assert token.key_hash != key and len(token.key_hash) == 64


def test_it_refuses_a_wrong_password_with_401(bob):
    response = obtain(Client(), "bob", "salah")
    assert response.status_code == 401
    assert response.json() == {"detail": "Wrong username or password.", "errors": {}}
    assert not ApiToken.objects.exists()


def test_it_locks_out_after_five_failures(bob):
    client = Client()
    statuses = [obtain(client, "bob", "salah").status_code for _ in range(5)]
    assert statuses == [401, 401, 401, 401, 403]
    response = obtain(client, "bob", PASSWORD)
    assert response.status_code == 403
    assert set(response.json()) == {"detail", "errors"}
    assert not ApiToken.objects.exists()


def test_a_bearer_token_authenticates(bob):
    _token, key = token_create(user=bob, name="script")
    response = Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 200
    assert response.json()["username"] == "bob"
    assert response.json()["office"]["code"] == "plg"


def test_it_records_when_a_token_was_last_used(bob):
    token, key = token_create(user=bob, name="script")
    assert token_authenticate(key) == bob
    token.refresh_from_db()
    first_use = token.last_used_at
    assert first_use is not None
    token_authenticate(key)
    token.refresh_from_db()
    assert token.last_used_at == first_use  # not rewritten within the minute


def test_a_revoked_token_gets_401(bob):
    token, key = token_create(user=bob, name="script")
    token_revoke(token=token)
    response = Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 401
    assert response.json()["detail"]


@pytest.mark.parametrize("header", ["Bearer nonsense", "Bearer ", "Basic Ym9iOnBhc3M=", "x" * 300])
def test_an_invalid_token_gets_401(bob, header):
    response = Client().get("/api/v1/me", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401


def test_an_inactive_users_token_gets_401(bob):
    _token, key = token_create(user=bob, name="script")
    bob.is_active = False
    bob.save()
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_anonymous_gets_401(db):
    response = Client().get("/api/v1/clients")
    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication required.", "errors": {}}


def test_anonymous_post_gets_401_not_a_csrf_error(db):
    response = Client(enforce_csrf_checks=True).post(
        "/api/v1/intake", {}, content_type="application/json"
    )
    assert response.status_code == 401


def test_the_session_works(bob):
    client = Client()
    login(client, bob)
    assert client.get("/api/v1/me").json()["username"] == "bob"


def test_a_session_write_needs_the_csrf_token(case, alice):
    client = Client(enforce_csrf_checks=True)
    login(client, alice)
    url = f"/api/v1/clients/{case.client.public_id}/phones"
    data = {"number": "081377770000"}
    response = client.post(url, data, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["detail"] == "CSRF check failed."
    client.cookies["csrftoken"] = CSRF_SECRET
    response = client.post(url, data, content_type="application/json", HTTP_X_CSRFTOKEN=CSRF_SECRET)
    assert response.status_code == 201


def test_the_command_prints_a_working_key(bob):
    out = StringIO()
    call_command("create_token", "bob", "--name", "sync job", stdout=out)
    key = out.getvalue().strip()
    assert token_authenticate(key) == bob
    assert ApiToken.objects.get().name == "sync job"
    assert ApiToken.objects.get().created_at <= timezone.now()
