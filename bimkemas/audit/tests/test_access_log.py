import pytest
from django.urls import reverse

from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_client_view
from bimkemas.clients.services import client_update
from bimkemas.testing import login


def url(case, **params):
    path = reverse("client_access_log", args=[case.client.public_id])
    return path + ("?views=1" if params.get("views") else "")


def test_it_shows_who_read_and_changed_the_client(client, alice, bob, case):
    audit_client_view(actor=alice, client=case.client)
    client_update(actor=alice, client=case.client, data={"aliases": "Budi Gondrong"})
    login(client, bob)

    response = client.get(url(case))

    assert response.status_code == 200
    actions = [event.action for event in response.context["page"]]
    assert actions[:2] == [AuditAction.UPDATE, AuditAction.VIEW]
    body = response.content.decode()
    assert "Alice" in body
    assert "Budi Gondrong" in body  # the new value of the changed field
    assert "Aliases" in body


def test_it_filters_views_only(client, alice, dave, case):
    audit_client_view(actor=alice, client=case.client)
    login(client, dave)

    response = client.get(url(case, views=True))

    assert [event.action for event in response.context["page"]] == [AuditAction.VIEW]
    assert response.context["views_only"] is True


@pytest.mark.parametrize("persona", ["alice", "pat", "carol", "erin", "nina"])
def test_it_is_only_for_supervisors_of_the_office(client, request, case, persona):
    login(client, request.getfixturevalue(persona))

    assert client.get(url(case)).status_code == 404


def test_it_is_not_for_a_supervisor_of_another_bapas(client, case, other_office):
    from bimkemas.accounts.models import Role
    from bimkemas.testing import make_user

    login(client, make_user("olga", other_office, Role.SUPERVISOR))

    assert client.get(url(case)).status_code == 404


def test_it_shows_field_names_and_codes_as_people_read_them(client, bob, case):
    client_update(actor=bob, client=case.client, data={"sex": "P", "nik": None})
    login(client, bob)

    response = client.get(reverse("client_access_log", args=[case.client.public_id]))

    body = response.content.decode()
    assert "Sex" in body
    assert "Female" in body
    assert "supervisioncase" not in body
