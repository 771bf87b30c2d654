"""The web intake form carries a token: sending the same form twice (a double click, a
reload) registers the person once."""

import re

import pytest
from django.urls import reverse

from bimkemas.clients.models import Client, SupervisionCase
from bimkemas.clients.tests.test_intake_keeps_uploads import form_data
from bimkemas.testing import login

URL = reverse("intake")


def token_of(response) -> str:
    match = re.search(r'name="intake_token" value="([^"]+)"', response.text)
    assert match is not None
    return match.group(1)


@pytest.fixture
def data(work_area, pb, facility):
    return form_data(work_area, pb, facility)


def test_it_registers_a_form_sent_twice_once(client, carol, data):
    login(client, carol)
    data["intake_token"] = token_of(client.get(URL))

    first = client.post(URL, data)
    second = client.post(URL, data)

    assert first.status_code == second.status_code == 302
    assert second.url == first.url
    assert Client.objects.count() == 1
    assert SupervisionCase.objects.count() == 1


def test_it_refuses_other_content_with_a_used_token(client, carol, data):
    login(client, carol)
    data["intake_token"] = token_of(client.get(URL))
    client.post(URL, data)

    response = client.post(URL, {**data, "sk_number": "PAS-2/2026"})

    assert response.status_code == 400
    assert "This form was already used to register a client." in response.text
    assert token_of(response) != data["intake_token"]
    assert SupervisionCase.objects.count() == 1
