"""A seconded (BKO) officer's caseload page: each office sees its own cases and why."""

import pytest
from django.urls import reverse
from django.utils.dateformat import format as format_date

from bimkemas.accounts.models import Absence
from bimkemas.clients.tests.secondment import DAY
from bimkemas.core.dates import today
from bimkemas.testing import login


def url(officer) -> str:
    return reverse("officer_caseload", args=[officer.public_id])


@pytest.fixture
def oku_case(case, seconded, alice, make_oku_case):
    return make_oku_case("Fadli Rahman", officer=alice)


def shown(response) -> list:
    return [row["case"] for row in response.context["rows"]]


def test_the_receiving_office_sees_only_its_cases(client, oku_case, alice, owen):
    login(client, owen)
    response = client.get(url(alice))
    assert response.status_code == 200
    assert shown(response) == [oku_case]
    assert response.context["load"].case_count == 1
    assert response.context["status"].seconded_in
    assert "BKO" in response.text
    assert "seconded from Bapas Kelas I Palembang" in response.text


def test_the_sending_office_sees_its_cases_and_where_the_officer_is(
    client, oku_case, case, seconded, alice, bob
):
    login(client, bob)
    response = client.get(url(alice))
    assert shown(response) == [case]
    assert response.context["load"].case_count == 1
    until = format_date(seconded.ends_on, "j M Y")
    assert f"Seconded to Bapas Kelas II OKU until {until}" in response.text
    assert "Fadli Rahman" not in response.text


def test_the_officer_sees_their_cases_in_both_offices(client, oku_case, case, alice):
    login(client, alice)
    response = client.get(url(alice))
    assert set(shown(response)) == {case, oku_case}


def test_other_officers_of_the_receiving_office_do_not_see_the_page(client, oku_case, alice, erin):
    login(client, erin)
    assert client.get(url(alice)).status_code == 404


def test_the_receiving_office_is_told_to_reassign_after_the_secondment(
    client, oku_case, seconded, alice, owen
):
    Absence.objects.filter(pk=seconded.pk).update(ends_on=today() - DAY)
    login(client, owen)
    response = client.get(url(alice))
    assert shown(response) == [oku_case]
    assert response.context["status"].needs_reassignment
    assert "No longer works here" in response.text
