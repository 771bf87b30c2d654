"""find_possible_duplicates: the same NIK anywhere, or the same birth date and a close name."""

import datetime as dt

import pytest

from bimkemas.accounts.models import Role, WorkArea
from bimkemas.clients.selectors import find_possible_duplicates
from bimkemas.clients.services import client_intake
from bimkemas.testing import case_data, identity_data, make_nik, make_user

BORN = dt.date(1995, 8, 17)


@pytest.fixture
def rizky(make_case):
    return make_case(identity={"full_name": "Rizky Ramadhan", "birth_date": BORN}).client


@pytest.fixture
def oku_client(other_office, pb, facility):
    area = WorkArea.objects.create(office=other_office, kind="kabupaten", name="OKU")
    registrar = make_user("rani", other_office, Role.REGISTRAR)
    identity = identity_data(area, full_name="Moh. Djoko Soetjipto", birth_date=BORN)
    return client_intake(actor=registrar, identity=identity, case=case_data(pb, facility)).client


def found(office, **query) -> dict:
    return {
        match.client.pk: (match.reason, match.same_office)
        for match in find_possible_duplicates(office_id=office.pk, **query)
    }


def test_it_finds_the_same_nik_in_this_office(rizky, office):
    assert found(office, nik=rizky.nik) == {rizky.pk: ("nik", True)}


def test_it_finds_the_same_nik_in_another_office(oku_client, office):
    assert found(office, nik=oku_client.nik) == {oku_client.pk: ("nik", False)}


def test_it_reports_a_nik_match_once_even_when_the_name_matches_too(rizky, office):
    assert found(office, nik=rizky.nik, full_name="Rizky Ramadhan", birth_date=BORN) == {
        rizky.pk: ("nik", True)
    }


def test_it_finds_another_spelling_of_the_name_with_the_same_birth_date(rizky, office):
    assert found(office, full_name="Ramadhan Rizky", birth_date=BORN) == {rizky.pk: ("name", True)}


def test_it_finds_an_old_spelling_in_another_office(oku_client, office):
    assert found(office, full_name="Muhammad Joko Sucipto", birth_date=BORN) == {
        oku_client.pk: ("name", False)
    }


def test_it_finds_a_name_one_letter_apart(rizky, office):
    assert found(office, full_name="Rizki Ramadhan", birth_date=BORN) == {
        rizky.pk: ("similar", True)
    }


def test_it_finds_one_letter_apart_when_the_letter_reorders_the_key(make_case, office):
    yudi = make_case(identity={"full_name": "Yudi Santoso", "birth_date": BORN}).client
    assert found(office, full_name="Rudi Santoso", birth_date=BORN) == {yudi.pk: ("similar", True)}


def test_it_ignores_the_same_name_with_another_birth_date(rizky, office):
    assert found(office, full_name="Rizky Ramadhan", birth_date=dt.date(1975, 3, 2)) == {}


def test_the_matcher_warns_of_the_same_name_born_a_day_apart(rizky, office):
    """The name rule wants the same birth date; the record matcher (linkage, registered in
    core.duplicates) tolerates a date one day off: a mistyped date is a likely duplicate."""
    near = BORN + dt.timedelta(days=1)
    assert found(office, full_name="Rizky Ramadhan", birth_date=near) == {
        rizky.pk: ("matcher", True)
    }


def test_the_matcher_warns_of_a_day_and_month_swap(make_case, office):
    rudi = make_case(
        identity={"full_name": "Rudi Hartono", "birth_date": dt.date(1992, 4, 3)}
    ).client
    swapped = dt.date(1992, 3, 4)
    assert found(office, full_name="Rudi Hartono", birth_date=swapped) == {
        rudi.pk: ("matcher", True)
    }


def test_it_ignores_a_different_name_with_the_same_birth_date(rizky, office):
    assert found(office, full_name="Dedi Kurniawan", birth_date=BORN) == {}


def test_it_needs_both_name_and_birth_date_to_match_by_name(rizky, office):
    assert found(office, full_name="Rizky Ramadhan") == {}
    assert found(office, nik=make_nik(BORN)) == {}
