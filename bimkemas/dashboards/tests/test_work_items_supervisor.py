import datetime as dt

from django.urls import reverse

from bimkemas.core.dates import today
from bimkemas.testing import login


def kinds(response) -> dict:
    return {group.kind: group for group in response.context["work_items"]}


def ending_in(days: int) -> dict:
    return {
        "guidance_start": today() - dt.timedelta(days=200),
        "guidance_end": today() + dt.timedelta(days=days),
    }


def test_it_shows_a_supervisor_unassigned_intake_oldest_first(client, bob, case, make_case):
    newer = make_case(
        identity={"full_name": "Joko Susilo", "nik": None}, case={"received_on": today()}
    )
    older = make_case(identity={"full_name": "Andi Wijaya", "nik": None})  # 30 days ago
    login(client, bob)

    response = client.get(reverse("dashboard"))

    group = kinds(response)["clients.unassigned"]
    assert group.total == 2
    assert [item.client_id for item in group.items] == [
        older.client.public_id,
        newer.client.public_id,
    ]
    assert [item.urgency for item in group.items] == ["overdue", "due"]
    assert reverse("case_assign", args=[older.public_id]) in response.content.decode()


def test_it_shows_the_total_ending_soon_with_a_link_to_all(client, bob, alice, make_case):
    for number in range(7):
        make_case(
            officer=alice,
            identity={"full_name": f"Klien Nomor {chr(65 + number)}", "nik": None},
            case=ending_in(5 + number),
        )
    make_case(officer=alice, identity={"full_name": "Tidak Berakhir", "nik": None})
    login(client, bob)

    response = client.get(reverse("dashboard"))

    group = kinds(response)["clients.ending_soon"]
    assert (group.total, len(group.items)) == (7, 5)
    html = response.content.decode()
    assert "Showing 5 of 7." in html
    assert "See all 7 cases" in html
    listed = client.get(group.see_all_url)
    assert listed.status_code == 200
    assert len(listed.context["rows"]) == 7
    assert "Tidak Berakhir" not in listed.content.decode()


def test_it_shows_an_officer_of_another_office_none_of_these(client, erin, bob, pat, make_case):
    make_case(identity={"nik": None})
    make_case(officer=pat, identity={"full_name": "Andi Wijaya", "nik": None}, case=ending_in(3))
    login(client, erin)

    response = client.get(reverse("dashboard"))

    assert response.context["work_items"] == []
    assert "To do" not in response.content.decode()
