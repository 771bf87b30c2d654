"""Phone numbers are stored in E.164 form (+62…), whatever way they were typed."""

import pytest

from bimkemas.clients.identity import normalise_phone
from bimkemas.core.errors import ApplicationError


@pytest.mark.parametrize(
    "typed",
    [
        "081270001234",
        "0812-7000-1234",
        "0812 7000 1234",
        "+6281270001234",
        "+62 812-7000-1234",
        "6281270001234",
        "62 812 7000 1234",
        "(0812) 7000-1234",
    ],
)
def test_it_writes_a_mobile_number_in_e164(typed):
    assert normalise_phone(typed) == "+6281270001234"


@pytest.mark.parametrize("typed", ["0711-352000", "(0711) 352000", "+62 711 352000"])
def test_it_accepts_a_palembang_landline(typed):
    assert normalise_phone(typed) == "+62711352000"


def test_it_keeps_a_foreign_number_with_its_country_code():
    assert normalise_phone("+60 12-345 6789") == "+60123456789"


@pytest.mark.parametrize("junk", ["", "abc", "12", "0812", "08127000123456789", "+62 000 0000"])
def test_it_refuses_what_is_not_a_phone_number(junk):
    with pytest.raises(ApplicationError) as caught:
        normalise_phone(junk, field="phones.0.number")
    assert caught.value.field == "phones.0.number"
    assert caught.value.errors["phones.0.number"][0]
