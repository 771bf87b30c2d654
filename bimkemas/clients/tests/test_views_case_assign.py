import datetime as dt

import pytest
from django.urls import reverse

from bimkemas.accounts.models import Absence, Role
from bimkemas.clients.models import Assignment
from bimkemas.core.dates import today
from bimkemas.testing import login, make_user


def url(case) -> str:
    return reverse("case_assign", args=[case.public_id])


@pytest.fixture
def new_case(make_case):
    return make_case(identity={"full_name": "Andi Wijaya", "nik": None})


def test_it_proposes_the_least_loaded_available_officer_in_the_area(
    client, bob, alice, pat, case, new_case, office, other_area
):
    outsider = make_user("olga", office, Role.PK, rank="madya")
    outsider.work_areas.add(other_area)  # no cases, but not in the client's area
    login(client, bob)
    response = client.get(url(new_case))
    assert response.status_code == 200
    assert response.context["proposed"] == pat
    checked = [row["officer"] for row in response.context["rows"] if row["checked"]]
    assert checked == [pat]
    in_area = {row["officer"].username: row["in_area"] for row in response.context["rows"]}
    assert in_area == {"pat": True, "olga": False, "alice": True}


def test_a_seconded_officer_is_not_offered(client, bob, alice, pat, new_case, other_office):
    Absence.objects.create(
        officer=pat, kind="bko", starts_on=today() - dt.timedelta(days=3), seconded_to=other_office
    )
    login(client, bob)
    response = client.get(url(new_case))
    assert [row["officer"] for row in response.context["rows"]] == [alice]
    assert response.context["proposed"] == alice
    response = client.post(url(new_case), {"officer": str(pat.public_id)})
    assert response.status_code == 400
    assert new_case.assignments.count() == 0


def test_it_assigns_and_returns_to_the_client(client, bob, pat, new_case):
    login(client, bob)
    response = client.post(url(new_case), {"officer": str(pat.public_id)})
    assert response.status_code == 302
    assert response.url == reverse("client_detail", args=[new_case.client.public_id])
    new_case.refresh_from_db()
    assert new_case.officer == pat
    assert new_case.status == "active"


def test_reassignment_needs_a_reason_and_keeps_the_history(client, bob, alice, pat, case):
    login(client, bob)
    response = client.post(url(case), {"officer": str(pat.public_id)})
    assert response.status_code == 400
    response = client.post(url(case), {"officer": str(pat.public_id), "reason": "Alice cuti"})
    assert response.status_code == 302
    first, second = Assignment.objects.filter(case=case).order_by("started_at", "pk")
    assert (first.officer, second.officer) == (alice, pat)
    assert first.ended_at is not None and second.ended_at is None
    assert second.reason == "Alice cuti"


def test_the_current_officer_is_not_offered_again(client, bob, alice, pat, case):
    login(client, bob)
    response = client.get(url(case))
    assert alice not in [row["officer"] for row in response.context["rows"]]


def test_a_closed_case_cannot_be_assigned(client, bob, pat, case):
    from bimkemas.clients.services import case_close

    case_close(actor=bob, case=case, status="completed", closed_on=today())
    login(client, bob)
    assert "closed" in client.get(url(case)).text
    response = client.post(url(case), {"officer": str(pat.public_id), "reason": "x"})
    assert response.status_code == 400
    assert "A closed case cannot be assigned." in response.text


@pytest.mark.parametrize("persona", ["alice", "carol", "erin", "nina"])
def test_only_supervisors_of_the_office_assign(client, request, persona, case, pat):
    login(client, request.getfixturevalue(persona))
    assert client.get(url(case)).status_code == 404
    assert client.post(url(case), {"officer": str(pat.public_id), "reason": "x"}).status_code == 404
    case.refresh_from_db()
    assert case.officer.username == "alice"


def test_a_supervisor_of_another_office_gets_404(client, other_office, case):
    login(client, make_user("olaf", other_office, Role.HEAD))
    assert client.get(url(case)).status_code == 404
