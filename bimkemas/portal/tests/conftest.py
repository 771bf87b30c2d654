import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from bimkemas.reporting.services.client_app import access_activate, access_issue_code

PIN = "482915"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def activate(case, officer, pin: str = PIN):
    issued = access_issue_code(actor=officer, client=case.client)
    return access_activate(
        register_number=case.register_number,
        birth_date=case.client.birth_date,
        code=issued.code,
        pin=pin,
    )


def sign_in_form(case, pin: str = PIN) -> dict:
    return {
        "register_number": case.register_number,
        "birth_date": case.client.birth_date.strftime("%d/%m/%Y"),
        "pin": pin,
    }


@pytest.fixture
def access(case, alice):
    return activate(case, alice)


@pytest.fixture
def phone(case, access) -> Client:
    """A browser signed in as alice's client in the app."""
    browser = Client()
    response = browser.post(reverse("portal:sign_in"), sign_in_form(case))
    assert response.status_code == 302, response.content
    return browser
