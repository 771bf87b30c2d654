"""NIK validation: 16 digits, a region code, the birth date (+40 for women) and a serial."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bimkemas.clients.identity import validate_nik
from bimkemas.core.errors import ApplicationError

# Kota Palembang (16 71 01), born 17 May 1990, serial 0001.
NIK = "1671011705900001"


def refused(nik: str, **kwargs) -> ApplicationError:
    with pytest.raises(ApplicationError) as caught:
        validate_nik(nik, **kwargs)
    assert caught.value.field == "nik"
    assert caught.value.errors["nik"][0]
    return caught.value


def test_it_accepts_a_valid_nik():
    assert validate_nik(NIK) == NIK
    assert validate_nik(NIK, birth_date=dt.date(1990, 5, 17), female=False) == NIK


def test_it_strips_spaces_anywhere_in_the_nik():
    assert validate_nik(" 1671 0117 0590 0001\n") == NIK


@pytest.mark.parametrize(
    "nik",
    [
        "",
        "167101170590000",  # 15 digits
        "16710117059000012",  # 17 digits
        "16710117059O0001",  # a letter O for a zero
        "1671-0117-0590-0001",
        "１６７１０１１７０５９００００１",  # full-width digits
        "١٦٧١٠١١٧٠٥٩٠٠٠٠١",  # Arabic-Indic digits
    ],
)
def test_it_wants_exactly_sixteen_ascii_digits(nik):
    assert "16" in refused(nik).message


def test_it_accepts_a_womans_nik_with_forty_added_to_the_day():
    female = "1671015705900001"
    assert validate_nik(female, birth_date=dt.date(1990, 5, 17), female=True) == female


def test_it_refuses_a_nik_whose_sex_does_not_match():
    refused("1671015705900001", female=False)
    refused(NIK, female=True)


def test_it_refuses_a_nik_whose_birth_date_does_not_match():
    refused(NIK, birth_date=dt.date(1990, 5, 18))
    refused(NIK, birth_date=dt.date(1991, 5, 17))
    refused(NIK, birth_date=dt.date(1990, 6, 17))


def test_it_compares_only_the_last_two_digits_of_the_year():
    assert validate_nik(NIK, birth_date=dt.date(1990, 5, 17)) == NIK
    assert validate_nik("1671011705000001", birth_date=dt.date(2000, 5, 17))


@pytest.mark.parametrize(
    "nik",
    [
        "1671011713900001",  # month 13
        "1671011700900001",  # month 00
        "1671010005900001",  # day 00
        "1671013205900001",  # day 32
        "1671017205900001",  # day 72 = 32 for a woman
        "1671014005900001",  # day 40 = 0 for a woman
        "1671013104900001",  # 31 April
        "1671013002900001",  # 30 February
        "1671012902010001",  # 29 February 1901 / 2001
    ],
)
def test_it_refuses_a_nik_without_a_real_birth_date(nik):
    refused(nik)


def test_it_accepts_29_february_of_a_leap_year():
    assert validate_nik("1671012902000001", birth_date=dt.date(2000, 2, 29))
    assert validate_nik("1671016902960001", birth_date=dt.date(1996, 2, 29), female=True)


@pytest.mark.parametrize(
    "nik",
    [
        "0071011705900001",  # province 00
        "1071011705900001",  # below the first province (11, Aceh)
        "1600011705900001",  # kabupaten/kota 00
        "1671001705900001",  # kecamatan 00
    ],
)
def test_it_refuses_a_region_code_of_zeros(nik):
    refused(nik)


def test_it_refuses_serial_0000():
    refused("1671011705900000")


# Property: any NIK built from a real date, region and serial passes and comes back unchanged.


@settings(deadline=None)  # a loaded CI machine must not fail a correct rule
@given(
    birth_date=st.dates(min_value=dt.date(1920, 1, 1), max_value=dt.date(2025, 12, 31)),
    female=st.booleans(),
    province=st.integers(min_value=11, max_value=99),
    district=st.integers(min_value=1, max_value=99),
    subdistrict=st.integers(min_value=1, max_value=99),
    serial=st.integers(min_value=1, max_value=9999),
)
def test_it_accepts_and_returns_any_well_formed_nik(
    birth_date, female, province, district, subdistrict, serial
):
    day = birth_date.day + (40 if female else 0)
    nik = (
        f"{province:02d}{district:02d}{subdistrict:02d}"
        f"{day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}{serial:04d}"
    )
    assert validate_nik(nik, birth_date=birth_date, female=female) == nik
    spaced = " ".join([nik[:6], nik[6:12], nik[12:]])
    assert validate_nik(spaced) == nik
