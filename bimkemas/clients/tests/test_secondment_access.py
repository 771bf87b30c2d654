"""What a seconded (BKO) officer may see: their own cases in the receiving office, while
the secondment lasts, and nothing else of that office."""

import pytest
from django.http import Http404

from bimkemas.accounts.models import Absence, Office, Role
from bimkemas.clients.access import (
    can_edit_case,
    can_see_officer,
    get_case_for_user,
    visible_clients,
    writable_clients,
)
from bimkemas.clients.caseload import office_overview, officer_row, officers_with_load
from bimkemas.clients.tests.secondment import DAY
from bimkemas.core.dates import today
from bimkemas.testing import make_user


@pytest.fixture
def maya(db):
    """Section head of a third office, Musi Rawas Utara."""
    muratara = Office.objects.create(code="mura", name="Bapas Musi Rawas Utara", office_class="II")
    return make_user("maya", muratara, Role.SUPERVISOR)


@pytest.fixture
def oku_case(case, seconded, alice, make_oku_case):
    """An OKU client assigned to alice during her secondment (after her Palembang `case`)."""
    return make_oku_case("Fadli Rahman", officer=alice)


def end_secondment(secondment) -> None:
    Absence.objects.filter(pk=secondment.pk).update(ends_on=today() - DAY)


def test_it_shows_the_officer_their_cases_in_the_receiving_office(oku_case, case, alice):
    assert set(visible_clients(alice)) == {case.client, oku_case.client}
    assert set(writable_clients(alice)) == {case.client, oku_case.client}
    assert get_case_for_user(alice, oku_case.public_id, write=True) == oku_case
    assert can_edit_case(alice, oku_case)


def test_it_shows_no_other_client_of_the_receiving_office(oku_case, alice, erin, make_oku_case):
    others = [make_oku_case("Erwin Saputra", officer=erin), make_oku_case("Gilang Pratama")]
    visible = set(visible_clients(alice))
    for other in others:
        assert other.client not in visible
        with pytest.raises(Http404):
            get_case_for_user(alice, other.public_id)


def test_the_sending_office_does_not_see_the_receiving_offices_case(oku_case, bob, erin):
    with pytest.raises(Http404):
        get_case_for_user(bob, oku_case.public_id)
    assert oku_case.client not in set(visible_clients(erin))


def test_it_takes_the_cases_away_when_the_secondment_ends(oku_case, case, seconded, alice):
    end_secondment(seconded)
    assert set(visible_clients(alice)) == {case.client}
    assert set(writable_clients(alice)) == {case.client}
    assert not can_edit_case(alice, oku_case)
    with pytest.raises(Http404):
        get_case_for_user(alice, oku_case.public_id)


def test_the_receiving_office_keeps_the_cases_to_reassign(
    oku_case, seconded, alice, owen, other_office
):
    end_secondment(seconded)
    assert get_case_for_user(owen, oku_case.public_id) == oku_case
    assert can_see_officer(owen, alice)
    assert officers_with_load(other_office.pk).get(pk=alice.pk).case_count == 1
    assert officer_row(other_office.pk, alice, day=today()).needs_reassignment
    assert office_overview(other_office, day=today()).needs_reassignment == 1


def test_supervisors_see_the_officer_only_from_the_offices_involved(
    seconded, alice, owen, bob, maya
):
    assert can_see_officer(owen, alice)
    assert can_see_officer(bob, alice)
    assert not can_see_officer(maya, alice)
