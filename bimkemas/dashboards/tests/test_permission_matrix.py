"""Every page × every persona: who gets the page, who gets a 404, who is sent to log in.

Personas (bimkemas/conftest.py): alice is the PK of the case, pat a PK of the same office
without it, bob the section head, dave the Bapas head, carol the registrar, erin a PK of
another Bapas, nina the national viewer.
"""

import pytest
from django.urls import reverse

from bimkemas.clients.services import document_add
from bimkemas.testing import login, pdf_upload

PERSONAS = ["alice", "pat", "bob", "dave", "carol", "erin", "nina"]
OK = 200

# page name → the personas who may open it; everyone else gets 404.
PAGES = {
    "client_list": {"alice", "pat", "bob", "dave", "carol", "erin"},
    "client_detail": {"alice", "bob", "dave", "carol"},
    "client_edit": {"alice", "bob", "dave", "carol"},
    "client_access_log": {"bob", "dave"},
    "intake": {"bob", "dave", "carol"},
    "case_edit": {"alice", "bob", "dave"},
    "case_assign": {"bob", "dave"},
    "case_close": {"bob", "dave"},
    "case_grant": {"bob", "dave"},
    "case_card": {"alice", "bob", "dave", "carol"},
    "officer_caseload": {"alice", "bob", "dave"},
    "document_download": {"alice", "bob", "dave", "carol"},
    "office_overview": {"bob", "dave"},
    "national_overview": {"nina"},
}

# Form endpoints that only take POST, with the answer to an empty form for those allowed:
# 400 for an invalid form, 200 for the duplicate check (nothing to check is not an error).
# Forbidden personas get 404 before any validation.
INVALID = 400
POSTS = {
    "phone_add": (INVALID, {"alice", "bob", "dave", "carol"}),
    "phone_check": (INVALID, {"alice", "bob", "dave", "carol"}),
    "document_upload": (INVALID, {"alice", "bob", "dave", "carol"}),
    "intake_check": (OK, {"bob", "dave", "carol"}),
}


@pytest.fixture
def world(case, alice, pat, bob, dave, carol, erin, nina):
    document = document_add(actor=carol, case=case, kind="sk", upload=pdf_upload())
    client = case.client
    users = {u.username: u for u in (alice, pat, bob, dave, carol, erin, nina)}
    urls = {
        "client_list": reverse("client_list"),
        "client_detail": reverse("client_detail", args=[client.public_id]),
        "client_edit": reverse("client_edit", args=[client.public_id]),
        "client_access_log": reverse("client_access_log", args=[client.public_id]),
        "intake": reverse("intake"),
        "case_edit": reverse("case_edit", args=[case.public_id]),
        "case_assign": reverse("case_assign", args=[case.public_id]),
        "case_close": reverse("case_close", args=[case.public_id]),
        "case_grant": reverse("case_grant", args=[case.public_id]),
        "case_card": reverse("case_card", args=[case.public_id]),
        "officer_caseload": reverse("officer_caseload", args=[alice.public_id]),
        "document_download": reverse("document_download", args=[document.public_id]),
        "office_overview": reverse("office_overview"),
        "national_overview": reverse("national_overview"),
        "phone_add": reverse("phone_add", args=[client.public_id]),
        "phone_check": reverse(
            "phone_check", args=[client.public_id, client.phones.first().public_id]
        ),
        "document_upload": reverse("document_upload", args=[case.public_id]),
        "intake_check": reverse("intake_check"),
    }
    return users, urls


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", sorted(PAGES))
def test_it_shows_pages_only_to_those_allowed(client, world, page, persona):
    users, urls = world
    login(client, users[persona])

    response = client.get(urls[page])

    expected = OK if persona in PAGES[page] else 404
    assert response.status_code == expected, f"{persona} GET {page}"


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", sorted(POSTS))
def test_it_refuses_form_posts_outside_reach(client, world, endpoint, persona):
    users, urls = world
    login(client, users[persona])

    response = client.post(urls[endpoint], {})

    status_if_allowed, allowed = POSTS[endpoint]
    expected = status_if_allowed if persona in allowed else 404
    assert response.status_code == expected, f"{persona} POST {endpoint}"


@pytest.mark.parametrize("page", sorted(PAGES) + sorted(POSTS) + ["dashboard"])
def test_it_sends_anonymous_visitors_to_log_in(client, world, page):
    _users, urls = world
    url = urls.get(page) or reverse(page)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_gives_every_persona_a_dashboard(client, world, persona):
    users, _urls = world
    login(client, users[persona])

    response = client.get(reverse("dashboard"), follow=True)

    assert response.status_code == OK


def test_it_keeps_the_admin_for_staff_accounts(client, world):
    users, _urls = world
    login(client, users["bob"])

    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
