"""Failed logins lock a username from one address at the fifth failure; a ceiling of failures
from all addresses together locks the username everywhere."""

from django.test import Client
from django.urls import reverse

from bimkemas.testing import PASSWORD

WRONG = "salah"


def browser(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def log_in(client: Client, password: str, username: str = "alice"):
    return client.post(reverse("login"), {"username": username, "password": password})


def fail(address: str, times: int) -> list[int]:
    client = browser(address)
    return [log_in(client, WRONG).status_code for _ in range(times)]


def test_it_locks_out_at_the_fifth_failure(alice):
    statuses = fail("10.0.0.1", 5)

    assert statuses == [200, 200, 200, 200, 403]
    response = log_in(browser("10.0.0.1"), PASSWORD)
    assert response.status_code == 403
    assert "registration/locked_out.html" in [t.name for t in response.templates]
    assert "30" in response.content.decode()


def test_it_lets_the_right_password_in_after_four_failures(alice):
    fail("10.0.0.1", 4)

    client = browser("10.0.0.1")
    response = log_in(client, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_it_does_not_lock_the_officer_out_from_another_address(alice):
    fail("10.0.0.1", 5)

    assert log_in(browser("10.0.0.2"), PASSWORD).status_code == 302
    assert log_in(browser("10.0.0.1"), PASSWORD).status_code == 403


def test_it_does_not_lock_another_username_from_the_same_address(alice, pat):
    fail("10.0.0.1", 5)

    assert log_in(browser("10.0.0.1"), PASSWORD, username="pat").status_code == 302


def test_it_locks_the_username_everywhere_at_thirty_failures_from_any_addresses(alice):
    for n in range(7):
        fail(f"10.0.1.{n}", 4)  # 28 failures, no address locked
    fail("10.0.2.1", 1)  # 29

    assert log_in(browser("10.0.3.1"), PASSWORD).status_code == 302  # below the ceiling

    assert fail("10.0.2.2", 1) == [403]  # the 30th
    assert log_in(browser("10.0.3.2"), PASSWORD).status_code == 403


def test_the_ceiling_is_configurable(settings, alice):
    settings.AXES_USERNAME_FAILURE_CEILING = 6
    fail("10.0.1.1", 3)
    fail("10.0.1.2", 3)

    assert log_in(browser("10.0.3.1"), PASSWORD).status_code == 403
