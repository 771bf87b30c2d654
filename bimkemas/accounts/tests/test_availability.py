"""When officers are away (seconded, on leave, rotating), and the rules of an Office."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from bimkemas.accounts.models import Absence, AbsenceKind, Office, User

DAY = dt.timedelta(days=1)
START, END = dt.date(2026, 3, 10), dt.date(2026, 3, 20)


@pytest.fixture
def leave(pat):
    return Absence.objects.create(officer=pat, kind=AbsenceKind.LEAVE, starts_on=START, ends_on=END)


def test_it_covers_the_first_and_last_day(leave):
    for day in (START, START + DAY, END):
        assert list(Absence.objects.covering(day)) == [leave]


def test_it_does_not_cover_the_days_around(leave):
    assert not Absence.objects.covering(START - DAY).exists()
    assert not Absence.objects.covering(END + DAY).exists()


def test_it_covers_every_day_after_an_open_ended_start(pat, other_office):
    open_ended = Absence.objects.create(
        officer=pat, kind=AbsenceKind.SECONDED, starts_on=START, seconded_to=other_office
    )
    assert not Absence.objects.covering(START - DAY).exists()
    assert list(Absence.objects.covering(dt.date(2040, 1, 1))) == [open_ended]


def test_it_leaves_away_officers_out_of_the_available(leave, alice, pat):
    def available(day):
        return set(User.objects.officers().available_on(day))

    assert available(START - DAY) == {alice, pat}
    assert available(START) == {alice}
    assert available(END) == {alice}
    assert available(END + DAY) == {alice, pat}
    assert pat.absence_on(START) == leave
    assert pat.absence_on(END + DAY) is None


def test_it_refuses_an_absence_ending_before_it_starts(pat):
    absence = Absence(officer=pat, kind=AbsenceKind.LEAVE, starts_on=END, ends_on=START)
    with pytest.raises(ValidationError) as caught:
        absence.full_clean()
    assert "ends_on" in caught.value.message_dict


def test_it_accepts_a_one_day_absence(pat):
    Absence(officer=pat, kind=AbsenceKind.LEAVE, starts_on=START, ends_on=START).full_clean()


def test_it_wants_to_know_where_an_officer_is_seconded(pat, other_office):
    absence = Absence(officer=pat, kind=AbsenceKind.SECONDED, starts_on=START)
    with pytest.raises(ValidationError) as caught:
        absence.full_clean()
    assert "seconded_to" in caught.value.message_dict
    absence.seconded_to = other_office
    absence.full_clean()


def test_it_needs_no_office_for_leave_or_rotation(pat):
    for kind in (AbsenceKind.LEAVE, AbsenceKind.ROTATION):
        Absence(officer=pat, kind=kind, starts_on=START).full_clean()


@pytest.mark.parametrize(
    ("awal_end", "lanjutan_end"),
    [(Decimal("0.750"), Decimal("0.750")), (Decimal("0.800"), Decimal("0.500"))],
)
def test_it_refuses_an_office_whose_first_stage_ends_after_the_second(
    office, awal_end, lanjutan_end
):
    office.stage_awal_end, office.stage_lanjutan_end = awal_end, lanjutan_end
    with pytest.raises(ValidationError):
        office.full_clean()


@pytest.mark.parametrize("fraction", [Decimal("0.000"), Decimal("1.000")])
def test_it_keeps_stage_fractions_inside_the_period(office, fraction):
    office.stage_awal_end = fraction
    with pytest.raises(ValidationError):
        office.full_clean()


def test_it_accepts_the_default_and_a_custom_stage_rule(office):
    office.full_clean()
    office.stage_awal_end, office.stage_lanjutan_end = Decimal("0.333"), Decimal("0.667")
    office.full_clean()
    assert isinstance(Office._meta.get_field("stage_awal_end").default, Decimal)
