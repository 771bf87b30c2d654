"""The offices an officer works for on a day: home unless away, plus where seconded (BKO)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from bimkemas.accounts.models import Absence, AbsenceKind, User

DAY = dt.timedelta(days=1)
START, END = dt.date(2026, 3, 10), dt.date(2026, 3, 20)


@pytest.fixture
def secondment(alice, other_office):
    return Absence.objects.create(
        officer=alice,
        kind=AbsenceKind.SECONDED,
        starts_on=START,
        ends_on=END,
        seconded_to=other_office,
    )


def working_for(office, day) -> set[str]:
    return set(
        User.objects.officers().working_for(office.pk, day).values_list("username", flat=True)
    )


def test_it_moves_the_officer_to_the_receiving_office_on_the_first_and_last_day(
    secondment, alice, pat, erin, office, other_office
):
    for day in (START, START + DAY, END):
        assert alice.offices_on(day) == {other_office.pk}
        assert working_for(office, day) == {"pat"}
        assert working_for(other_office, day) == {"alice", "erin"}


def test_it_keeps_the_officer_home_the_days_around(
    secondment, alice, pat, erin, office, other_office
):
    for day in (START - DAY, END + DAY):
        assert alice.offices_on(day) == {office.pk}
        assert working_for(office, day) == {"alice", "pat"}
        assert working_for(other_office, day) == {"erin"}


def test_it_counts_an_open_ended_secondment_until_it_is_given_an_end(alice, office, other_office):
    Absence.objects.create(
        officer=alice, kind=AbsenceKind.SECONDED, starts_on=START, seconded_to=other_office
    )
    assert alice.offices_on(dt.date(2040, 1, 1)) == {other_office.pk}
    assert alice.offices_on(START - DAY) == {office.pk}


def test_it_takes_a_seconded_officer_on_leave_out_of_the_receiving_office(
    secondment, alice, other_office
):
    Absence.objects.create(officer=alice, kind=AbsenceKind.LEAVE, starts_on=END, ends_on=END)
    assert alice.offices_on(END - DAY) == {other_office.pk}
    assert alice.offices_on(END) == set()


def test_it_names_the_secondment_covering_a_day(secondment, alice):
    assert alice.secondment_on(END) == secondment
    assert alice.secondment_on(END + DAY) is None


def test_it_refuses_a_secondment_to_the_officers_own_office(alice, office):
    absence = Absence(officer=alice, kind=AbsenceKind.SECONDED, starts_on=START, seconded_to=office)
    with pytest.raises(ValidationError) as caught:
        absence.full_clean()
    assert "seconded_to" in caught.value.message_dict


def test_it_refuses_a_receiving_office_on_leave(alice, other_office):
    absence = Absence(
        officer=alice, kind=AbsenceKind.LEAVE, starts_on=START, seconded_to=other_office
    )
    with pytest.raises(ValidationError) as caught:
        absence.full_clean()
    assert "seconded_to" in caught.value.message_dict


def test_the_database_requires_a_receiving_office_for_a_secondment(alice):
    with pytest.raises(IntegrityError):
        Absence.objects.create(officer=alice, kind=AbsenceKind.SECONDED, starts_on=START)
