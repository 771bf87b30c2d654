import datetime as dt

from django.urls import reverse

from bimkemas.core.dates import today
from bimkemas.testing import login


def test_it_requires_login(client, db):
    response = client.get(reverse("dashboard"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_shows_an_officer_her_caseload_by_stage(client, alice, case):
    login(client, alice)

    response = client.get(reverse("dashboard"))

    assert response.status_code == 200
    stages = dict(response.context["stages"])
    assert stages["awal"] == 1
    assert stages["lanjutan"] == 0
    assert [c for c, _stage in response.context["my_cases"]] == [case]
    assert case.client.full_name in response.content.decode()


def test_it_lists_an_officers_cases_ending_soon(client, alice, make_case):
    ending = make_case(
        officer=alice,
        identity={"full_name": "Andi Wijaya"},
        case={
            "guidance_start": today() - dt.timedelta(days=100),
            "guidance_end": today() + dt.timedelta(days=10),
        },
    )
    make_case(officer=alice, identity={"full_name": "Rudi Hartono"})
    login(client, alice)

    response = client.get(reverse("dashboard"))

    groups = {group.kind: group for group in response.context["work_items"]}
    assert [item.client_id for item in groups["clients.ending_soon"].items] == [
        ending.client.public_id
    ]


def test_it_shows_a_supervisor_unassigned_intake_leading_to_its_assignment(
    client, bob, alice, pat, case, make_case
):
    waiting = make_case(identity={"full_name": "Joko Susilo"})
    login(client, bob)

    response = client.get(reverse("dashboard"))

    assert response.status_code == 200
    assert response.context["total"] == 2
    assert response.context["unassigned_count"] == 1
    groups = {group.kind: group for group in response.context["work_items"]}
    [item] = groups["clients.unassigned"].items
    assert item.client_id == waiting.client.public_id
    body = response.content.decode()
    assert reverse("case_assign", args=[waiting.public_id]) in body
    assert "Joko Susilo" in body


def test_it_shows_the_head_the_office_figures(client, dave, case):
    login(client, dave)

    response = client.get(reverse("dashboard"))

    assert response.status_code == 200
    assert dict(response.context["stages"])["awal"] == 1


def test_it_shows_a_registrar_her_recent_intakes(client, carol, case):
    login(client, carol)

    response = client.get(reverse("dashboard"))

    assert response.status_code == 200
    assert list(response.context["recent"]) == [case]
    assert response.context["unassigned_count"] == 0
    assert reverse("intake") in response.content.decode()


def test_it_sends_the_national_viewer_to_the_national_overview(client, nina):
    login(client, nina)

    response = client.get(reverse("dashboard"))

    assert response.status_code == 302
    assert response["Location"] == reverse("national_overview")


def test_it_shows_an_officer_of_another_bapas_nothing_of_ours(client, erin, case):
    login(client, erin)

    response = client.get(reverse("dashboard"))

    assert response.status_code == 200
    assert case.client.full_name not in response.content.decode()
