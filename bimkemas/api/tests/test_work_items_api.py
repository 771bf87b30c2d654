from django.urls import reverse

from bimkemas.clients.services import case_assign


def test_it_lists_a_pks_work_items(api_as, bob, pat, make_case):
    new = make_case(identity={"full_name": "Andi Wijaya"})
    case_assign(actor=bob, case=new, officer=pat)

    response = api_as(pat).get("/me/work-items")

    assert response.status_code == 200
    groups = {group["kind"]: group for group in response.json()}
    assert groups["clients.new_assignment"]["total"] == 1
    item = groups["clients.new_assignment"]["items"][0]
    assert item == {
        "kind": "clients.new_assignment",
        "title": "Newly assigned to you: open the record and plan the first meeting",
        "url": reverse("client_detail", args=[new.client.public_id]),
        "subject": f"Andi Wijaya ({new.register_number})",
        "urgency": "due",
        "due": None,
        "client_id": str(new.client.public_id),
    }


def test_it_lists_a_supervisors_unassigned_intake(api_as, bob, make_case):
    waiting = make_case()

    groups = {group["kind"]: group for group in api_as(bob).get("/me/work-items").json()}

    assert [item["client_id"] for item in groups["clients.unassigned"]["items"]] == [
        str(waiting.client.public_id)
    ]


def test_it_gives_an_officer_of_another_office_nothing_of_this_one(api_as, erin, make_case):
    make_case()

    assert api_as(erin).get("/me/work-items").json() == []


def test_it_requires_authentication(client, db):
    assert client.get("/api/v1/me/work-items").status_code == 401
