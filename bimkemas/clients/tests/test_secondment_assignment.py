"""A seconded (BKO) officer takes cases of the receiving office, not of the sending one."""

from decimal import Decimal

import pytest
from django.urls import reverse

from bimkemas.clients.caseload import assignable_officers, officers_with_load, propose_officer
from bimkemas.clients.models import Assignment
from bimkemas.clients.services import case_assign
from bimkemas.clients.tests.secondment import DAY, second
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.testing import login


def load_in(office, officer) -> tuple[int, Decimal]:
    loaded = officers_with_load(office.pk).get(pk=officer.pk)
    return loaded.case_count, loaded.weighted_load


def test_it_proposes_the_seconded_officer_by_their_load_in_the_receiving_office(
    case, seconded, alice, erin, other_office, make_oku_case
):
    make_oku_case("Erwin Saputra", officer=erin)
    new = make_oku_case("Fadli Rahman")
    assert load_in(other_office, alice) == (0, Decimal("0"))  # her Palembang case not counted
    assert propose_officer(new, day=today()) == alice
    assert set(assignable_officers(other_office.pk, day=today())) == {alice, erin}


def test_it_counts_the_cases_in_each_office_separately(
    case, seconded, alice, office, other_office, make_oku_case
):
    make_oku_case("Fadli Rahman", officer=alice)
    assert load_in(other_office, alice) == (1, Decimal("1.00"))
    assert load_in(office, alice) == (1, Decimal("1.00"))


def test_it_leaves_the_seconded_officer_out_in_the_sending_office(
    case, seconded, alice, pat, bob, office, make_case
):
    new = make_case(identity={"full_name": "Gilang Pratama", "nik": None})
    assert propose_officer(new, day=today()) == pat
    assert list(assignable_officers(office.pk, day=today())) == [pat]
    with pytest.raises(ApplicationError) as caught:
        case_assign(actor=bob, case=new, officer=alice)
    assert "officer" in caught.value.errors


def test_it_assigns_a_receiving_office_case_to_the_seconded_officer(
    seconded, alice, owen, make_oku_case
):
    new = make_oku_case("Fadli Rahman")
    assert case_assign(actor=owen, case=new, officer=alice).officer == alice
    assert Assignment.objects.get(case=new).assigned_by == owen


@pytest.mark.parametrize(
    ("starts", "ends"), [(1, 20), (-20, -1)], ids=["not-yet-started", "already-ended"]
)
def test_it_refuses_the_officer_outside_the_secondment(
    alice, owen, other_office, make_oku_case, starts, ends
):
    second(alice, other_office, starts_on=today() + starts * DAY, ends_on=today() + ends * DAY)
    new = make_oku_case("Fadli Rahman")
    with pytest.raises(ApplicationError) as caught:
        case_assign(actor=owen, case=new, officer=alice)
    assert "officer" in caught.value.errors


def test_the_assign_page_of_the_receiving_office_offers_the_seconded_officer(
    client, seconded, alice, erin, owen, make_oku_case
):
    make_oku_case("Erwin Saputra", officer=erin)
    new = make_oku_case("Fadli Rahman")
    login(client, owen)
    url = reverse("case_assign", args=[new.public_id])
    response = client.get(url)
    rows = {row["officer"].username: row for row in response.context["rows"]}
    assert set(rows) == {"alice", "erin"}
    assert rows["alice"]["seconded_in"] and not rows["erin"]["seconded_in"]
    assert response.context["proposed"] == alice
    assert "BKO" in response.text
    response = client.post(url, {"officer": str(alice.public_id)})
    assert response.status_code == 302
    new.refresh_from_db()
    assert new.officer == alice
