"""Fixtures for the secondment (BKO) tests: OKU's staff and clients, alice seconded there."""

import pytest

from bimkemas.clients.tests.secondment import intake, oku_staff, second, secondment_dates


@pytest.fixture
def oku(other_office):
    """(work area, supervisor owen, registrar rita) of Bapas OKU."""
    return oku_staff(other_office)


@pytest.fixture
def owen(oku):
    return oku[1]


@pytest.fixture
def make_oku_case(oku, pb, facility):
    """make_oku_case("Name", officer=…): a client of OKU, assigned by OKU's supervisor."""
    area, owen, rita = oku

    def factory(name: str, *, officer=None):
        return intake(rita, area, pb, facility, name, officer=officer, assigned_by=owen)

    return factory


@pytest.fixture
def seconded(alice, other_office):
    """alice's secondment to OKU, from ten days ago until twenty days from now."""
    starts_on, ends_on = secondment_dates()
    return second(alice, other_office, starts_on=starts_on, ends_on=ends_on)
