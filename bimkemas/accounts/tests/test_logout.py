"""Logging out: POST logs out; GET asks first instead of a blank 405."""

from django.urls import reverse

from bimkemas.testing import login


def test_it_asks_before_logging_out_on_get(client, alice):
    login(client, alice)

    response = client.get(reverse("logout"))

    assert response.status_code == 200
    assert '<form method="post" action="/logout/"' in response.text
    assert "_auth_user_id" in client.session


def test_it_logs_out_on_post(client, alice):
    login(client, alice)

    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert "_auth_user_id" not in client.session


def test_it_sends_an_anonymous_visitor_to_log_in(client, db):
    response = client.get(reverse("logout"))

    assert response.status_code == 302
    assert response["Location"] == reverse("login")
