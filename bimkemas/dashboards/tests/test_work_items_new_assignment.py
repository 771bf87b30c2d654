from django.urls import reverse

from bimkemas.clients.services import case_assign
from bimkemas.testing import login


def kinds(response) -> dict:
    return {group.kind: group for group in response.context["work_items"]}


def test_it_shows_a_pk_a_newly_assigned_client(client, bob, pat, make_case):
    new = make_case(identity={"full_name": "Andi Wijaya"})
    case_assign(actor=bob, case=new, officer=pat)
    login(client, pat)

    response = client.get(reverse("dashboard"))

    group = kinds(response)["clients.new_assignment"]
    assert group.total == 1
    assert group.items[0].subject == f"Andi Wijaya ({new.register_number})"
    html = response.content.decode()
    assert "Newly assigned clients" in html
    assert reverse("client_detail", args=[new.client.public_id]) in html


def test_it_drops_the_client_once_the_pk_opens_the_record(client, bob, pat, make_case):
    new = make_case(identity={"full_name": "Andi Wijaya"})
    case_assign(actor=bob, case=new, officer=pat)
    login(client, pat)

    client.get(reverse("client_detail", args=[new.client.public_id]))
    response = client.get(reverse("dashboard"))

    assert "clients.new_assignment" not in kinds(response)
    assert "Newly assigned clients" not in response.content.decode()


def test_it_is_not_marked_seen_when_someone_else_opens_the_record(client, bob, pat, make_case):
    new = make_case()
    case_assign(actor=bob, case=new, officer=pat)
    login(client, bob)
    client.get(reverse("client_detail", args=[new.client.public_id]))

    login(client, pat)
    response = client.get(reverse("dashboard"))

    assert kinds(response)["clients.new_assignment"].total == 1


def test_it_shows_a_reassigned_case_to_its_new_officer_again(client, bob, alice, pat, case):
    login(client, alice)
    client.get(reverse("client_detail", args=[case.client.public_id]))
    case_assign(actor=bob, case=case, officer=pat)

    login(client, pat)
    response = client.get(reverse("dashboard"))

    assert kinds(response)["clients.new_assignment"].items[0].client_id == case.client.public_id
