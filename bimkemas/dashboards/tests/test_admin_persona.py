"""The configuration account (a superuser without office or role) is shown the admin, not
links it cannot use or a message that it has no role."""

import pytest
from django.urls import reverse

from bimkemas.accounts.models import User
from bimkemas.testing import PASSWORD, login

ADMIN_LINK = 'href="/admin/"'


@pytest.fixture
def admin_user(db) -> User:
    return User.objects.create_superuser("admin", password=PASSWORD, role="")


def test_it_offers_the_admin_on_the_dashboard_and_in_the_menu(client, admin_user):
    login(client, admin_user)

    response = client.get(reverse("dashboard"))

    assert response.status_code == 200
    assert response.text.count(ADMIN_LINK) == 2  # menu and dashboard
    assert "no role" not in response.text


def test_it_hides_the_pages_the_admin_cannot_open(client, admin_user):
    login(client, admin_user)

    response = client.get(reverse("dashboard"))

    for page in ("client_list", "intake", "office_overview"):
        assert f'href="{reverse(page)}"' not in response.text
        assert client.get(reverse(page)).status_code == 404


def test_it_keeps_the_menu_of_office_staff(client, bob):
    login(client, bob)

    response = client.get(reverse("client_list"))

    assert f'href="{reverse("client_list")}"' in response.text
    assert f'href="{reverse("intake")}"' in response.text
    assert ADMIN_LINK not in response.text


def test_it_still_tells_an_account_without_a_role_to_ask(client, db):
    nobody = User.objects.create_user("nobody", password=PASSWORD, role="")
    login(client, nobody)

    response = client.get(reverse("dashboard"))

    assert "no role" in response.text
    assert ADMIN_LINK not in response.text
