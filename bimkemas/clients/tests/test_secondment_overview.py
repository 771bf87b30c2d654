"""The office overview with secondments: the receiving office lists the seconded officer as
BKO and counts them active; the sending office counts them seconded, not active."""

from django.urls import reverse

from bimkemas.clients.caseload import office_overview
from bimkemas.core.dates import today
from bimkemas.testing import login


def test_the_receiving_office_counts_the_seconded_officer_active(
    seconded, alice, erin, other_office
):
    overview = office_overview(other_office, day=today())
    assert overview.officers == 1  # its own staff: erin
    assert overview.seconded_in == 1
    assert overview.active_officers == 2


def test_the_sending_office_counts_the_officer_seconded(seconded, alice, pat, office):
    overview = office_overview(office, day=today())
    assert overview.officers == 2
    assert overview.seconded == 1
    assert overview.seconded_to == {"Bapas Kelas II OKU": 1}
    assert overview.seconded_in == 0
    assert overview.active_officers == 1


def test_the_receiving_offices_table_marks_the_officer_bko(
    client, seconded, alice, erin, owen, make_oku_case
):
    make_oku_case("Fadli Rahman", officer=alice)
    login(client, owen)
    response = client.get(reverse("office_overview"))
    rows = {row.officer.username: row for row in response.context["officers"]}
    assert set(rows) == {"alice", "erin"}
    assert rows["alice"].seconded_in and rows["alice"].available
    assert rows["alice"].officer.case_count == 1
    assert not rows["erin"].seconded_in
    assert "seconded from Bapas Kelas I Palembang" in response.text


def test_the_sending_offices_table_says_where_the_officer_is(
    client, case, seconded, alice, pat, bob
):
    login(client, bob)
    response = client.get(reverse("office_overview"))
    rows = {row.officer.username: row for row in response.context["officers"]}
    assert rows["alice"].officer.case_count == 1
    assert not rows["alice"].available
    assert rows["alice"].absence == seconded
    assert "Seconded to Bapas Kelas II OKU until" in response.text
